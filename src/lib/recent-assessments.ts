import type { Rating } from '$lib/rules/schema';

/**
 * The rating the results page showed, kept with the entry so "My assessments" can compare offers
 * at a glance without a request per assessment. `asOf` is the assessment's `updatedAt` when it was
 * scored: when the answers changed since, the list says the rating predates them.
 */
export interface RememberedResult {
	rating: Rating;
	score: number;
	provisional: boolean;
	asOf: string;
}

/** Assessments this browser created or opened for editing, kept only in localStorage. */
export interface RecentAssessment {
	id: string;
	title: string;
	/** When the assessment was last changed, as the server said. */
	updatedAt: string;
	/** When this browser last opened it (absent in entries saved before this was recorded). */
	openedAt?: string;
	result?: RememberedResult;
}

const KEY = 'lock-in-radar:recent';
const MAX = 50;
const RATINGS: readonly string[] = ['low', 'moderate', 'high', 'critical'];

const isResult = (value: unknown): value is RememberedResult => {
	const r = value as Partial<RememberedResult> | null;
	return (
		typeof r === 'object' &&
		r !== null &&
		typeof r.rating === 'string' &&
		RATINGS.includes(r.rating) &&
		typeof r.score === 'number' &&
		typeof r.provisional === 'boolean' &&
		typeof r.asOf === 'string'
	);
};

export function recentAssessments(): RecentAssessment[] {
	try {
		const parsed: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]');
		if (!Array.isArray(parsed)) return [];
		return parsed
			.filter(
				(item) =>
					typeof item?.id === 'string' &&
					typeof item?.title === 'string' &&
					typeof item?.updatedAt === 'string'
			)
			.map((item) => ({
				id: item.id,
				title: item.title,
				updatedAt: item.updatedAt,
				...(typeof item.openedAt === 'string' ? { openedAt: item.openedAt } : {}),
				...(isResult(item.result) ? { result: item.result } : {})
			}));
	} catch {
		return [];
	}
}

/**
 * Puts the assessment first in the list. A rating remembered earlier is kept when the caller
 * brings none (a questionnaire step does not score), so the list keeps what the results showed.
 */
export function rememberAssessment(
	entry: Pick<RecentAssessment, 'id' | 'title' | 'updatedAt'> & { result?: RememberedResult },
	now: Date = new Date()
): void {
	try {
		const list = recentAssessments();
		const before = list.find((item) => item.id === entry.id);
		const others = list.filter((item) => item.id !== entry.id);
		const result = entry.result ?? before?.result;
		const next: RecentAssessment = {
			id: entry.id,
			title: entry.title,
			updatedAt: entry.updatedAt,
			openedAt: now.toISOString(),
			...(result ? { result } : {})
		};
		localStorage.setItem(KEY, JSON.stringify([next, ...others].slice(0, MAX)));
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
