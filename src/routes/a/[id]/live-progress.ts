import { getContext, setContext } from 'svelte';

/**
 * Answer counts typed on the current page, shown in the step list before the next server load.
 * A context, not a module variable: on the server every request needs its own.
 */
export interface LiveProgress {
	set(areaId: string, answered: number): void;
}

const KEY = Symbol('live-progress');

export const provideLiveProgress = (progress: LiveProgress) => setContext(KEY, progress);
export const useLiveProgress = () => getContext<LiveProgress | undefined>(KEY);
