/** Why a custom issue was raised; the schemas name it in `params.reason`. */
export type CustomReason =
	| 'unknown_country'
	| 'duplicate_country'
	| 'country_not_deployed'
	| 'devices_over'
	| 'devices_under'
	| 'unknown_option'
	| 'unknown_question'
	| 'share_at_most_one'
	| 'visits_at_least_one'
	| 'choose_answer';

/** The params a schema attaches to a custom issue so that any language can word it. */
export const customParams = (
	reason: CustomReason,
	values: Record<string, string | number> = {}
) => ({
	reason,
	...values
});
