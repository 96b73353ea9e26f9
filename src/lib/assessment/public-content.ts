import type { StoredAssessment } from './schema';

/** The parts of an assessment that may leave its owner: never the id (the edit key) or share list. */
export type PublicContent = Pick<
	StoredAssessment,
	| 'title'
	| 'organisation'
	| 'vendor'
	| 'buyerCountry'
	| 'currency'
	| 'fleet'
	| 'answers'
	| 'costs'
	| 'rulesetVersion'
	| 'updatedAt'
>;

/** Copies what a reader may see; notes only when the owner chose to include them. */
export function publicContent(
	record: PublicContent,
	options: { includeNotes: boolean }
): PublicContent {
	const answers = Object.fromEntries(
		Object.entries(record.answers)
			.map(
				([id, answer]) => [id, options.includeNotes ? answer : { option: answer.option }] as const
			)
			.filter(([, answer]) => answer.option !== undefined || answer.note !== undefined)
	);
	return {
		title: record.title,
		organisation: record.organisation,
		vendor: record.vendor,
		...(record.buyerCountry ? { buyerCountry: record.buyerCountry } : {}),
		...(record.currency ? { currency: record.currency } : {}),
		fleet: record.fleet,
		answers,
		costs: record.costs,
		rulesetVersion: record.rulesetVersion,
		updatedAt: record.updatedAt
	};
}
