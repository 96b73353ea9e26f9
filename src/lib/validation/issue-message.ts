import { formatNumber } from '../format/locale-format';
import { m } from '../paraglide/messages';
import type { Locale } from '../paraglide/runtime';
import type { CustomReason } from './custom-issue';

/**
 * What a form needs of a zod issue: its code and the figures zod attaches (`minimum`, `received`,
 * a custom issue's `params`). An issue built by hand has only a path and a message.
 */
export interface IssueLike {
	path: readonly PropertyKey[];
	message: string;
	code?: string;
	origin?: string;
	expected?: string;
	received?: string;
	minimum?: number | bigint;
	maximum?: number | bigint;
	inclusive?: boolean;
	params?: Record<string, unknown>;
}

/**
 * One field problem in the reader's language. English keeps the schema's own sentence, which is
 * also what the JSON API returns; another language words it from the issue's code and figures, so
 * each form gets it from here rather than translating its own messages.
 */
export function issueMessage(issue: IssueLike, locale: Locale): string {
	if (locale === 'en') return issue.message;
	const options = { locale };
	const n = (value: number | bigint | undefined) => formatNumber(Number(value ?? 0), locale, 6);
	const field = lastField(issue.path);
	switch (issue.code) {
		case 'invalid_type':
			if (issue.expected === 'int') return m.fleetde_issue_whole_number({}, options);
			if (issue.expected === 'number')
				return issue.received === 'NaN'
					? m.fleetde_issue_not_a_number({}, options)
					: m.fleetde_issue_enter_number({}, options);
			if (issue.expected === 'string') return m.fleetde_issue_text({}, options);
			return m.fleetde_issue_missing({}, options);
		case 'too_small':
			return tooSmall(issue, field, n, options);
		case 'too_big':
			if (issue.origin === 'string')
				return m.fleetde_issue_too_long({ max: n(issue.maximum) }, options);
			if (issue.origin === 'array')
				return field === 'offers'
					? m.fleetde_issue_offers_max({ max: n(issue.maximum) }, options)
					: m.fleetde_issue_too_many({ max: n(issue.maximum) }, options);
			return issue.inclusive === false
				? m.fleetde_issue_below({ max: n(issue.maximum) }, options)
				: m.fleetde_issue_at_most({ max: n(issue.maximum) }, options);
		case 'invalid_format':
			return field === 'countries'
				? m.fleetde_issue_country_code({}, options)
				: m.fleetde_issue_format({}, options);
		case 'invalid_union':
			return field === 'expiresAt'
				? m.fleetde_issue_date({}, options)
				: m.fleetde_issue_invalid({}, options);
		case 'invalid_value':
			return m.fleetde_issue_choose({}, options);
		case 'unrecognized_keys':
			return m.fleetde_issue_unknown_field({}, options);
		case 'custom':
			return custom(issue.params ?? {}, locale);
		default:
			return m.fleetde_issue_invalid({}, options);
	}
}

/** The field an issue is about: the last named step of its path, past list positions. */
function lastField(path: readonly PropertyKey[]): string | undefined {
	for (let i = path.length - 1; i >= 0; i--) {
		const step = path[i];
		if (typeof step === 'string' && !/^[A-Z]{2}$/.test(step)) return step;
	}
	return undefined;
}

function tooSmall(
	issue: IssueLike,
	field: string | undefined,
	n: (value: number | bigint | undefined) => string,
	options: { locale: Locale }
): string {
	const min = Number(issue.minimum ?? 0);
	if (issue.origin === 'string') {
		if (field === 'vendor') return m.fleetde_issue_name_vendor({}, options);
		return m.fleetde_issue_required({}, options);
	}
	if (issue.origin === 'array') {
		if (field === 'countries') return m.fleetde_issue_pick_country({}, options);
		if (field === 'offers') return m.fleetde_issue_offers_min({ min: n(min) }, options);
		return m.fleetde_issue_too_few({ min: n(min) }, options);
	}
	if (min === 0)
		return issue.inclusive === false
			? m.fleetde_issue_above_zero({}, options)
			: m.fleetde_issue_not_negative({}, options);
	if (field === 'devices' && min === 1) return m.fleetde_issue_one_device({}, options);
	return issue.inclusive === false
		? m.fleetde_issue_above({ min: n(min) }, options)
		: m.fleetde_issue_at_least({ min: n(min) }, options);
}

function custom(params: Record<string, unknown>, locale: Locale): string {
	const options = { locale };
	const word = (key: string) => String(params[key] ?? '');
	const count = (key: string) => formatNumber(Number(params[key] ?? 0), locale);
	switch (params.reason as CustomReason | undefined) {
		case 'unknown_country':
			return m.fleetde_issue_unknown_country({ code: word('code') }, options);
		case 'duplicate_country':
			return m.fleetde_issue_duplicate_country({ code: word('code') }, options);
		case 'country_not_deployed':
			return m.fleetde_issue_country_not_deployed({ code: word('code') }, options);
		case 'devices_over':
			return m.fleetde_issue_devices_over(
				{ assigned: count('assigned'), devices: count('devices') },
				options
			);
		case 'devices_under':
			return m.fleetde_issue_devices_under(
				{ assigned: count('assigned'), devices: count('devices') },
				options
			);
		case 'unknown_option':
			return m.fleetde_issue_unknown_option({ option: word('option') }, options);
		case 'unknown_question':
			return m.fleetde_issue_unknown_question({ id: word('id') }, options);
		case 'share_at_most_one':
			return m.fleetde_issue_share_at_most_one({}, options);
		case 'visits_at_least_one':
			return m.fleetde_issue_visits_at_least_one({}, options);
		case 'choose_answer':
			return m.fleetde_issue_choose_answer({}, options);
		default:
			return m.fleetde_issue_invalid({}, options);
	}
}
