import type { ApplicableRegulation } from '../scoring/types';

export const REGULATION_PANEL_TITLE = 'Your rights and duties when you leave';

export const REGULATION_KIND_WORD = { right: 'Your right', duty: 'Your duty' } as const;

export const REGULATION_SCOPE_WORD = {
	platform: 'platform',
	connectivity: 'connectivity',
	sim: 'SIMs',
	device: 'devices'
} as const;

const MONTHS = [
	'January',
	'February',
	'March',
	'April',
	'May',
	'June',
	'July',
	'August',
	'September',
	'October',
	'November',
	'December'
];

/** "2025-09-12" as "12 September 2025"; anything else as given. */
export function dateWords(iso: string): string {
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
	if (!match) return iso;
	return `${Number(match[3])} ${MONTHS[Number(match[2]) - 1] ?? match[2]} ${match[1]}`;
}

/** When it applies, said honestly: a date, or that none is given and why. */
export function appliesFromWords(
	regulation: Pick<ApplicableRegulation, 'appliesFrom' | 'appliesFromNote'>
): string {
	const when = regulation.appliesFrom
		? `Applies from ${dateWords(regulation.appliesFrom)}.`
		: 'Not in force, or the date was not verified.';
	return regulation.appliesFromNote ? `${when} ${regulation.appliesFromNote}` : when;
}

export const scopeWords = (regulation: Pick<ApplicableRegulation, 'appliesTo'>) =>
	regulation.appliesTo.map((scope) => REGULATION_SCOPE_WORD[scope]).join(', ');

/** Said when no rule in rules/regulations.yaml reaches the fleet's countries or the buyer's. */
export const NO_REGULATION_RECORDED =
	'No rule recorded for these countries. That is not proof that none exists: our list covers the EU/EEA, India, Türkiye, Pakistan, Egypt, the UAE and Saudi Arabia so far. Check switching and exit rules with counsel in each country.';

export const hostOf = (url: string) => {
	try {
		return new URL(url).hostname.replace(/^www\./, '');
	} catch {
		return url;
	}
};
