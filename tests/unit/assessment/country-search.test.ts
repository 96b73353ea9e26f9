/**
 * The country search against the shipped country list and aliases (rules/countries.yaml), the
 * cases of the 2026-12 UX audit (H3) written out by hand: an exact name, code or alias wins, a
 * partial match never ticks.
 */
import { describe, expect, it } from 'vitest';
import { stringify as stringifyYaml, parse as parseYaml } from 'yaml';
import {
	exactCountry,
	normaliseCountryText,
	searchCountries
} from '../../../src/lib/assessment/country-search';
import { loadRules } from '../../../src/lib/rules/load';
import { registryFromDisk } from '../../../src/lib/server/rules-files';
import { readRawRules, shippedRules } from '../rules/read-rules';

const rules = shippedRules();
// In the picker's order (by name), as countryChoices() draws them.
const countries = [...rules.countries.all].sort((a, b) => a.name.localeCompare(b.name, 'en'));
const aliases = rules.countries.aliases;

const search = (query: string) => searchCountries(countries, aliases, query);
/** The code Enter would tick, or null. */
const ticked = (query: string) => exactCountry(search(query))?.code ?? null;
const codes = (query: string) => search(query).map((m) => m.country.code);

describe('country search: what Enter ticks', () => {
	it.each([
		['UK', 'GB'],
		['uk', 'GB'],
		['U.K.', 'GB'],
		['GB', 'GB'],
		['Great Britain', 'GB'],
		['England', 'GB'],
		['USA', 'US'],
		['US', 'US'],
		['United States', 'US'],
		['America', 'US'],
		['Turkey', 'TR'],
		['Türkiye', 'TR'],
		['Turkiye', 'TR'],
		['TR', 'TR'],
		['Czech Republic', 'CZ'],
		['Czechia', 'CZ'],
		['Holland', 'NL'],
		['India', 'IN'],
		['Niger', 'NE'],
		['Oman', 'OM'],
		['Sudan', 'SD'],
		['Mali', 'ML'],
		['BR', 'BR'],
		['br', 'BR'],
		['DE', 'DE'],
		['de', 'DE'],
		['Cote d’Ivoire', 'CI'],
		["Cote d'Ivoire", 'CI'],
		['  brazil ', 'BR'],
		['Deutschland', 'DE'],
		['Türkei', 'TR']
	])('"%s" ticks %s', (query, code) => {
		expect(ticked(query)).toBe(code);
	});

	it('an exact hit comes first, ahead of the partial ones it also has', () => {
		// "India" is also in "British Indian Ocean Territory"; "Niger" starts "Nigeria";
		// "Oman" is inside "Romania"; "Sudan" ends "South Sudan"; "Mali" starts "Malawi", "Malaysia"…
		expect(codes('India')).toEqual(['IN', 'IO']);
		expect(codes('Niger')).toEqual(['NE', 'NG']);
		expect(codes('Oman')).toEqual(['OM', 'RO']);
		expect(codes('Sudan')).toEqual(['SD', 'SS']);
		expect(codes('UK')[0]).toBe('GB');
		expect(codes('UK')).toContain('UA');
		expect(search('Mali')[0]).toEqual({ country: { code: 'ML', name: 'Mali' }, kind: 'exact' });
		expect(
			search('Mali')
				.slice(1)
				.every((m) => m.kind !== 'exact')
		).toBe(true);
	});

	it('a partial match never ticks, even when it is the only one', () => {
		expect(codes('Ukr')).toEqual(['UA']);
		expect(ticked('Ukr')).toBeNull();
		expect(ticked('Braz')).toBeNull();
	});

	it('"ind" finds several and ticks none, India and Indonesia first', () => {
		const found = search('ind');
		expect(found.length).toBeGreaterThanOrEqual(3);
		expect(found.slice(0, 3).map((m) => [m.country.code, m.kind])).toEqual([
			['IN', 'prefix'],
			['ID', 'prefix'],
			['IO', 'word']
		]);
		expect(ticked('ind')).toBeNull();
	});

	it('"Tur" finds Türkiye, Turkmenistan and the Turks and Caicos Islands, and ticks none', () => {
		expect(codes('Tur').sort()).toEqual(['TC', 'TM', 'TR']);
		expect(ticked('Tur')).toBeNull();
	});

	it('"zzz" and an empty query find nothing', () => {
		expect(search('zzz')).toEqual([]);
		expect(search('   ')).toEqual([]);
		expect(ticked('zzz')).toBeNull();
	});

	it('ranks prefix, then word start, then anywhere', () => {
		const fake = [
			{ code: 'AA', name: 'Landia' },
			{ code: 'BB', name: 'Isla Landia' },
			{ code: 'CC', name: 'Holland' },
			{ code: 'DD', name: 'Portland' }
		];
		expect(searchCountries(fake, {}, 'land').map((m) => [m.country.code, m.kind])).toEqual([
			['AA', 'prefix'],
			['BB', 'word'],
			['CC', 'substring'],
			['DD', 'substring']
		]);
	});

	it('two countries answering to the same text tick neither', () => {
		const fake = [
			{ code: 'AA', name: 'Congo' },
			{ code: 'BB', name: 'Other' }
		];
		expect(exactCountry(searchCountries(fake, { BB: ['Congo'] }, 'congo'))).toBeNull();
	});
});

describe('normaliseCountryText', () => {
	it('drops case, accents and punctuation', () => {
		expect(normaliseCountryText("Côte d'Ivoire")).toBe('cote divoire');
		expect(normaliseCountryText('U.K.')).toBe('uk');
		expect(normaliseCountryText('Guinea-Bissau')).toBe('guinea bissau');
		expect(normaliseCountryText('Åland Islands')).toBe('aland islands');
		expect(normaliseCountryText('Großbritannien')).toBe('großbritannien');
	});
});

describe('the rules loader checks aliases', () => {
	const withAliases = (extra: Record<string, string[]>) => {
		const raw = readRawRules();
		const file = parseYaml(raw.countries);
		file.aliases = { ...file.aliases, ...extra };
		return { ...raw, countries: stringifyYaml(file) };
	};

	it('accepts the shipped aliases', () => {
		expect(aliases.GB).toContain('UK');
		expect(aliases.TR).toContain('Turkey');
	});

	it('refuses an alias that names another country', () => {
		expect(() => loadRules(withAliases({ UA: ['U.K.'] }))).toThrow(
			/alias "U\.K\." of "UA" already names "GB"/
		);
		expect(() => loadRules(withAliases({ IO: ['India'] }))).toThrow(/already names "IN"/);
		expect(() => loadRules(withAliases({ AT: ['de'] }))).toThrow(/already names "DE"/);
	});

	it('refuses an alias that repeats its own name or code, or an unknown code', () => {
		expect(() => loadRules(withAliases({ DE: ['Germany'] }))).toThrow(/repeats/);
		expect(() => loadRules(withAliases({ NL: ['nl'] }))).toThrow(/repeats/);
		expect(() => loadRules(withAliases({ XX: ['Atlantis'] }))).toThrow(/"XX": not in the list/);
		expect(() => loadRules(withAliases({ DE: ['...'] }))).toThrow(/no letters/);
	});
});

describe('country search in German and English, whatever the page language', () => {
	const registry = registryFromDisk('rules');
	const version = registry.current.ruleset.version;
	const inLanguage = (locale: 'en' | 'de') => {
		const localized = registry.forVersion(version, locale);
		// In the picker's order in that language, as countryChoices() draws them.
		const list = [...localized.countries.all].sort((a, b) => a.name.localeCompare(b.name, locale));
		return (query: string) => searchCountries(list, localized.countries.aliases, query);
	};
	const english = inLanguage('en');
	const german = inLanguage('de');

	it.each([
		['Deutschland', 'DE'],
		['Türkei', 'TR'],
		['Vereinigtes Königreich', 'GB'],
		['Tschechien', 'CZ'],
		['Niederlande', 'NL'],
		['Indien', 'IN'],
		['Germany', 'DE'],
		['Türkiye', 'TR'],
		['Turkey', 'TR'],
		['United Kingdom', 'GB'],
		['UK', 'GB'],
		['Czechia', 'CZ'],
		['Netherlands', 'NL'],
		['India', 'IN'],
		['Vereinigte Staaten', 'US'],
		['USA', 'US']
	])('"%s" ticks %s on an English and on a German page', (query, code) => {
		expect(exactCountry(english(query))?.code).toBe(code);
		expect(exactCountry(german(query))?.code).toBe(code);
	});

	it('shows the German name on a German page and the English one on an English page', () => {
		expect(german('DE')[0]!.country.name).toBe('Deutschland');
		expect(english('DE')[0]!.country.name).toBe('Germany');
		expect(german('Türkei')[0]!.country.name).toBe('Türkei');
		expect(english('Türkei')[0]!.country.name).toBe('Türkiye');
	});

	it('an exact German name outranks partial ones, and a partial one never ticks', () => {
		// "Indien" is also in "Britisches Territorium im Indischen Ozean" only as "Indisch…", and
		// "Sudan" ends "Südsudan".
		expect(german('Sudan').map((m) => [m.country.code, m.kind])[0]).toEqual(['SD', 'exact']);
		expect(german('Sudan').map((m) => m.country.code)).toContain('SS');
		expect(german('Öster')[0]!.country.code).toBe('AT');
		expect(exactCountry(german('Öster'))).toBeNull();
		expect(exactCountry(german('Deutsch'))).toBeNull();
	});
});
