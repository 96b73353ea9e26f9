/**
 * Finding a country by what a person types: its name, its ISO 3166-1 alpha-2 code or a common
 * alias (rules/countries.yaml `aliases`). An exact hit outranks every partial one, so "India" is
 * India and not British Indian Ocean Territory, and "UK" is the United Kingdom, not Ukraine.
 * Pure: the picker and the rules loader share it.
 */

export interface SearchableCountry {
	code: string;
	name: string;
}

/** Common names by ISO code, e.g. `{ GB: ['UK', 'Great Britain'] }`. */
export type CountryAliases = Readonly<Record<string, readonly string[]>>;

/** Best first: typed in full (code, name or alias), start of the name, start of a word, anywhere. */
export type CountryMatchKind = 'exact' | 'prefix' | 'word' | 'substring';

export interface CountryMatch<C extends SearchableCountry> {
	country: C;
	kind: CountryMatchKind;
}

const RANK: Record<CountryMatchKind, number> = { exact: 0, prefix: 1, word: 2, substring: 3 };

/**
 * Lower case without diacritics or punctuation, words separated by one space:
 * "Côte d'Ivoire" → "cote divoire", "U.K." → "uk", "Guinea-Bissau" → "guinea bissau".
 */
export function normaliseCountryText(text: string): string {
	return text
		.normalize('NFD')
		.replace(/\p{Diacritic}/gu, '')
		.toLowerCase()
		.replace(/['’.]/g, '')
		.replace(/&/g, ' and ')
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim();
}

function partialKind(
	name: string,
	alias: readonly string[],
	query: string
): CountryMatchKind | null {
	let best: CountryMatchKind | null = null;
	for (const text of [name, ...alias]) {
		const kind: CountryMatchKind | null = text.startsWith(query)
			? 'prefix'
			: text.split(' ').some((word) => word.startsWith(query))
				? 'word'
				: text.includes(query)
					? 'substring'
					: null;
		if (kind && (best === null || RANK[kind] < RANK[best])) best = kind;
	}
	return best;
}

/**
 * Every country the query finds, best first (ties keep the list's order). An empty query finds
 * nothing; the caller shows the whole list then.
 */
export function searchCountries<C extends SearchableCountry>(
	countries: readonly C[],
	aliases: CountryAliases,
	query: string
): CountryMatch<C>[] {
	const q = normaliseCountryText(query);
	if (!q) return [];
	const matches: (CountryMatch<C> & { index: number })[] = [];
	countries.forEach((country, index) => {
		const name = normaliseCountryText(country.name);
		const alias = (aliases[country.code] ?? []).map(normaliseCountryText);
		const exact = q === country.code.toLowerCase() || q === name || alias.includes(q);
		const kind = exact ? 'exact' : partialKind(name, alias, q);
		if (kind) matches.push({ country, kind, index });
	});
	matches.sort((a, b) => RANK[a.kind] - RANK[b.kind] || a.index - b.index);
	return matches.map(({ country, kind }) => ({ country, kind }));
}

/** The one country typed in full, or null when none or several were (never a partial match). */
export function exactCountry<C extends SearchableCountry>(
	matches: readonly CountryMatch<C>[]
): C | null {
	const exact = matches.filter((m) => m.kind === 'exact');
	return exact.length === 1 ? exact[0]!.country : null;
}
