import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COST_KEYS } from '../../src/lib/rules/schema';
import { friendlyPageProblem, send, type Reply } from './http';
import { anyText, blank, invalidImport, notAnId, tooLong, type RulesFacts } from './invalid-input';
import { expectNothingStored, useSeededServer, type Seeded } from './seeded-server';

/** Generated form posts per property; FUZZ_RUNS=2000 for a long hunt. */
const RUNS = Math.ceil(Number(process.env.FUZZ_RUNS ?? 400) / 2);
const seeded = useSeededServer();

type Pairs = [string, string][];
interface InvalidForm {
	pairs: Pairs;
	why: string;
}

/** Posts a form the way a browser on our own pages does: our Origin, asking for HTML. */
function post(
	s: Seeded,
	path: string,
	pairs: Pairs,
	multipart: boolean,
	file?: { name: string; content: string }
): Promise<Reply> {
	let body: FormData | URLSearchParams;
	if (multipart || file) {
		body = new FormData();
		for (const [name, value] of pairs) body.append(name, value);
		if (file)
			body.append(file.name, new Blob([file.content], { type: 'application/json' }), 'export.json');
	} else {
		body = new URLSearchParams(pairs);
	}
	return send(s.server, 'POST', path, {
		body,
		headers: { origin: s.server.origin, accept: 'text/html' }
	});
}

/** A refusal a person can read: the status, our page, and no stack trace. */
function expectFriendlyRefusal(reply: Reply, statuses: number[], why: string) {
	const detail = `${why}: ${reply.status} ${reply.headers.get('location') ?? ''} ${reply.text.slice(0, 200)}`;
	expect(statuses, detail).toContain(reply.status);
	expect(friendlyPageProblem(reply), detail).toBeNull();
}

const property = <T>(arbitrary: fc.Arbitrary<T>, check: (value: T) => Promise<void>) =>
	fc.assert(fc.asyncProperty(arbitrary, check), { numRuns: RUNS });

/* Form fields, invalid by construction --------------------------------------------------------- */

/** Text the form parsers read as "not a number" (they drop spaces, commas and underscores). */
const notANumber = fc.oneof(
	fc.string({ minLength: 1, maxLength: 12 }).filter((s) => {
		const raw = s.trim().replace(/[\s,_]/g, '');
		return raw !== '' && !Number.isFinite(Number(raw));
	}),
	fc.constantFrom('Infinity', '-Infinity', '1e400', 'NaN', '1/2', '12abc', '<b>5</b>')
);
const junkFields = fc.array(fc.tuple(fc.string({ maxLength: 20 }), anyText), { maxLength: 4 });

const validFleetFields = (facts: RulesFacts) =>
	fc.record({
		title: fc.string({ minLength: 1, maxLength: 200 }).filter((t) => t.trim().length > 0),
		organisation: fc.string({ maxLength: 200 }),
		vendor: fc.string({ maxLength: 200 }),
		// Written the ways people type numbers: plain, with thousands separators, padded.
		devices: fc
			.tuple(fc.integer({ min: 1000, max: 1_000_000 }), fc.nat(2))
			.map(([n, style]) => [String(n), n.toLocaleString('en'), ` ${n} `][style]!),
		lifetimeYears: fc.integer({ min: 1, max: 40 }).map(String),
		monthlyMbPerDevice: fc.constantFrom('', '5', '0', '250'),
		countries: fc.uniqueArray(fc.constantFrom(...facts.countries), { minLength: 1, maxLength: 4 })
	});

function invalidFleetForm(facts: RulesFacts): fc.Arbitrary<InvalidForm> {
	return fc.tuple(validFleetFields(facts), junkFields).chain(([fields, junk]) => {
		const breaks: fc.Arbitrary<[Partial<Record<string, string>>, string[] | null, string]>[] = [
			fc.oneof(blank, tooLong(200)).map((title) => [{ title }, null, 'bad title']),
			tooLong(200).map((organisation) => [{ organisation }, null, 'organisation too long']),
			tooLong(200).map((vendor) => [{ vendor }, null, 'vendor too long']),
			fc
				.oneof(notANumber, fc.constantFrom('', '0', '-5', '1.5', '100000001'))
				.map((devices) => [{ devices }, null, `devices ${JSON.stringify(devices)}`]),
			fc
				.oneof(notANumber, fc.constantFrom('', '0', '-1', '41'))
				.map((lifetimeYears) => [
					{ lifetimeYears },
					null,
					`lifetime ${JSON.stringify(lifetimeYears)}`
				]),
			fc
				.oneof(notANumber, fc.constantFrom('-1', '1000001'))
				.map((monthlyMbPerDevice) => [{ monthlyMbPerDevice }, null, 'bad monthly data']),
			fc.constant([{}, [], 'no country']),
			fc
				.oneof(fc.constantFrom(...facts.unknownCountries), fc.constantFrom('DEU', 'D', '1A', '<b>'))
				.map((code) => [{}, [...fields.countries, code], `country ${code}`]),
			fc
				.oneof(notANumber, fc.constantFrom('-1', '0.5'))
				.map((n) => [{ [`devices_${fields.countries[0]}`]: n }, null, 'bad devices in a country']),
			fc.constant([
				{ [`devices_${fields.countries[0]}`]: '2000000' },
				null,
				'more devices in a country than in the fleet'
			])
		];
		return fc.oneof(...breaks).map(([set, list, why]) => {
			const { countries, ...text } = fields;
			const pairs = Object.entries({ ...text, ...set }) as Pairs;
			for (const code of list ?? countries) pairs.push(['countries', code]);
			return { pairs: [...pairs, ...junk], why };
		});
	});
}

function invalidAreaForm(facts: RulesFacts): fc.Arbitrary<InvalidForm & { area: string }> {
	const areas = [...new Set(facts.questions.map((q) => q.area))];
	return fc.constantFrom(...areas).chain((area) => {
		const questions = facts.questions.filter((q) => q.area === area);
		const answers = fc.tuple(
			...questions.map((q) => fc.option(fc.constantFrom(...q.options, 'not_sure'), { nil: '' }))
		);
		const notes = fc.tuple(...questions.map(() => fc.string({ maxLength: 40 })));
		const broken = fc.constantFrom(...questions).chain((q) =>
			fc.oneof(
				fc
					.string({ minLength: 1, maxLength: 30 })
					.filter((o) => !q.options.includes(o) && o !== 'not_sure')
					.map((o): [string, string, string] => [
						`answer.${q.id}`,
						o,
						`option ${JSON.stringify(o)}`
					]),
				tooLong(10_000).map((note): [string, string, string] => [
					`note.${q.id}`,
					note,
					'note too long'
				])
			)
		);
		return fc
			.tuple(
				answers,
				notes,
				broken,
				fc.constantFrom('back', 'next', 'stay', '', 'elsewhere'),
				junkFields
			)
			.map(([a, n, [name, value, why], intent, junk]) => {
				const pairs: Pairs = [];
				// The broken field comes first: a form's first value for a name is the one read.
				pairs.push([name, value]);
				questions.forEach((q, i) => {
					if (a[i]) pairs.push([`answer.${q.id}`, a[i]!]);
					if (n[i]) pairs.push([`note.${q.id}`, n[i]!]);
				});
				if (intent) pairs.push(['intent', intent]);
				return { area, pairs: [...pairs, ...junk], why };
			});
	});
}

const invalidCostsForm: fc.Arbitrary<InvalidForm> = fc
	.tuple(
		fc
			.subarray([...COST_KEYS])
			.chain((keys) =>
				fc.tuple(
					...keys.map((k) =>
						fc
							.constantFrom('', '0', '12', '1,000', ' 7 ')
							.map((v): [string, string] => [`cost.${k}`, v])
					)
				)
			),
		fc.constantFrom(...COST_KEYS),
		fc.oneof(notANumber, fc.constantFrom('-1', '-0.01', '1000000001', '1e12')),
		junkFields
	)
	.map(([valid, key, bad, junk]) => ({
		pairs: [[`cost.${key}`, bad], ...valid, ...junk],
		why: `cost.${key} = ${JSON.stringify(bad)}`
	}));

const invalidShareForm: fc.Arbitrary<InvalidForm> = fc
	.tuple(
		fc.oneof(
			tooLong(120).map((label): [string, string, string] => ['label', label, 'label too long']),
			fc
				.oneof(
					fc.string({ maxLength: 20 }).map((s) => `x${s}`),
					fc.constantFrom('2001-01-01', '1999-12-31', '31/12/2099', '2099-1-1')
				)
				.map((expiresAt): [string, string, string] => [
					'expiresAt',
					expiresAt,
					`expiry ${JSON.stringify(expiresAt)}`
				])
		),
		fc.string({ maxLength: 120 }),
		fc.boolean(),
		junkFields
	)
	.map(([[name, value, why], label, notes, junk]) => {
		const pairs: Pairs = [[name, value]];
		if (name !== 'label') pairs.push(['label', label]);
		if (notes) pairs.push(['includeNotes', 'on']);
		return { pairs: [...pairs, ...junk], why };
	});

/* The properties ----------------------------------------------------------------------------- */

describe('form actions refuse malformed posts with a readable page, and store nothing', () => {
	it('POST /new', async () => {
		const s = seeded();
		await expectNothingStored(s.server, () =>
			property(fc.tuple(invalidFleetForm(s.facts), fc.boolean()), async ([form, multipart]) => {
				const reply = await post(s, '/new', form.pairs, multipart);
				expectFriendlyRefusal(reply, [400], form.why);
				expect(reply.text, form.why).toContain('class="field-error"');
			})
		);
	});

	it('POST /a/{id}/fleet', async () => {
		const s = seeded();
		await expectNothingStored(s.server, () =>
			property(fc.tuple(invalidFleetForm(s.facts), fc.boolean()), async ([form, multipart]) => {
				const reply = await post(s, `/a/${s.id}/fleet`, form.pairs, multipart);
				expectFriendlyRefusal(reply, [400], form.why);
				expect(reply.text, form.why).toContain('class="field-error"');
			})
		);
	});

	it('POST /a/{id}/{area}', async () => {
		const s = seeded();
		await expectNothingStored(s.server, () =>
			property(fc.tuple(invalidAreaForm(s.facts), fc.boolean()), async ([form, multipart]) => {
				expectFriendlyRefusal(
					await post(s, `/a/${s.id}/${form.area}`, form.pairs, multipart),
					[400],
					form.why
				);
			})
		);
	});

	it('POST /a/{id}/results?/costs, ?/share and ?/revoke', async () => {
		const s = seeded();
		const action = fc.oneof(
			invalidCostsForm.map((form) => ({ ...form, action: 'costs', statuses: [400] })),
			invalidShareForm.map((form) => ({ ...form, action: 'share', statuses: [400] })),
			fc
				.oneof(notAnId, anyText)
				.filter((id) => id !== s.shareId)
				.map((shareId) => ({
					pairs: [['shareId', shareId]] as Pairs,
					why: `revoke ${shareId.slice(0, 40)}`,
					action: 'revoke',
					statuses: [404]
				}))
		);
		await expectNothingStored(s.server, () =>
			property(fc.tuple(action, fc.boolean()), async ([form, multipart]) => {
				expectFriendlyRefusal(
					await post(s, `/a/${s.id}/results?/${form.action}`, form.pairs, multipart),
					form.statuses,
					form.why
				);
			})
		);
	});

	it('POST /assessments?/import', async () => {
		const s = seeded();
		const file = fc.oneof(
			invalidImport.map((invalid) => ({ content: JSON.stringify(invalid.body), why: invalid.why })),
			fc
				.string({ unit: 'binary', maxLength: 400 })
				.map((content) => ({ content, why: 'any text' })),
			fc.constant({ content: '', why: 'an empty file' })
		);
		await expectNothingStored(s.server, () =>
			property(fc.tuple(file, junkFields), async ([{ content, why }, junk]) => {
				expectFriendlyRefusal(
					await post(s, '/assessments?/import', junk, true, { name: 'file', content }),
					[400],
					why
				);
			})
		);
	});

	it('answers posts to assessments, steps and actions that do not exist with 404', async () => {
		const s = seeded();
		const target = fc.oneof(
			notAnId.map((id) => `/a/${id}/fleet`),
			notAnId.map((id) => `/a/${id}/network`),
			notAnId.map((id) => `/a/${id}/results?/costs`),
			fc
				.string({ minLength: 1, maxLength: 20 })
				.map((area) => `/a/${s.id}/${encodeURIComponent(area)}`),
			fc
				.string({ minLength: 1, maxLength: 20 })
				.map((action) => `/a/${s.id}/results?/${encodeURIComponent(action)}`)
		);
		const known = new Set(s.facts.steps.map((step) => `/a/${s.id}/${step}`));
		const knownActions = new Set(
			['costs', 'share', 'revoke'].map((a) => `/a/${s.id}/results?/${a}`)
		);
		await expectNothingStored(s.server, () =>
			property(
				fc
					.tuple(target, junkFields)
					.filter(([path]) => !known.has(path) && !knownActions.has(path)),
				async ([path, junk]) => {
					const reply = await post(s, path, junk, false);
					const detail = `${path.slice(0, 100)}: ${reply.status} ${reply.text.slice(0, 200)}`;
					// 404 page, 400 for a path that is not valid URL encoding, or a redirect on this site for one that normalises.
					expect(reply.status, detail).toBeGreaterThanOrEqual(300);
					expect(reply.status, detail).toBeLessThan(500);
					if (reply.status >= 400) expect(friendlyPageProblem(reply), detail).toBeNull();
					else expect(reply.headers.get('location'), detail).toMatch(/^\/(?!\/)/);
				}
			)
		);
	});
});

describe('found by these tests: fix in src/', () => {
	const actions = (s: Seeded) => [
		'/new',
		`/a/${s.id}/fleet`,
		`/a/${s.id}/network`,
		`/a/${s.id}/results?/costs`,
		`/a/${s.id}/results?/share`,
		`/a/${s.id}/results?/revoke`,
		'/assessments?/import'
	];

	it('answers a form post whose body cannot be read (broken multipart, text/plain) with 400, not 500', async () => {
		const s = seeded();
		const unreadable: [string, string][] = [
			['multipart/form-data; boundary=x', 'not multipart at all'],
			[
				'multipart/form-data',
				'--x\r\nContent-Disposition: form-data; name="title"\r\n\r\nno boundary given'
			],
			['text/plain', 'title=plain text']
		];
		const failures: string[] = [];
		await expectNothingStored(s.server, async () => {
			for (const path of actions(s)) {
				for (const [contentType, body] of unreadable) {
					const reply = await send(s.server, 'POST', path, {
						body,
						headers: { origin: s.server.origin, accept: 'text/html', 'content-type': contentType }
					});
					if (reply.status !== 400 || friendlyPageProblem(reply))
						failures.push(`${path} with ${contentType}: ${reply.status}`);
				}
			}
		}).catch((error) => failures.push(String(error).split('\n')[0]!));
		expect(failures).toEqual([]);
	});
});

describe('form actions named like inherited object properties', () => {
	it('answer a friendly 404 page for ?/__proto__, ?/constructor and ?/toString, never a 500', async () => {
		const s = seeded();
		await expectNothingStored(s.server, async () => {
			for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
				const reply = await post(s, `/a/${s.id}/results?/${name}`, [], false);
				expect(reply.status, name).toBe(404);
				expect(friendlyPageProblem(reply), name).toBeNull();
			}
		});
	});
});
