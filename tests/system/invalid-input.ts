/**
 * fast-check generators of request bodies that are invalid by construction: a valid body with
 * exactly one field broken, so the server must refuse it and name that field. Valid input would
 * create or change records, which the bad-input tests must never do.
 */
import fc from 'fast-check';
import { FLEET_STEP, RESULTS_STEP } from '../../src/lib/assessment/steps';
import { AREA_IDS, COST_KEYS, SIMULATION_KEYS } from '../../src/lib/rules/schema';
import { seedRecord } from './data-dir';
import type { RulesApi } from './http';

/** A generated request: the body, and the field path the refusal must name ('' for the body itself). */
export interface Invalid<T = unknown> {
	body: T;
	path: string;
	why: string;
	/** For an unknown field: the object that holds it. */
	parent?: string;
}

/** The facts of the ruleset the generators need. */
export interface RulesFacts {
	countries: string[];
	unknownCountries: string[];
	questions: { id: string; area: string; options: string[] }[];
	steps: string[];
}

export function rulesFacts(rules: RulesApi): RulesFacts {
	const countries = rules.countries.map((c) => c.code);
	const known = new Set(countries);
	const unknownCountries: string[] = [];
	for (const a of 'ABCDEFGHIJKLMNOPQRSTUVWXYZ') {
		for (const b of 'QXZ') if (!known.has(a + b)) unknownCountries.push(a + b);
	}
	return {
		countries,
		unknownCountries,
		questions: rules.areas.flatMap((area) =>
			area.questions.map((q) => ({ id: q.id, area: area.id, options: q.options.map((o) => o.id) }))
		),
		steps: [FLEET_STEP, ...rules.areas.map((a) => a.id), RESULTS_STEP]
	};
}

/* Values of the wrong kind ------------------------------------------------------------------ */

/** Object keys, minus `__proto__`, which zod drops silently (a bug with its own test). */
export const anyKey = fc.string({ minLength: 1, maxLength: 24 }).filter((k) => k !== '__proto__');
const unknownKey = (known: readonly string[]) => anyKey.filter((k) => !known.includes(k));
const smallJson = fc.jsonValue({ maxDepth: 2 });
const anArray = fc.array(smallJson, { maxLength: 3 });
const anObject = fc.dictionary(anyKey, smallJson, { maxKeys: 3 });
const finite = (constraints: fc.DoubleConstraints) =>
	fc.double({ ...constraints, noNaN: true, noDefaultInfinity: true });

export const notString = fc.oneof(
	fc.integer(),
	finite({}),
	fc.boolean(),
	fc.constant(null),
	anArray,
	anObject
);
export const notNumber = fc.oneof(
	fc.string({ maxLength: 12 }),
	fc.boolean(),
	fc.constant(null),
	anArray,
	anObject
);
export const notBoolean = fc.oneof(
	fc.string({ maxLength: 12 }),
	fc.integer(),
	fc.constant(null),
	anArray,
	anObject
);
export const notObject = fc.oneof(
	fc.string({ maxLength: 20 }),
	fc.integer(),
	fc.boolean(),
	fc.constant(null),
	anArray
);
/** Longer than `max` even after trimming: the ends are never white space. */
export const tooLong = (max: number) =>
	fc.string({ minLength: max - 1, maxLength: max + 200 }).map((s) => `x${s}x`);
/** Longer than `max` even once white space is collapsed: one long word. */
export const longWord = (max: number) =>
	fc.string({ unit: fc.constantFrom(...'abcXYZ019-'), minLength: max + 1, maxLength: max + 200 });
export const blank = fc.constantFrom('', ' ', '\t', ' \n\r ');
/** Any text, including astral characters and lone surrogates. */
export const anyText = fc.string({ unit: 'binary', maxLength: 200 });

/* Valid bodies, to break one field of ------------------------------------------------------- */

const validText = (max: number) =>
	fc
		.string({ unit: 'grapheme', minLength: 1, maxLength: max })
		.filter((s) => s.trim().length > 0 && s.length <= max);

const validFleet = (facts: RulesFacts) =>
	fc.record(
		{
			devices: fc.integer({ min: 1, max: 1_000_000 }),
			countries: fc.uniqueArray(fc.constantFrom(...facts.countries), {
				minLength: 1,
				maxLength: 5
			}),
			lifetimeYears: fc.integer({ min: 1, max: 40 }),
			monthlyMbPerDevice: fc.integer({ min: 0, max: 1000 }),
			siteVisits: fc.constantFrom('routine', 'dedicated')
		},
		{ requiredKeys: ['devices', 'countries', 'lifetimeYears'] }
	);

const validAnswers = (facts: RulesFacts, allowNull: boolean) =>
	fc
		.uniqueArray(fc.constantFrom(...facts.questions), { maxLength: 4, selector: (q) => q.id })
		.chain((questions) =>
			fc
				.tuple(
					...questions.map((q) =>
						fc.oneof(
							fc.record(
								{
									option: fc.constantFrom(...q.options, 'not_sure'),
									note: fc.string({ maxLength: 40 })
								},
								{ requiredKeys: ['option'] }
							),
							allowNull ? fc.constant(null) : fc.record({ note: fc.string({ maxLength: 40 }) })
						)
					)
				)
				.map((answers) => Object.fromEntries(questions.map((q, i) => [q.id, answers[i]])))
		);

const validCosts = fc
	.subarray([...COST_KEYS])
	.chain((keys) =>
		fc
			.tuple(...keys.map(() => fc.integer({ min: 0, max: 100_000 })))
			.map((values) => Object.fromEntries(keys.map((k, i) => [k, values[i]])))
	);

const validAssessment = (facts: RulesFacts) =>
	fc.record({
		title: validText(200),
		organisation: fc.string({ maxLength: 200 }),
		vendor: fc.string({ maxLength: 200 }),
		currency: fc.constantFrom('USD', 'EUR', 'GBP'),
		fleet: validFleet(facts),
		answers: validAnswers(facts, false),
		costs: validCosts,
		lastStep: fc.constantFrom(...facts.steps)
	});

/* Breaking one field ------------------------------------------------------------------------ */

type Body = Record<string, unknown>;

/** One broken field: where, what goes there (undefined removes it), and the path the refusal names. */
interface Break {
	at: string[];
	value: unknown;
	path: string;
	why: string;
	parent?: string;
}

const REPLACE_BODY: string[] = [];

function applyBreak(base: Body, b: Break): Invalid<unknown> {
	if (b.at === REPLACE_BODY) return { body: b.value, path: b.path, why: b.why };
	const { path, why, parent } = b;
	const body = structuredClone(base);
	let node: Body = body;
	for (const key of b.at.slice(0, -1)) {
		if (typeof node[key] !== 'object' || node[key] === null) node[key] = {};
		node = node[key] as Body;
	}
	const last = b.at[b.at.length - 1]!;
	if (b.value === undefined) delete node[last];
	else node[last] = b.value;
	return { body, path, why, ...(parent === undefined ? {} : { parent }) };
}

const brk = (at: string[], value: fc.Arbitrary<unknown>, why: string, path = at.join('.')) =>
	value.map((v): Break => ({ at, value: v, path, why }));
const unknownField = (at: string[], known: readonly string[]) =>
	fc.tuple(unknownKey(known), smallJson).map(([key, value]): Break => ({
		at: [...at, key],
		value,
		path: [...at, key].join('.'),
		why: `unknown field ${key}`,
		parent: at.join('.')
	}));
const wholeBody = (value: fc.Arbitrary<unknown>, why: string) =>
	value.map((v): Break => ({ at: REPLACE_BODY, value: v, path: '', why }));

function fleetBreaks(facts: RulesFacts, fleet: Body, at: string[]): fc.Arbitrary<Break>[] {
	const countries = fleet.countries as string[];
	const p = (...rest: string[]) => [...at, ...rest];
	const badCode = fc.oneof(
		fc.constantFrom(...facts.unknownCountries),
		fc.constantFrom(...facts.countries).map((c) => c.toLowerCase()),
		fc.string({ maxLength: 4 }).filter((s) => !/^[A-Z]{2}$/.test(s)),
		notString
	);
	return [
		brk(at, notObject, 'fleet is not an object'),
		brk(
			p('devices'),
			fc.oneof(
				notNumber,
				fc.integer({ max: 0 }),
				fc.integer({ min: 100_000_001 }),
				finite({ min: 1.001, max: 1e6 }).filter((n) => !Number.isInteger(n))
			),
			'bad device count'
		),
		brk(p('devices'), fc.constant(undefined), 'no device count'),
		brk(
			p('countries'),
			fc.oneof(
				fc.constant([]),
				notObject.filter((v) => !Array.isArray(v))
			),
			'no countries'
		),
		fc.tuple(badCode, fc.nat(countries.length)).map(([code, index]): Break => {
			const list = [...countries];
			list.splice(index, 0, code as string);
			return {
				at: p('countries'),
				value: list,
				path: p('countries').join('.'),
				why: `bad country ${JSON.stringify(code)}`
			};
		}),
		fc.constant<Break>({
			at: p('countries'),
			value: [...countries, countries[0]],
			path: p('countries').join('.'),
			why: 'a country twice'
		}),
		brk(
			p('lifetimeYears'),
			fc.oneof(notNumber, finite({ max: 0 }), finite({ min: 40.001, max: 1e9 })),
			'bad lifetime'
		),
		brk(
			p('monthlyMbPerDevice'),
			fc.oneof(
				notNumber,
				finite({ max: -0.001, min: -1e9 }),
				finite({ min: 1_000_001, max: 1e12 })
			),
			'bad monthly data'
		),
		brk(
			p('siteVisits'),
			fc.oneof(
				fc.constantFrom('Routine', 'on_site', ''),
				notString.filter((v) => v !== undefined)
			),
			'bad site-visit kind'
		),
		fc
			.tuple(
				fc
					.constantFrom(...facts.countries, ...facts.unknownCountries)
					.filter((c) => !countries.includes(c)),
				fc.integer({ min: 0, max: 1 })
			)
			.map(([code, n]): Break => ({
				at: p('devicesByCountry'),
				value: { [code]: n },
				path: p('devicesByCountry', code).join('.'),
				why: `devices in ${code}, not a deployment country`
			})),
		fc
			.tuple(
				fc.constantFrom(...countries),
				fc.oneof(notNumber, fc.integer({ max: -1 }), finite({ min: 0.001, max: 0.999 }))
			)
			.map(([code, n]): Break => ({
				at: p('devicesByCountry'),
				value: { [code]: n },
				path: p('devicesByCountry', code).join('.'),
				why: `bad device count in ${code}`
			})),
		fc.constant<Break>({
			at: p('devicesByCountry'),
			value: { [countries[0]!]: (fleet.devices as number) + 1 },
			path: p('devicesByCountry').join('.'),
			why: 'more devices per country than in the fleet'
		}),
		brk(
			p('devicesByCountry'),
			fc.oneof(fc.string(), fc.integer(), anArray),
			'devicesByCountry is not an object'
		),
		unknownField(at, [
			'devices',
			'countries',
			'devicesByCountry',
			'lifetimeYears',
			'monthlyMbPerDevice',
			'siteVisits'
		])
	];
}

function answerBreaks(facts: RulesFacts, allowNull: boolean): fc.Arbitrary<Break>[] {
	const question = fc.constantFrom(...facts.questions);
	const knownIds = facts.questions.map((q) => q.id);
	return [
		brk(
			['answers'],
			allowNull ? notObject.filter((v) => v !== null) : notObject,
			'answers is not an object'
		),
		fc
			.tuple(
				unknownKey(knownIds),
				fc.oneof(
					fc.constant(null),
					fc.record({ option: fc.string(), note: fc.string() }, { requiredKeys: [] })
				)
			)
			.map(([id, answer]): Break => ({
				at: ['answers', id],
				value: answer,
				path: `answers.${id}`,
				why: `unknown question ${id}`
			})),
		question.chain((q) =>
			fc
				.oneof(
					fc
						.string({ minLength: 1, maxLength: 30 })
						.filter((o) => !q.options.includes(o) && o !== 'not_sure'),
					fc.constant(''),
					notString
				)
				.map((option): Break => ({
					at: ['answers', q.id],
					value: { option },
					path: `answers.${q.id}.option`,
					why: `bad option ${JSON.stringify(option)}`
				}))
		),
		question.chain((q) =>
			fc.oneof(tooLong(10_000), notString).map((note): Break => ({
				at: ['answers', q.id],
				value: { option: q.options[0], note },
				path: `answers.${q.id}.note`,
				why: 'bad note'
			}))
		),
		question.chain((q) => unknownField(['answers', q.id], ['option', 'note'])),
		question.chain((q) =>
			fc.oneof(fc.string(), fc.integer(), fc.boolean(), anArray).map((value): Break => ({
				at: ['answers', q.id],
				value,
				path: `answers.${q.id}`,
				why: 'answer is not an object'
			}))
		)
	];
}

function costBreaks(allowNull: boolean): fc.Arbitrary<Break>[] {
	const bad = fc.oneof(
		allowNull ? notNumber.filter((v) => v !== null) : notNumber,
		finite({ min: -1e12, max: -0.0001 }),
		finite({ min: 1_000_000_001, max: 1e15 })
	);
	return [
		brk(['costs'], notObject, 'costs is not an object'),
		unknownField(['costs'], COST_KEYS),
		fc.tuple(fc.constantFrom(...COST_KEYS), bad).map(([key, value]): Break => ({
			at: ['costs', key],
			value,
			path: `costs.${key}`,
			why: `bad ${key}`
		}))
	];
}

const ASSESSMENT_FIELDS = [
	'title',
	'organisation',
	'vendor',
	'currency',
	'fleet',
	'answers',
	'costs',
	'lastStep'
];

function assessmentBreaks(
	facts: RulesFacts,
	base: Body,
	kind: 'create' | 'patch'
): fc.Arbitrary<Break>[] {
	const patch = kind === 'patch';
	return [
		wholeBody(fc.oneof(notObject, fc.string({ maxLength: 50 })), 'body is not an object'),
		...(patch
			? [fc.constant<Break>({ at: REPLACE_BODY, value: {}, path: '', why: 'nothing to change' })]
			: [brk(['title'], fc.constant(undefined), 'no title')]),
		brk(['title'], fc.oneof(notString, blank, tooLong(200)), 'bad title'),
		brk(['organisation'], fc.oneof(notString, tooLong(200)), 'bad organisation'),
		brk(['vendor'], fc.oneof(notString, tooLong(200)), 'bad vendor'),
		brk(
			['currency'],
			fc.oneof(
				fc.constantFrom('usd', 'CHF', 'EURO', ''),
				notString.filter((v) => v !== undefined)
			),
			'bad currency'
		),
		...fleetBreaks(facts, base.fleet as Body, ['fleet']),
		...answerBreaks(facts, patch),
		...costBreaks(patch),
		brk(
			['lastStep'],
			fc.oneof(
				fc.string({ maxLength: 20 }).filter((s) => !facts.steps.includes(s)),
				notString
			),
			'bad lastStep'
		),
		...(patch ? revisionBreaks : []),
		unknownField([], patch ? [...ASSESSMENT_FIELDS, 'revision'] : ASSESSMENT_FIELDS)
	];
}

/**
 * A PATCH's `revision` (the revision the change was based on): not a whole number of 0 or more,
 * or sent alone (the revision is not a change).
 */
const revisionBreaks: fc.Arbitrary<Break>[] = [
	brk(
		['revision'],
		fc.oneof(
			fc.integer({ max: -1 }),
			finite({ min: 0.01, max: 10 }).filter((v) => !Number.isInteger(v)),
			notNumber
		),
		'bad revision'
	),
	fc.constant<Break>({
		at: REPLACE_BODY,
		value: { revision: 1 },
		path: '',
		why: 'only a revision: nothing to change'
	})
];

/** Keeps some of a valid body's optional fields, then breaks one field. */
function breakOne(
	base: fc.Arbitrary<Body>,
	required: string[],
	breaks: (base: Body) => fc.Arbitrary<Break>[]
): fc.Arbitrary<Invalid> {
	return base.chain((full) =>
		fc.tuple(fc.subarray(Object.keys(full)), fc.oneof(...breaks(full))).map(([kept, b]) => {
			const keep = new Set([...kept, ...required, ...(b.at.length ? [b.at[0]!] : [])]);
			const body = Object.fromEntries(Object.entries(full).filter(([key]) => keep.has(key)));
			return applyBreak(body, b);
		})
	);
}

export const invalidCreate = (facts: RulesFacts) =>
	breakOne(validAssessment(facts), ['title', 'fleet'], (base) =>
		assessmentBreaks(facts, base, 'create')
	);

export const invalidPatch = (facts: RulesFacts) =>
	breakOne(validAssessment(facts), [], (base) => assessmentBreaks(facts, base, 'patch'));

export const invalidShare = breakOne(
	fc.record({
		label: fc.string({ maxLength: 120 }),
		expiresAt: fc.oneof(fc.constant(null), fc.constantFrom('2099-12-31', '2098-01-01T10:00:00Z')),
		includeNotes: fc.boolean()
	}),
	[],
	() => [
		wholeBody(notObject, 'body is not an object'),
		brk(['label'], fc.oneof(notString, tooLong(120)), 'bad label'),
		brk(
			['expiresAt'],
			fc.oneof(
				fc.string({ maxLength: 30 }).map((s) => `x${s}`),
				fc.constantFrom('2001-01-01', '1999-12-31T23:59:59Z', '2026-13-01'),
				notString.filter((v) => v !== null)
			),
			'bad expiry'
		),
		brk(['includeNotes'], notBoolean, 'bad includeNotes'),
		unknownField([], ['label', 'expiresAt', 'includeNotes'])
	]
);

const smallFleet = (facts: RulesFacts) =>
	fc.record({
		devices: fc.integer({ min: 1, max: 500 }),
		countries: fc.uniqueArray(fc.constantFrom(...facts.countries), { minLength: 1, maxLength: 3 }),
		lifetimeYears: fc.integer({ min: 1, max: 5 })
	});

export const invalidSimulate = (facts: RulesFacts, assessmentId: string) =>
	breakOne(
		fc.record({
			seed: fc.integer({ min: 0, max: 0xffffffff }),
			fleet: smallFleet(facts),
			resolution: fc.constantFrom('day', 'week', 'month'),
			params: fc
				.subarray([...SIMULATION_KEYS], { maxLength: 3 })
				.map((keys) => Object.fromEntries(keys.map((k) => [k, 1]))),
			scenario: fc.record({
				switchYear: fc.constant(null),
				outages: fc.constant([]),
				roamingEnforcements: fc.constant([])
			})
		}),
		['seed', 'fleet'],
		(base) => {
			const fleet = base.fleet as { countries: string[]; lifetimeYears: number };
			return [
				wholeBody(notObject, 'body is not an object'),
				brk(
					['seed'],
					fc.oneof(
						notNumber,
						fc.integer({ max: -1 }),
						fc.nat().map((n) => 0x100000000 + n),
						finite({ min: 0.001, max: 1e6 }).filter((n) => !Number.isInteger(n))
					),
					'bad seed'
				),
				brk(['seed'], fc.constant(undefined), 'no seed'),
				brk(['fleet'], fc.constant(undefined), 'neither fleet nor assessmentId'),
				brk(['assessmentId'], fc.constant(assessmentId), 'both fleet and assessmentId', 'fleet'),
				brk(
					['fleet', 'devices'],
					fc.integer({ min: 200_001, max: 100_000_000 }),
					'more devices than the API simulates'
				),
				...fleetBreaks(facts, base.fleet as Body, ['fleet']),
				brk(
					['resolution'],
					fc.oneof(
						fc.string({ maxLength: 10 }).filter((s) => !['day', 'week', 'month'].includes(s)),
						notString
					),
					'bad resolution'
				),
				unknownField(['params'], SIMULATION_KEYS),
				fc
					.tuple(
						fc.constantFrom(...SIMULATION_KEYS),
						fc.oneof(
							notNumber,
							finite({ min: -1e9, max: -0.001 }),
							finite({ min: 10_000_001, max: 1e12 })
						)
					)
					.map(([key, value]): Break => ({
						at: ['params', key],
						value,
						path: `params.${key}`,
						why: `bad param ${key}`
					})),
				brk(
					['scenario', 'switchYear'],
					fc.integer({ min: fleet.lifetimeYears + 1, max: 40 }),
					'switch after the fleet lifetime'
				),
				fc.constantFrom(...facts.unknownCountries).map((country): Break => ({
					at: ['scenario', 'outages'],
					value: [{ country, startDay: 0, days: 1 }],
					path: 'scenario.outages.0.country',
					why: `outage in ${country}`
				})),
				brk(
					['scenario', 'roamingEnforcements'],
					fc.constant(Array.from({ length: 251 }, () => ({ country: fleet.countries[0], day: 0 }))),
					'too many enforcements'
				),
				unknownField(['scenario'], ['outages', 'roamingEnforcements', 'switchYear']),
				...costBreaks(false),
				unknownField(
					[],
					['seed', 'assessmentId', 'fleet', 'scenario', 'params', 'costs', 'resolution']
				)
			];
		}
	);

/* Imports ----------------------------------------------------------------------------------- */

const recordId = fc.string({
	unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-'),
	minLength: 22,
	maxLength: 22
});

const exportDocument = fc.uniqueArray(recordId, { minLength: 1, maxLength: 3 }).map((ids) => ({
	format: 'lock-in-radar/assessments',
	formatVersion: 1,
	exportedAt: '2026-11-25T10:00:00.000Z',
	assessments: ids.map((id) => seedRecord(id) as unknown as Body)
}));

export const invalidImport = exportDocument.chain((doc) => {
	const n = doc.assessments.length;
	const record = fc.nat(n - 1);
	const inRecord = (field: string, value: fc.Arbitrary<unknown>, why: string) =>
		fc.tuple(record, value).map(([i, v]): Break => ({
			at: ['assessments', String(i), field],
			value: v,
			path: `assessments.${i}.${field}`,
			why
		}));
	const breaks: fc.Arbitrary<Break>[] = [
		wholeBody(notObject, 'body is not an object'),
		brk(
			['format'],
			fc.oneof(
				fc.string().filter((s) => s !== doc.format),
				notString
			),
			'not our format'
		),
		brk(
			['formatVersion'],
			fc.oneof(
				fc.integer().filter((v) => v !== 1),
				notNumber
			),
			'unknown format version'
		),
		brk(['exportedAt'], notString, 'bad exportedAt'),
		brk(
			['assessments'],
			notObject.filter((v) => !Array.isArray(v)),
			'assessments is not a list'
		),
		brk(
			['assessments'],
			fc.constant(Array.from({ length: 101 }, () => ({}))),
			'more than 100 assessments'
		),
		fc.tuple(record, notObject).map(([i, v]): Break => ({
			at: ['assessments', String(i)],
			value: v,
			path: `assessments.${i}`,
			why: 'record is not an object'
		})),
		inRecord(
			'id',
			fc.oneof(
				fc.string({ maxLength: 21 }),
				fc.string({ minLength: 22, maxLength: 30 }).filter((s) => /[^A-Za-z0-9_-]/.test(s)),
				notString
			),
			'bad id'
		),
		inRecord(
			'revision',
			fc.oneof(
				fc.integer({ max: -1 }),
				finite({ min: 0.01, max: 10 }).filter((v) => !Number.isInteger(v)),
				notNumber
			),
			'bad revision'
		),
		inRecord(
			'schemaVersion',
			fc.oneof(fc.integer({ min: 3, max: 1000 }), fc.integer({ max: 0 })),
			'unknown schema version'
		),
		inRecord(
			'createdAt',
			fc.oneof(
				fc.string({ maxLength: 20 }).map((s) => `x${s}`),
				notString
			),
			'bad createdAt'
		),
		inRecord('title', notString, 'bad title'),
		inRecord('fleet', notObject, 'bad fleet'),
		inRecord('answers', fc.oneof(fc.string(), fc.integer(), anArray), 'bad answers'),
		inRecord(
			'shares',
			fc.oneof(fc.string(), fc.integer(), fc.constant([{ id: 'x' }])),
			'bad shares'
		),
		fc.tuple(record, unknownKey(Object.keys(doc.assessments[0]!))).map(([i, key]): Break => ({
			at: ['assessments', String(i), key],
			value: 1,
			path: `assessments.${i}.${key}`,
			why: `unknown field ${key}`,
			parent: `assessments.${i}`
		})),
		unknownField([], ['format', 'formatVersion', 'exportedAt', 'assessments'])
	];
	if (n > 1) {
		breaks.push(
			fc.constant<Break>({
				at: ['assessments', '1', 'id'],
				value: (doc.assessments[0] as { id: string }).id,
				path: 'assessments.1.id',
				why: 'the same id twice'
			})
		);
	}
	return fc.oneof(...breaks).map((b) => applyBreak(doc, b));
});

/* Report query strings ---------------------------------------------------------------------- */

export const REPORT_PARAMS = ['title', 'consultant', 'firm', 'paper', 'locale'];

/** Query strings for the PDF that must be refused: never a valid one, which would render a report. */
export const invalidReportQuery = fc
	.record(
		{
			title: validText(100),
			consultant: validText(100),
			firm: validText(100),
			paper: fc.constantFrom('a4', 'letter', 'A4', ' Letter '),
			locale: fc.constantFrom('en', 'de', ' DE ')
		},
		{ requiredKeys: [] }
	)
	.chain((base) =>
		fc
			.oneof(
				fc.tuple(unknownKey(REPORT_PARAMS), fc.string({ maxLength: 40 })).map(([key, value]) => ({
					extra: [[key, value]],
					set: {},
					path: key,
					why: `unknown parameter ${key}`
				})),
				fc
					.tuple(
						fc.constantFrom('title', 'consultant', 'firm'),
						fc.string({ maxLength: 40 }),
						fc.string({ maxLength: 40 })
					)
					.map(([key, a, b]) => ({
						extra: [
							[key, a],
							[key, b]
						],
						set: { [key]: undefined },
						path: key,
						why: `${key} twice`
					})),
				fc
					.tuple(fc.constantFrom('title', 'consultant', 'firm'), longWord(200))
					.map(([key, value]) => ({
						extra: [],
						set: { [key]: value },
						path: key,
						why: `${key} too long`
					})),
				fc
					.string({ maxLength: 20 })
					.filter((p) => !['a4', 'letter'].includes(p.trim().toLowerCase()))
					.map((paper) => ({
						extra: [],
						set: { paper },
						path: 'paper',
						why: `paper ${JSON.stringify(paper)}`
					})),
				fc
					.string({ maxLength: 20 })
					.filter((locale) => !['en', 'de'].includes(locale.trim().toLowerCase()))
					.map((locale) => ({
						extra: [],
						set: { locale },
						path: 'locale',
						why: `locale ${JSON.stringify(locale)}`
					}))
			)
			.map(({ extra, set, path, why }) => {
				const params = new URLSearchParams();
				for (const [key, value] of Object.entries({ ...base, ...set }))
					if (value !== undefined) params.append(key, value);
				for (const [key, value] of extra) params.append(key!, value!);
				return { body: `?${params}`, path, why } satisfies Invalid<string>;
			})
	);

/* Ids and tokens ---------------------------------------------------------------------------- */

/** Path segments that are not ids: traversal, encodings, control characters, very long, and well-formed unknown ones. */
export const notAnId = fc.oneof(
	fc.string({ unit: 'binary', minLength: 1, maxLength: 60 }).map(encodeURIComponent),
	fc.constantFrom(
		'..',
		'%2e%2e',
		'..%2f..%2fetc%2fpasswd',
		'%00',
		'a%00b',
		'%2F',
		'%5C',
		'.lock',
		'.',
		'AAAAAAAAAAAAAAAAAAAAA%00',
		'x'.repeat(4000),
		'null',
		'undefined',
		'__proto__',
		'constructor'
	),
	recordId,
	fc.string({
		unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-'),
		minLength: 23,
		maxLength: 60
	})
);

/* Tenders ---------------------------------------------------------------------------------- */

const TENDER_FIELDS = [
	'title',
	'organisation',
	'buyerCountry',
	'currency',
	'fleet',
	'costs',
	'scoring',
	'weights',
	'offers',
	'fromAssessment'
];
const SCORING_MODES = ['as_given', 'unverified_as_not_sure'];

const validWeights = fc
	.subarray([...AREA_IDS])
	.chain((keys) =>
		fc
			.tuple(...keys.map(() => fc.integer({ min: 1, max: 10 })))
			.map((values) => Object.fromEntries(keys.map((k, i) => [k, values[i]])))
	);

const validTender = (facts: RulesFacts) =>
	fc.record({
		title: validText(200),
		organisation: fc.string({ maxLength: 200 }),
		currency: fc.constantFrom('USD', 'EUR', 'GBP'),
		fleet: validFleet(facts),
		costs: validCosts,
		scoring: fc.constantFrom(...SCORING_MODES),
		weights: validWeights,
		offers: fc.array(
			fc.record(
				{ vendor: validText(200), answers: validAnswers(facts, true) },
				{ requiredKeys: ['vendor'] }
			),
			{
				minLength: 2,
				maxLength: 8
			}
		)
	});

/** One break of the assessment's answers, moved into the first offer. */
const inFirstOffer = (b: Break): Break => ({
	...b,
	at: ['offers', '0', ...b.at],
	path: `offers.0.${b.path}`,
	...(b.parent === undefined ? {} : { parent: `offers.0.${b.parent}` })
});

function tenderBreaks(
	facts: RulesFacts,
	base: Body,
	kind: 'create' | 'patch'
): fc.Arbitrary<Break>[] {
	const patch = kind === 'patch';
	const badWeight = fc.oneof(
		notNumber,
		finite({ min: -100, max: 0 }),
		finite({ min: 10.0001, max: 1e6 })
	);
	return [
		wholeBody(fc.oneof(notObject, fc.string({ maxLength: 50 })), 'body is not an object'),
		...(patch
			? [fc.constant<Break>({ at: REPLACE_BODY, value: {}, path: '', why: 'nothing to change' })]
			: [
					brk(['title'], fc.constant(undefined), 'no title'),
					brk(['offers'], fc.constant(undefined), 'no offers')
				]),
		brk(['title'], fc.oneof(notString, blank, tooLong(200)), 'bad title'),
		brk(['organisation'], fc.oneof(notString, tooLong(200)), 'bad organisation'),
		brk(
			['currency'],
			fc.oneof(fc.constantFrom('usd', 'CHF', 'EURO', ''), notString),
			'bad currency'
		),
		brk(
			['buyerCountry'],
			fc.oneof(
				fc.constantFrom(...facts.unknownCountries),
				fc.constantFrom(...facts.countries).map((c) => c.toLowerCase()),
				notString.filter((v) => v !== null)
			),
			'bad buyerCountry'
		),
		...fleetBreaks(facts, base.fleet as Body, ['fleet']),
		...costBreaks(patch),
		brk(
			['scoring'],
			fc.oneof(
				fc.string({ maxLength: 20 }).filter((s) => !SCORING_MODES.includes(s)),
				notString
			),
			'bad scoring'
		),
		brk(
			['weights'],
			patch ? notObject.filter((v) => v !== null) : notObject,
			'weights is not an object'
		),
		unknownField(['weights'], AREA_IDS),
		fc.tuple(fc.constantFrom(...AREA_IDS), badWeight).map(([area, value]): Break => ({
			at: ['weights', area],
			value,
			path: `weights.${area}`,
			why: `bad weight ${JSON.stringify(value)}`
		})),
		...(patch
			? []
			: [
					brk(
						['offers'],
						fc.oneof(
							notObject,
							fc.constant([{ vendor: 'Alone' }]),
							fc.constant(Array.from({ length: 9 }, (_, i) => ({ vendor: `V${i}` })))
						),
						'bad offers'
					),
					brk(['offers', '0', 'vendor'], fc.oneof(notString, blank, tooLong(200)), 'bad vendor'),
					unknownField(['offers', '0'], ['vendor', 'answers']),
					...answerBreaks(facts, true).map((arbitrary) => arbitrary.map(inFirstOffer)),
					brk(
						['fromAssessment'],
						fc.oneof(
							fc.string({ maxLength: 30 }).filter((s) => !/^[A-Za-z0-9_-]{22}$/.test(s)),
							notString
						),
						'bad fromAssessment'
					)
				]),
		...(patch ? revisionBreaks : []),
		unknownField(
			[],
			patch
				? [...TENDER_FIELDS.filter((f) => f !== 'offers' && f !== 'fromAssessment'), 'revision']
				: TENDER_FIELDS
		)
	];
}

export const invalidTenderCreate = (facts: RulesFacts) =>
	breakOne(validTender(facts), ['title', 'fleet', 'offers'], (base) =>
		tenderBreaks(facts, base, 'create')
	);

export const invalidTenderPatch = (facts: RulesFacts) =>
	breakOne(
		validTender(facts).map(({ offers: _offers, ...rest }) => rest),
		[],
		(base) => tenderBreaks(facts, base, 'patch')
	);

/** The buyer's change to one answer of `question`. */
export const invalidTenderAnswer = (question: RulesFacts['questions'][number]) =>
	breakOne(
		fc.record({
			option: fc.constantFrom(...question.options, 'not_sure'),
			note: fc.string({ maxLength: 40 }),
			state: fc.constantFrom('verified', 'disputed', 'rejected'),
			stateNote: fc.string({ maxLength: 40 })
		}),
		[],
		() => [
			wholeBody(fc.oneof(notObject, fc.string({ maxLength: 50 })), 'body is not an object'),
			fc.constant<Break>({ at: REPLACE_BODY, value: {}, path: '', why: 'nothing to change' }),
			brk(
				['option'],
				fc.oneof(
					fc
						.string({ minLength: 1, maxLength: 30 })
						.filter((o) => !question.options.includes(o) && o !== 'not_sure'),
					fc.constant(''),
					notString.filter((v) => v !== null)
				),
				'bad option'
			),
			brk(
				['note'],
				fc.oneof(
					tooLong(10_000),
					notString.filter((v) => v !== null)
				),
				'bad note'
			),
			brk(
				['state'],
				fc.oneof(
					fc.constantFrom('claimed', 'Verified', ''),
					fc
						.string({ maxLength: 12 })
						.filter((s) => !['verified', 'disputed', 'rejected'].includes(s)),
					notString
				),
				'bad state'
			),
			brk(
				['stateNote'],
				fc.oneof(
					tooLong(10_000),
					notString.filter((v) => v !== null)
				),
				'bad stateNote'
			),
			...revisionBreaks,
			unknownField([], ['option', 'note', 'state', 'stateNote', 'revision'])
		]
	);
