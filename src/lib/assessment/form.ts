import type { Locale } from '../paraglide/runtime';
import type { Area } from '../rules/schema';
import { issueMessage, type IssueLike } from '../validation/issue-message';
import { parseNumberInput } from './number-input';

/** The part of FormData the parsers read, so they stay testable without a request. */
export interface FormLike {
	get(name: string): FormDataEntryValue | null;
	getAll(name: string): FormDataEntryValue[];
}

const text = (form: FormLike, name: string) => {
	const value = form.get(name);
	return typeof value === 'string' ? value : '';
};

/** Empty means "not given"; anything else is handed to the schema, which names what is wrong. */
const numberField = (form: FormLike, name: string) => parseNumberInput(text(form, name));

export const deviceFieldName = (code: string) => `devices_${code}`;

/** Turns the fleet form into the same body shape the JSON API accepts. */
export function fleetBodyFromForm(form: FormLike) {
	const countries = [
		...new Set(
			form
				.getAll('countries')
				.filter((v): v is string => typeof v === 'string')
				.map((v) => v.trim().toUpperCase())
				.filter(Boolean)
		)
	];
	const devicesByCountry: Record<string, number> = {};
	for (const code of countries) {
		const count = numberField(form, deviceFieldName(code));
		if (count !== undefined) devicesByCountry[code] = count;
	}
	// Only forms that ask for it send it; an empty choice clears it.
	const buyerCountry = form.get('buyerCountry');
	const currency = form.get('currency');
	const siteVisits = text(form, 'siteVisits');
	return {
		title: text(form, 'title'),
		organisation: text(form, 'organisation'),
		vendor: text(form, 'vendor'),
		...(typeof buyerCountry === 'string'
			? { buyerCountry: buyerCountry.trim().toUpperCase() || null }
			: {}),
		...(typeof currency === 'string' && currency ? { currency } : {}),
		fleet: {
			devices: numberField(form, 'devices'),
			countries,
			...(Object.keys(devicesByCountry).length ? { devicesByCountry } : {}),
			lifetimeYears: numberField(form, 'lifetimeYears'),
			monthlyMbPerDevice: numberField(form, 'monthlyMbPerDevice'),
			// "Not sure" sends nothing: the cost model then prices a dedicated trip, with the range reaching down.
			...(siteVisits ? { siteVisits } : {})
		}
	};
}

export const answerFieldName = (questionId: string) => `answer.${questionId}`;
export const noteFieldName = (questionId: string) => `note.${questionId}`;

/** One step's answers as a patch: every question it asks is set or cleared. */
export function answersFromForm(
	form: FormLike,
	area: { questions: readonly Pick<Area['questions'][number], 'id'>[] }
) {
	const answers: Record<string, { option?: string; note?: string } | null> = {};
	for (const question of area.questions) {
		const option = text(form, answerFieldName(question.id)) || undefined;
		const note = text(form, noteFieldName(question.id)).trim();
		answers[question.id] =
			option || note ? { ...(option ? { option } : {}), ...(note ? { note } : {}) } : null;
	}
	return answers;
}

/**
 * Zod issue paths as form field keys ("fleet.devices", "answers.sim_ota.option"), each with its
 * message in the page's language. `locale` defaults to English, the schemas' own words, so a caller
 * that passes none reads as before.
 */
export function fieldErrors(issues: readonly IssueLike[], locale: Locale = 'en') {
	const errors: Record<string, string> = {};
	for (const issue of issues) {
		const key = issue.path.map(String).join('.') || 'form';
		errors[key] ??= issueMessage(issue, locale);
	}
	return errors;
}
