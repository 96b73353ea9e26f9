/**
 * Country names from a maintained source, i18n-iso-countries (read only: its Node entry registers
 * every language it ships, so nothing here changes its state). The rules use it to refuse a code it does not
 * know, to name countries in German, and to let the country search find every name the library
 * knows in either language, whatever the page's language.
 */
// The package entry rather than its JSON files: the data CLI leaves dependencies external, and
// Node loads a bare JSON import only with an attribute the bundler does not keep.
import countries from 'i18n-iso-countries';
import { normaliseCountryText, type CountryAliases } from '../assessment/country-search';
import type { RuleLocale } from './locales';

/** Every name the library gives a code in a language, its official one first; [] when unknown. */
export function libraryNames(code: string, locale: RuleLocale): string[] {
	return countries.getName(code, locale, { select: 'all' }) ?? [];
}

export const libraryKnows = (code: string) => libraryNames(code, 'en').length > 0;

/**
 * The names the country search accepts besides the shown one: the file's own aliases, every name
 * the library knows in English and German, and the other language's shown name. A name that would
 * answer for two countries is left out (typed in full it must tick one country or none), as is
 * one that only repeats the shown name or the code.
 */
export function searchAliases(
	shown: readonly { code: string; name: string }[],
	fileAliases: CountryAliases,
	otherNames: ReadonlyMap<string, string> = new Map()
): Record<string, string[]> {
	const candidates = new Map<string, string[]>();
	const claims = new Map<string, Set<string>>();
	const claim = (key: string, code: string) => {
		if (!claims.has(key)) claims.set(key, new Set());
		claims.get(key)!.add(code);
	};
	for (const { code, name } of shown) {
		claim(normaliseCountryText(name), code);
		claim(code.toLowerCase(), code);
		const names = [
			...(fileAliases[code] ?? []),
			...libraryNames(code, 'en'),
			...libraryNames(code, 'de'),
			...(otherNames.has(code) ? [otherNames.get(code)!] : [])
		];
		candidates.set(code, names);
		for (const alias of new Set(names.map(normaliseCountryText))) claim(alias, code);
	}
	const result: Record<string, string[]> = {};
	for (const { code, name } of shown) {
		const own = new Set([normaliseCountryText(name), code.toLowerCase()]);
		const seen = new Set<string>();
		const kept = (candidates.get(code) ?? []).filter((alias) => {
			const key = normaliseCountryText(alias);
			if (!key || own.has(key) || seen.has(key)) return false;
			seen.add(key);
			return claims.get(key)!.size === 1;
		});
		if (kept.length > 0) result[code] = kept;
	}
	return result;
}
