/** Assessments this browser created or opened for editing, kept only in localStorage. */
export interface RecentAssessment {
	id: string;
	title: string;
	updatedAt: string;
}

const KEY = 'lock-in-radar:recent';
const MAX = 50;

export function recentAssessments(): RecentAssessment[] {
	try {
		const parsed: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]');
		if (!Array.isArray(parsed)) return [];
		return parsed.filter(
			(item): item is RecentAssessment =>
				typeof item?.id === 'string' &&
				typeof item?.title === 'string' &&
				typeof item?.updatedAt === 'string'
		);
	} catch {
		return [];
	}
}

export function rememberAssessment(entry: RecentAssessment): void {
	try {
		const others = recentAssessments().filter((item) => item.id !== entry.id);
		localStorage.setItem(KEY, JSON.stringify([{ ...entry }, ...others].slice(0, MAX)));
	} catch {
		// Private mode or full storage: the list is a convenience, the link still works.
	}
}

export function forgetAssessment(id: string): void {
	try {
		localStorage.setItem(KEY, JSON.stringify(recentAssessments().filter((item) => item.id !== id)));
	} catch {
		/* see rememberAssessment */
	}
}
