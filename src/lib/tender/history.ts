/**
 * How much of an offer's change history a tender keeps. Pure: no I/O.
 *
 * Every save rewrites the whole tender file, and a vendor (or a script holding a respondent link)
 * could otherwise grow the history without end: a few hundred bytes per changed field, forever.
 * The issue asks that every change be kept, and the buyer's record of the bid is what an audit
 * reads, so the bound falls on the one party a link lets in from outside:
 *
 * - The buyer's entries (answers, verifications, disputes and their notes) are never dropped. They
 *   grow only by writes with the tender's edit key, like every other part of the owner's record.
 * - Of the vendor's entries, per question and field, the first is kept (what the bid originally
 *   claimed) and the latest VENDOR_RECENT_PER_FIELD (how the claim was revised lately, e.g. after a
 *   dispute); the changes in between go. A kept entry still says what it changed from (`old`), so
 *   a gap shows as an `old` that is not the previous entry's `new`. A vendor flipping one statement
 *   in a loop thus evicts only its own older drafts of that statement, never another question's
 *   history and never the buyer's.
 * - All the vendor's entries together stay within MAX_VENDOR_HISTORY: past it the oldest go, the
 *   first claims last. A real bid round (7 fields x ~40 questions = 280 entries per full rewrite)
 *   stays well under it; 8 offers at the cap stay near 2 MB plus the buyer's own entries.
 */
import type { HistoryEntry, Offer } from './schema';

/** Most vendor entries an offer keeps in all. */
export const MAX_VENDOR_HISTORY = 2_000;
/** Latest vendor entries kept per question and field, besides the first. */
export const VENDOR_RECENT_PER_FIELD = 10;

export interface HistoryLimits {
	vendorTotal: number;
	recentPerField: number;
}
export const HISTORY_LIMITS: HistoryLimits = {
	vendorTotal: MAX_VENDOR_HISTORY,
	recentPerField: VENDOR_RECENT_PER_FIELD
};

const fieldKey = (entry: HistoryEntry) => `${entry.questionId}\u0000${entry.field}`;

/**
 * The offer's history within the limits above, in its order; the same object when nothing goes.
 * Entries are in the order they were made (appended on each change).
 */
export function cappedHistory<T extends Pick<Offer, 'history'>>(
	offer: T,
	limits: HistoryLimits = HISTORY_LIMITS
): T {
	const { history } = offer;
	const keep = history.map(() => true);
	const byField = new Map<string, number[]>();
	history.forEach((entry, index) => {
		if (entry.by !== 'vendor') return;
		const key = fieldKey(entry);
		const indexes = byField.get(key);
		if (indexes) indexes.push(index);
		else byField.set(key, [index]);
	});
	const firsts = new Set<number>();
	let vendorKept = 0;
	for (const indexes of byField.values()) {
		firsts.add(indexes[0]!);
		// Between the first and the latest `recentPerField`: dropped.
		for (let i = 1; i < indexes.length - limits.recentPerField; i++) keep[indexes[i]!] = false;
		vendorKept += Math.min(indexes.length, 1 + limits.recentPerField);
	}
	// Over the total: the oldest vendor entries go, first claims only when nothing else is left.
	for (const pass of [false, true]) {
		for (let i = 0; i < history.length && vendorKept > limits.vendorTotal; i++) {
			if (!keep[i] || history[i]!.by !== 'vendor' || firsts.has(i) !== pass) continue;
			keep[i] = false;
			vendorKept--;
		}
	}
	if (keep.every(Boolean)) return offer;
	return { ...offer, history: history.filter((_, i) => keep[i]) };
}
