import { describe, expect, it } from 'vitest';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { loadRules, RulesError } from '../../../src/lib/rules/load';
import { readRawRules, shippedRules } from './read-rules';

type RawRegulations = { regulations: { id: string; countries: string[] }[] };

describe('rules/regulations.yaml', () => {
	it('loads with the other rules files', () => {
		const { regulations } = shippedRules();
		expect(regulations.version).toBe('1.0.0');
		expect(regulations.regulations.map((r) => r.id)).toContain('eu_data_act_switching');
		for (const regulation of regulations.regulations) {
			expect(regulation.sources.length).toBeGreaterThan(0);
		}
	});

	it('says "not read" or "not verified" wherever a date is missing', () => {
		for (const regulation of shippedRules().regulations.regulations) {
			if (regulation.appliesFrom === null) expect(regulation.appliesFromNote).toBeTruthy();
		}
	});

	it('refuses an unknown country code, naming the file and the regulation', () => {
		const raw = readRawRules();
		const file = parseYaml(raw.regulations) as RawRegulations;
		file.regulations[0]!.countries.push('XX');
		try {
			loadRules({ ...raw, regulations: stringifyYaml(file) });
			expect.unreachable('an unknown country must be refused');
		} catch (error) {
			expect(error).toBeInstanceOf(RulesError);
			expect((error as RulesError).file).toBe('rules/regulations.yaml');
			expect((error as RulesError).problems.join('\n')).toMatch(/unknown country "XX"/);
		}
	});

	it('refuses two regulations with one id', () => {
		const raw = readRawRules();
		const file = parseYaml(raw.regulations) as RawRegulations;
		file.regulations[1]!.id = file.regulations[0]!.id;
		expect(() => loadRules({ ...raw, regulations: stringifyYaml(file) })).toThrow(/not unique/);
	});
});
