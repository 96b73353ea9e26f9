/**
 * Read-only comparison links of a tender: their status, what the owner sees of them, and what a
 * recipient sees through one. Pure: no I/O; the server decides what to store.
 */
import type { Comparison } from './compare';
import type { AnswerMatrix } from './matrix';
import type { ComparisonShare, StoredTender } from './schema';

export const COMPARISON_SHARE_STATUSES = ['active', 'expired', 'revoked'] as const;
export type ComparisonShareStatus = (typeof COMPARISON_SHARE_STATUSES)[number];

export function comparisonShareStatus(share: ComparisonShare, now: Date): ComparisonShareStatus {
	if (share.revokedAt) return 'revoked';
	if (share.expiresAt && Date.parse(share.expiresAt) <= now.getTime()) return 'expired';
	return 'active';
}

/** A link as the owner sees it: never its token or the token's hash. */
export function comparisonShareSummary(share: ComparisonShare, now: Date) {
	const { tokenHash: _hash, ...visible } = share;
	return { ...visible, status: comparisonShareStatus(share, now) };
}
export type ComparisonShareSummary = ReturnType<typeof comparisonShareSummary>;

export const liveComparisonShares = (tender: Pick<StoredTender, 'shares'>, now: Date) =>
	tender.shares.filter((s) => comparisonShareStatus(s, now) === 'active').length;

/**
 * What a comparison link shows: the tender's title, organisation and fleet in outline, the
 * comparison and the answers side by side. Built field by field (never by copying the record and
 * deleting), so nothing added to a tender later reaches a recipient by accident: never the tender's
 * id (its edit key), respondent links, buyer notes, state notes, history or evidence files.
 */
export function sharedComparisonView(
	tender: StoredTender,
	share: ComparisonShare,
	comparison: Comparison,
	matrix: AnswerMatrix
) {
	return {
		tender: {
			title: tender.title,
			organisation: tender.organisation,
			currency: comparison.offers[0]?.switchingCost.currency ?? tender.currency ?? 'USD',
			fleet: {
				devices: tender.fleet.devices,
				countries: [...tender.fleet.countries],
				lifetimeYears: tender.fleet.lifetimeYears
			},
			updatedAt: tender.updatedAt,
			/** True: the weights are the ones the buyer saved with the tender; false: the ruleset's. */
			weightsSaved: tender.weights !== undefined && Object.keys(tender.weights).length > 0
		},
		comparison,
		matrix: {
			offers: matrix.offers.map((o) => ({ id: o.id, vendor: o.vendor })),
			rows: matrix.rows.map((row) => ({
				questionId: row.questionId,
				area: row.area,
				question: row.question,
				differs: row.differs,
				cells: row.cells.map((c) => ({
					offerId: c.offerId,
					answer: c.answer,
					state: c.state,
					by: c.by
				}))
			}))
		},
		share: { label: share.label, expiresAt: share.expiresAt }
	};
}
export type SharedComparisonView = ReturnType<typeof sharedComparisonView>;
