/**
 * The shipped translations (rules/i18n/de/) load with every ruleset version, change only words,
 * and never a score: the same answers score to the same numbers in English and German.
 */
import { describe, expect, it } from 'vitest';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import type { Fleet } from '../../../src/lib/assessment/schema';
import { loadRules } from '../../../src/lib/rules/load';
import { registryFromDisk } from '../../../src/lib/server/rules-files';
import { score } from '../../../src/lib/scoring/score';
import { answers, BEST, WORST } from '../../fixtures/scoring/answers';
import { readRawRules } from './read-rules';

const registry = registryFromDisk('rules');
const current = registry.current.ruleset.version;
const en = registry.forVersion(current, 'en');
const de = registry.forVersion(current, 'de');

/** Every number, boolean and rating in a result, by its path: what must not depend on language. */
function figures(value: unknown, path = '', out: Record<string, unknown> = {}) {
	if (typeof value === 'number' || typeof value === 'boolean' || value === null) out[path] = value;
	else if (Array.isArray(value)) value.forEach((v, i) => figures(v, `${path}[${i}]`, out));
	else if (typeof value === 'object')
		for (const [key, v] of Object.entries(value as object)) {
			// Ids, ratings and kinds are codes, not words: they must match too.
			if (
				typeof v === 'string' &&
				/^(id|rating|kind|source|confidence|severity|country|areaId|questionId)$/.test(key)
			)
				out[`${path}.${key}`] = v;
			else figures(v, `${path}.${key}`, out);
		}
	return out;
}

describe('the shipped German rules', () => {
	it('load for the current ruleset, with German texts', () => {
		expect(de.locale).toBe('de');
		expect(de.rulesetLocale).toBe('de');
		expect(de.ruleset.areas.map((a) => a.title)).toEqual([
			'Netzabdeckung',
			'SIM-Portabilität',
			'Datenverwaltung',
			'Verwaltungsplattform',
			'Vertragsbedingungen',
			'Sicherheitsarchitektur'
		]);
		expect(de.questionsById.get('sim_ota_switching')?.text).toBe(
			'Kann die SIM over the air auf das Profil eines anderen Anbieters wechseln, ohne dass jemand zum Gerät fährt?'
		);
		expect(de.ruleset.notSure.label).toBe('Nicht sicher');
		expect(de.costs.defaults.fieldVisitPerDevice.label).toBe(
			'Eigener Vor-Ort-Einsatz an einem Gerät'
		);
		expect(de.regulations.regulations.find((r) => r.id === 'eu_data_act_switching')?.region).toBe(
			'EU/EWR'
		);
	});

	it('keep every number, id, source and date of the English files', () => {
		// Every text field blanked: what is left (weights, risks, capabilities, ids, sources, dates,
		// thresholds, cost figures) must be identical.
		const texts = new Set([
			'label',
			'text',
			'why',
			'recommendation',
			'askVendor',
			'unknown',
			'finding',
			'title',
			'summary',
			'locksIn',
			'keepsFlexible',
			'description',
			'reason',
			'reasonTotal',
			'reasonPerDevice',
			'basis',
			'message',
			'unit'
		]);
		const strip = (rules: typeof en) =>
			JSON.parse(
				JSON.stringify(
					{ ruleset: rules.ruleset, costs: rules.costs, simulation: rules.simulation },
					(key, v) => (texts.has(key) && typeof v === 'string' ? '·' : v)
				)
			);
		expect(strip(de)).toEqual(strip(en));
		expect(
			de.countries.rules.map((r) => [r.code, r.kind, r.afterDays, r.sources, r.reviewed])
		).toEqual(en.countries.rules.map((r) => [r.code, r.kind, r.afterDays, r.sources, r.reviewed]));
	});

	it('name countries in German from i18n-iso-countries, with the picks the overlay makes', () => {
		expect(de.countryNames.get('DE')).toBe('Deutschland');
		expect(de.countryNames.get('TR')).toBe('Türkei');
		expect(de.countryNames.get('GB')).toBe('Vereinigtes Königreich');
		expect(de.countryNames.get('CZ')).toBe('Tschechien');
		expect(de.countryNames.get('NL')).toBe('Niederlande');
		expect(de.countryNames.get('IN')).toBe('Indien');
		expect(de.countryRules.get('BR')?.name).toBe('Brasilien');
		// English stays the project's own short names.
		expect(en.countryNames.get('TR')).toBe('Türkiye');
		expect(en.countryNames.get('US')).toBe('United States');
	});

	it('show an earlier ruleset in English (a frozen record), with the current country texts in German', () => {
		for (const version of registry.versions.keys()) {
			if (version === current) continue;
			const old = registry.forVersion(version, 'de');
			expect(old.ruleset.version).toBe(version);
			expect(old.rulesetLocale).toBe('en');
			expect(old.ruleset.areas[0]!.title).toBe(
				registry.forVersion(version, 'en').ruleset.areas[0]!.title
			);
			expect(old.countryNames.get('DE')).toBe('Deutschland');
		}
	});
});

describe('scores do not depend on the language', () => {
	const fleet = (overrides: Partial<Fleet> = {}): Fleet => ({
		devices: 10_000,
		countries: ['DE', 'BR', 'TR', 'IN', 'RU', 'AU', 'US'],
		lifetimeYears: 10,
		...overrides
	});
	const cases = {
		worst: { fleet: fleet(), answers: answers(WORST), costs: {} },
		best: { fleet: fleet({ devices: 800 }), answers: answers(BEST), costs: {} },
		mixed: {
			fleet: fleet({ devices: 1_200_000, countries: ['EG', 'AU', 'CN'] }),
			answers: {
				...answers(BEST, {
					sim_ota_switching: 'physical_swap',
					contract_exit_terms: 'return_or_destroy'
				}),
				platform_api: { option: 'not_sure' },
				local_profile_au: { option: 'none' }
			},
			costs: {}
		},
		open: { fleet: fleet(), answers: {}, costs: {} }
	};

	it.each(Object.entries(cases))(
		'the %s case scores the same in English and German',
		(_name, input) => {
			const english = score(en, input);
			const german = score(de, input);
			const numbers = figures(english);
			expect(Object.keys(numbers).length).toBeGreaterThan(100);
			expect(figures(german)).toEqual(numbers);
			// …while the words did change.
			expect(JSON.stringify(german)).not.toEqual(JSON.stringify(english));
		}
	);

	it('German findings and floor reasons read in German', () => {
		const german = score(de, cases.worst);
		const text = JSON.stringify(german);
		expect(text).toContain('Ein Anbieterwechsel braucht einen Vor-Ort-Einsatz für jedes der');
		expect(text).toContain(
			'In Russland gibt es wiederkehrende kurze Sperren ausländischer SIMs (Belastbarkeit: mittel)'
		);
	});
});

describe('the loader', () => {
	it('refuses a country code i18n-iso-countries does not know', () => {
		const raw = readRawRules();
		const file = parseYaml(raw.countries);
		file.all.push({ code: 'XX', name: 'Atlantis' });
		expect(() => loadRules({ ...raw, countries: stringifyYaml(file) })).toThrow(
			/country "XX" is not a code i18n-iso-countries knows/
		);
	});
});
