/**
 * The translation overlay check (src/lib/rules/localize.ts) on the shipped overlays with one edit
 * each: a
 * missing text, a text the source does not have, a version that does not match and placeholders
 * that differ are each refused with the overlay's file and the exact path.
 */
import { describe, expect, it } from 'vitest';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { RulesError } from '../../../src/lib/rules/load';
import { localizeRules, type OverlayTexts } from '../../../src/lib/rules/localize';
import { readTranslations, shippedRules } from './read-rules';

const rules = shippedRules();
const shipped = readTranslations('de');

/** The shipped German overlays with one file edited. */
// Parsed YAML edited by deep paths: typing every level would say nothing the paths do not.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function edited(file: keyof OverlayTexts, edit: (overlay: Record<string, any>) => void) {
	const overlay = parseYaml(shipped[file]);
	edit(overlay);
	return { ...shipped, [file]: stringifyYaml(overlay) };
}

/** The problems localizeRules reports for these overlays, or [] when it accepts them. */
function problems(texts: OverlayTexts): { file: string; problems: string[] } {
	try {
		localizeRules(rules, 'de', texts);
		return { file: '', problems: [] };
	} catch (error) {
		expect(error).toBeInstanceOf(RulesError);
		const { file, problems } = error as RulesError;
		return { file, problems };
	}
}

describe('a German overlay', () => {
	it('is accepted as shipped', () => {
		expect(problems(shipped)).toEqual({ file: '', problems: [] });
	});

	it('is refused when a text is missing, naming the exact path', () => {
		const texts = edited('ruleset', (o) => {
			delete o.areas.network.questions.network_multi_imsi.why;
		});
		expect(problems(texts)).toEqual({
			file: 'rules/i18n/de/ruleset.yaml',
			problems: ['areas.network.questions.network_multi_imsi.why is missing']
		});
	});

	it('is refused when a whole question is missing: every text of it is named', () => {
		const texts = edited('ruleset', (o) => {
			delete o.areas.data.questions.data_fee_basis;
		});
		const { problems: found } = problems(texts);
		expect(found).toContain('areas.data.questions.data_fee_basis.text is missing');
		expect(found).toContain(
			'areas.data.questions.data_fee_basis.options.all_issued.finding is missing'
		);
	});

	it('is refused when it has a text the source does not have', () => {
		const texts = edited('ruleset', (o) => {
			o.areas.network.questions.network_imaginary = { text: 'Gibt es diese Frage?' };
			o.areas.sim.questions.sim_form_factor.options.soldered_euicc.finding = 'Ein Befund zu viel.';
		});
		expect(problems(texts)).toEqual({
			file: 'rules/i18n/de/ruleset.yaml',
			problems: [
				'areas.network.questions.network_imaginary.text is not in the source',
				'areas.sim.questions.sim_form_factor.options.soldered_euicc.finding is not in the source'
			]
		});
	});

	it('is refused when it translates another version of its source', () => {
		const texts = edited('costs', (o) => {
			o.version = '1.9.0';
		});
		expect(problems(texts)).toEqual({
			file: 'rules/i18n/de/costs.yaml',
			problems: ['version is 1.9.0, but the source it translates is 2.0.0']
		});
	});

	it('is refused when its placeholders differ from the source', () => {
		const texts = edited('ruleset', (o) => {
			// {devices} dropped, and a {fleet} the source does not have.
			o.areas.sim.questions.sim_ota_switching.options.physical_swap.finding =
				'Ein Anbieterwechsel braucht einen Vor-Ort-Einsatz für jedes Gerät der {fleet}.';
		});
		expect(problems(texts)).toEqual({
			file: 'rules/i18n/de/ruleset.yaml',
			problems: [
				'areas.sim.questions.sim_ota_switching.options.physical_swap.finding has placeholders {fleet} where the source has {devices}'
			]
		});
	});

	it('is refused when a country text is missing, keyed by ISO code', () => {
		const texts = edited('countries', (o) => {
			delete o.rules.TR.caveats.imei_registration;
		});
		expect(problems(texts)).toEqual({
			file: 'rules/i18n/de/countries.yaml',
			problems: ['rules.TR.caveats.imei_registration.text is missing']
		});
	});

	it('is refused when a chosen country name is not one the library gives that country', () => {
		const texts = edited('countries', (o) => {
			o.names.DE = 'Germanien';
		});
		const { file, problems: found } = problems(texts);
		expect(file).toBe('rules/i18n/de/countries.yaml');
		expect(found).toEqual([
			"names.DE must be one of i18n-iso-countries' names for DE: Deutschland"
		]);
	});

	it('is refused when it is not valid YAML or has a section the schema does not know', () => {
		expect(problems({ ...shipped, simulation: 'version: [' }).file).toBe(
			'rules/i18n/de/simulation.yaml'
		);
		const texts = edited('regulations', (o) => {
			o.sources = { eu: 'https://example.org' };
		});
		expect(problems(texts).problems.join('\n')).toMatch(/sources/);
	});
});
