/** Tenders this browser created or opened, kept only in localStorage (like recent assessments). */
export interface RecentTender {
	id: string;
	title: string;
	updatedAt: string;
}

const KEY = 'lock-in-radar:recent-tenders';
const MAX = 50;

export function recentTenders(): RecentTender[] {
	try {
		const parsed: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]');
		if (!Array.isArray(parsed)) return [];
		return parsed.filter(
			(item): item is RecentTender =>
				typeof item?.id === 'string' &&
				typeof item?.title === 'string' &&
				typeof item?.updatedAt === 'string'
		);
	} catch {
		return [];
	}
}

export function rememberTender(entry: RecentTender): void {
	try {
		const others = recentTenders().filter((item) => item.id !== entry.id);
		localStorage.setItem(
			KEY,
			JSON.stringify(
				[{ id: entry.id, title: entry.title, updatedAt: entry.updatedAt }, ...others].slice(0, MAX)
			)
		);
	} catch {
		// Private mode or full storage: the list is a convenience, the link still works.
	}
}

export function forgetTender(id: string): void {
	try {
		localStorage.setItem(KEY, JSON.stringify(recentTenders().filter((item) => item.id !== id)));
	} catch {
		/* see rememberTender */
	}
}
