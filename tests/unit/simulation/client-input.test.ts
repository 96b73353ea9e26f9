import fc from 'fast-check';
import { parseNumberInput } from '../../../src/lib/assessment/number-input';
import { describe, expect, it } from 'vitest';
import { createInputSchemas, type Fleet } from '../../../src/lib/assessment/schema';
import { deviceFieldName } from '../../../src/lib/assessment/form';
import { stepsFor } from '../../../src/lib/assessment/steps';
import { simulationMeta } from '../../../src/lib/simulation/assumptions';
import {
	fleetSearchParams,
	initialControls,
	inputFromTypedFleet,
	parseTypedFleet,
	readControls,
	readEnforcement,
	readOutage,
	switchYears
} from '../../../src/lib/simulation/client-input';
import { simulate } from '../../../src/lib/simulation/engine';
import { inputFromFleet } from '../../../src/lib/simulation/inputs';
import { typedFleetDefaults } from '../../../src/lib/simulation/page-data';
import {
	BROWSER_MAX_DEVICES,
	createParamsSchema,
	createScenarioSchema
} from '../../../src/lib/simulation/request';
import { rules } from './fixtures';

const defaults = typedFleetDefaults(rules);
const meta = simulationMeta(rules, 1_000_000_000);
const { fleetSchema } = createInputSchemas(rules, stepsFor(rules.ruleset));

interface FormFields {
	devices?: string;
	countries?: string[];
	lifetimeYears?: string;
	monthlyMbPerDevice?: string;
	split?: Record<string, string>;
}

/** The standalone page's form, as the browser would submit it. */
function form(fields: FormFields) {
	const data = new URLSearchParams();
	if (fields.devices !== undefined) data.set('devices', fields.devices);
	for (const code of fields.countries ?? []) data.append('countries', code);
	for (const [code, count] of Object.entries(fields.split ?? {}))
		data.set(deviceFieldName(code), count);
	if (fields.lifetimeYears !== undefined) data.set('lifetimeYears', fields.lifetimeYears);
	if (fields.monthlyMbPerDevice !== undefined)
		data.set('monthlyMbPerDevice', fields.monthlyMbPerDevice);
	return data;
}

const codes = defaults.countries.map((c) => c.code);

describe('inputFromTypedFleet', () => {
	it('builds exactly the input the server builds with inputFromFleet, for any fleet', () => {
		const fleetArb = fc
			.record({
				devices: fc.integer({ min: 1, max: 1_000_000 }),
				countries: fc.uniqueArray(fc.constantFrom(...codes), { minLength: 1, maxLength: 6 }),
				lifetimeYears: fc.integer({ min: 1, max: 400 }).map((tenths) => tenths / 10),
				monthlyMbPerDevice: fc.option(fc.integer({ min: 0, max: 500 }), { nil: undefined }),
				seed: fc.nat()
			})
			.chain((f) =>
				fc.record({
					base: fc.constant(f),
					split: fc.option(
						fc.dictionary(
							fc.constantFrom(...f.countries),
							fc.integer({ min: 0, max: Math.floor(f.devices / 6) })
						),
						{ nil: undefined }
					)
				})
			);
		fc.assert(
			fc.property(fleetArb, ({ base: { seed, ...f }, split }) => {
				const fleet: Fleet = {
					devices: f.devices,
					countries: f.countries,
					lifetimeYears: f.lifetimeYears,
					...(f.monthlyMbPerDevice === undefined
						? {}
						: { monthlyMbPerDevice: f.monthlyMbPerDevice }),
					...(split ? { devicesByCountry: split } : {})
				};
				expect(inputFromTypedFleet(defaults, fleet, { seed })).toEqual(
					inputFromFleet(rules, fleet, { seed })
				);
			}),
			{ numRuns: 200 }
		);
	});

	it('knows the roaming deadlines the server knows: Türkiye blocks roaming SIMs, Germany does not', () => {
		const input = inputFromTypedFleet(
			defaults,
			{ devices: 100, countries: ['TR', 'DE'], lifetimeYears: 5 },
			{ seed: 1 }
		);
		expect(input.fleet.countries[0]!.roamingBlockDay).toBe(rules.countryRules.get('TR')!.afterDays);
		expect(input.fleet.countries[1]!.roamingBlockDay).toBeNull();
		expect(input.architectures.assessed.label).toBe('Single carrier, per-SIM caps');
	});
});

describe('parseTypedFleet', () => {
	const cases: FormFields[] = [
		{ devices: '20000', countries: ['BR', 'DE'], lifetimeYears: '10' },
		{ devices: '20 000', countries: ['BR'], lifetimeYears: '7.5', monthlyMbPerDevice: '12' },
		{ devices: '', countries: ['BR'], lifetimeYears: '10' },
		{ devices: 'many', countries: ['BR'], lifetimeYears: '10' },
		{ devices: '10.5', countries: ['BR'], lifetimeYears: '10' },
		{ devices: '0', countries: ['BR'], lifetimeYears: '10' },
		{ devices: '100', countries: [], lifetimeYears: '10' },
		{ devices: '100', countries: ['BR'], lifetimeYears: '' },
		{ devices: '100', countries: ['BR'], lifetimeYears: '0' },
		{ devices: '100', countries: ['BR'], lifetimeYears: '41' },
		{ devices: '100', countries: ['BR'], lifetimeYears: '10', monthlyMbPerDevice: '-1' },
		{ devices: '100', countries: ['BR'], lifetimeYears: '10', monthlyMbPerDevice: 'lots' },
		{ devices: '100', countries: ['BR', 'DE'], lifetimeYears: '10', split: { BR: '80', DE: '30' } },
		{ devices: '100', countries: ['BR', 'DE'], lifetimeYears: '10', split: { BR: '-3' } },
		{ devices: '100', countries: ['BR', 'DE'], lifetimeYears: '10', split: { BR: '60' } },
		{ devices: '100', countries: ['BR', 'DE'], lifetimeYears: '10', split: { BR: '60', DE: '30' } },
		{ devices: '8.000', countries: ['BR'], lifetimeYears: '10' },
		{ devices: '8,000', countries: ['BR'], lifetimeYears: '1,5' }
	];

	it.each(cases)(
		'accepts and rejects what the server’s fleet schema does, with its messages: %o',
		(fields) => {
			const parsed = parseTypedFleet(form(fields), defaults, 'en');
			const split = Object.fromEntries(
				Object.entries(fields.split ?? {}).map(([k, v]) => [k, Number(v)])
			);
			const raw = (v: string | undefined) => parseNumberInput(v);
			const server = fleetSchema.safeParse({
				devices: raw(fields.devices),
				countries: fields.countries,
				...(fields.split ? { devicesByCountry: split } : {}),
				lifetimeYears: raw(fields.lifetimeYears),
				monthlyMbPerDevice: raw(fields.monthlyMbPerDevice)
			});
			expect(parsed.errors === null).toBe(server.success);
			if (server.success) {
				expect(parsed.fleet).toEqual(JSON.parse(JSON.stringify(server.data)));
			} else {
				const serverKeys = Object.fromEntries(
					server.error.issues.map((i) => [`fleet.${i.path.join('.')}`, i.message])
				);
				for (const [key, message] of Object.entries(parsed.errors!)) {
					if (serverKeys[key] !== undefined) expect(message).toBe(serverKeys[key]);
					else expect(key).toMatch(/^fleet\./);
				}
			}
		}
	);

	it('refuses fleets larger than the browser simulates, with the limit in the message', () => {
		const parsed = parseTypedFleet(
			form({ devices: String(BROWSER_MAX_DEVICES + 1), countries: ['DE'], lifetimeYears: '5' }),
			defaults,
			'en'
		);
		expect(parsed.errors?.['fleet.devices']).toBe(
			'The browser simulates at most 1,000,000 devices'
		);
		expect(
			parseTypedFleet(
				form({ devices: String(BROWSER_MAX_DEVICES), countries: ['DE'], lifetimeYears: '5' }),
				defaults,
				'en'
			).errors
		).toBeNull();
	});

	it('refuses countries the rules do not know', () => {
		const parsed = parseTypedFleet(
			form({ devices: '10', countries: ['XX'], lifetimeYears: '5' }),
			defaults,
			'en'
		);
		expect(parsed.errors?.['fleet.countries']).toBe('Unknown country "XX"');
	});

	it('reads back the fleet it writes to the address', () => {
		const fleet: Fleet = {
			devices: 20000,
			countries: ['BR', 'DE'],
			devicesByCountry: { BR: 5000 },
			lifetimeYears: 12.5,
			monthlyMbPerDevice: 3
		};
		expect(parseTypedFleet(fleetSearchParams(fleet), defaults, 'en').fleet).toEqual(fleet);
	});
});

describe('readControls', () => {
	const base = inputFromTypedFleet(
		defaults,
		{ devices: 2000, countries: ['TR', 'DE'], lifetimeYears: 4 },
		{ seed: 1 }
	);

	it('gives back the base input when nothing was changed', () => {
		expect(readControls(base, initialControls(base), meta, 'en').input).toEqual(base);
	});

	it('applies the seed, the scenario and the figures, in a shape the API accepts', () => {
		const values = initialControls(base);
		values.seed = '42';
		values.switchYear = '2';
		values.params.outageMeanHours = '36';
		values.outages = [{ country: 'DE', startDay: 99, days: 5 }];
		values.roamingEnforcements = [{ country: 'DE', day: 364 }];
		const { input } = readControls(base, values, meta, 'en');
		expect(input?.seed).toBe(42);
		expect(input?.params.outageMeanHours).toBe(36);
		expect(input?.scenario).toEqual({
			outages: [{ country: 'DE', startDay: 99, days: 5 }],
			roamingEnforcements: [{ country: 'DE', day: 364 }],
			switchYear: 2
		});
		expect(createScenarioSchema(rules).safeParse(input!.scenario).success).toBe(true);
		expect(createParamsSchema(rules).safeParse(input!.params).success).toBe(true);
	});

	it('names every figure outside its range and runs nothing', () => {
		const values = initialControls(base);
		values.seed = '-1';
		values.params.usageSpread = '3';
		values.params.fieldVisitsPerDay = '';
		values.costs.fieldVisitPerDevice = 'cheap';
		const read = readControls(base, values, meta, 'en');
		expect(read.input).toBeNull();
		expect(read.errors).toEqual({
			seed: 'The seed is a whole number from 0 to 4,294,967,295',
			'params.usageSpread': 'Enter a value from 0 to 2',
			'params.fieldVisitsPerDay': 'Enter a value',
			'costs.fieldVisitPerDevice': 'Enter a number'
		});
	});

	it('scales the exit fee with the monthly fee and the months left, as the cost model does', () => {
		const values = initialControls(base);
		values.costs.monthlyFeePerDevice = String(base.costs.monthlyFeePerDevice * 2);
		values.costs.remainingCommitmentMonths = '12';
		const { input } = readControls(base, values, meta, 'en');
		const expected = inputFromFleet(
			rules,
			{ devices: 2000, countries: ['TR', 'DE'], lifetimeYears: 4 },
			{
				seed: 1,
				costs: {
					monthlyFeePerDevice: base.costs.monthlyFeePerDevice * 2,
					remainingCommitmentMonths: 12
				}
			}
		);
		expect(input?.architectures.assessed.exitFee).toBeCloseTo(
			expected.architectures.assessed.exitFee,
			6
		);
		expect(input?.architectures.recommended.exitFee).toBe(0);
	});

	it('ignores a switch year outside the lifetime', () => {
		const values = initialControls(base);
		values.switchYear = '5';
		expect(readControls(base, values, meta, 'en').input?.scenario.switchYear).toBeNull();
		expect(switchYears(4)).toEqual([1, 2, 3, 4]);
		expect(switchYears(0.5)).toEqual([]);
	});
});

describe('scenario events', () => {
	const base = inputFromTypedFleet(
		defaults,
		{ devices: 1000, countries: ['TR', 'DE'], lifetimeYears: 2 },
		{ seed: 1 }
	);

	it('turns day 100 as people count (day 1 is deployment) into the engine’s day 99', () => {
		expect(readOutage({ country: 'DE', startDay: '100', days: '5' }, base, 'en')).toEqual({
			outage: { country: 'DE', startDay: 99, days: 5 },
			errors: null
		});
		expect(readEnforcement({ country: 'DE', day: '1' }, base, 'en').enforcement).toEqual({
			country: 'DE',
			day: 0
		});
	});

	it('refuses days outside the lifetime, lengths beyond a year and countries outside the fleet', () => {
		expect(readOutage({ country: 'BR', startDay: '0', days: '400' }, base, 'en').errors).toEqual({
			country: 'Choose a country of the fleet',
			startDay: 'First day must be from 1 to 730',
			days: 'An outage lasts more than 0 and at most 365 days'
		});
		expect(readOutage({ country: 'DE', startDay: '1.5', days: '' }, base, 'en').errors).toEqual({
			startDay: 'First day must be a whole number',
			days: 'Enter how many days the outage lasts'
		});
		expect(readEnforcement({ country: 'DE', day: '731' }, base, 'en').errors).toEqual({
			day: 'Day must be from 1 to 730'
		});
	});

	it('makes an outage the engine sees: Germany loses device-days on the days chosen', () => {
		const values = initialControls(base);
		values.params.outageRatePerCarrierPerYear = '0';
		const calm = readControls(base, values, meta, 'en').input!;
		values.outages = [
			readOutage({ country: 'DE', startDay: '100', days: '5' }, base, 'en').outage!
		];
		const stormy = readControls(base, values, meta, 'en').input!;
		const before = simulate(calm).result.assessed.series.offline.outage;
		const after = simulate(stormy).result.assessed.series.offline.outage;
		expect(before[99]).toBe(0);
		expect(after[98]).toBe(0);
		expect(after[99]).toBeCloseTo(500, 6);
		expect(after[103]).toBeCloseTo(500, 6);
		expect(after[104]).toBe(0);
	});
});
