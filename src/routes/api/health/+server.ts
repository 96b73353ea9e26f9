import { json } from '@sveltejs/kit';
import { checkHealth } from '$lib/server/health';
import { getStores } from '$lib/server/store';
import type { RequestHandler } from './$types';

/** For load balancers: 200 while this server can reach its store, 503 (and out of rotation) when not. */
export const GET: RequestHandler = async () => {
	const health = await checkHealth(getStores());
	return json(health, {
		status: health.status === 'ok' ? 200 : 503,
		headers: { 'cache-control': 'no-store' }
	});
};
