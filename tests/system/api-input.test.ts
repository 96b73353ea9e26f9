import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seedRecord } from './data-dir';
import { apiErrorProblem, jsonOf, send, type ApiError, type Reply } from './http';
import {
	anyKey,
	anyText,
	invalidCreate,
	invalidImport,
	invalidPatch,
	invalidReportQuery,
	invalidShare,
	invalidSimulate,
	invalidTenderAnswer,
	invalidTenderCreate,
	invalidTenderPatch,
	notAnId,
	type Invalid
} from './invalid-input';
import { expectNothingStored, useSeededServer } from './seeded-server';

/** Generated requests per property; FUZZ_RUNS=2000 for a long hunt. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 400);
const seeded = useSeededServer();

/** A refusal in the API's one error shape, naming the broken field. */
function expectRefused(reply: Reply, status: number, invalid: Pick<Invalid, 'path' | 'why'>) {
	const context = `${invalid.why}: ${reply.status} ${reply.text.slice(0, 400)}`;
	expect(reply.status, context).toBe(status);
	expect(apiErrorProblem(reply), context).toBeNull();
	const paths = jsonOf<ApiError>(reply).issues.map((issue) => issue.path);
	const named =
		invalid.path === ''
			? paths.includes('')
			: paths.some((p) => p === invalid.path || p.startsWith(`${invalid.path}.`));
	expect(
		named,
		`${context}\nexpected an issue at "${invalid.path}", got ${JSON.stringify(paths)}`
	).toBe(true);
}

/**
 * Never a 5xx or a 2xx; an error the API itself answers comes in its error shape. A path that
 * normalises to another (e.g. a trailing ".") may be redirected, on this site.
 */
function expectClientError(reply: Reply, context: string) {
	const detail = `${context}: ${reply.status} ${reply.headers.get('location') ?? ''} ${reply.text.slice(0, 300)}`;
	expect(reply.status, detail).toBeGreaterThanOrEqual(300);
	expect(reply.status, detail).toBeLessThan(500);
	if (reply.status < 400) expect(reply.headers.get('location'), detail).toMatch(/^\/(?!\/)/);
	if (/^application\/json/.test(reply.headers.get('content-type') ?? ''))
		expect(apiErrorProblem(reply), context).toBeNull();
}

const property = <T>(arbitrary: fc.Arbitrary<T>, check: (value: T) => Promise<void>, runs = RUNS) =>
	fc.assert(fc.asyncProperty(arbitrary, check), { numRuns: runs });

/** Every byte percent-encoded: any text, even lone surrogates, as a path segment. */
const percentEncoded = (text: string) =>
	[...Buffer.from(text, 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');

describe('the JSON API refuses malformed input with 400 and the field path, and stores nothing', () => {
	it('POST /api/assessments', async () => {
		const { server, facts } = seeded();
		await expectNothingStored(server, () =>
			property(invalidCreate(facts), async (invalid) => {
				expectRefused(
					await send(server, 'POST', '/api/assessments', { json: invalid.body }),
					400,
					invalid
				);
			})
		);
	});

	it('PATCH /api/assessments/{id}', async () => {
		const { server, facts, id } = seeded();
		await expectNothingStored(server, () =>
			property(invalidPatch(facts), async (invalid) => {
				expectRefused(
					await send(server, 'PATCH', `/api/assessments/${id}`, { json: invalid.body }),
					400,
					invalid
				);
			})
		);
	});

	it('POST /api/tenders', async () => {
		const { server, facts } = seeded();
		await expectNothingStored(server, () =>
			property(invalidTenderCreate(facts), async (invalid) => {
				expectRefused(
					await send(server, 'POST', '/api/tenders', { json: invalid.body }),
					400,
					invalid
				);
			})
		);
	});

	it('PATCH /api/tenders/{id} and PATCH /api/tenders/{id}/offers/{offerId}/answers/{questionId}', async () => {
		const { server, facts } = seeded();
		const question = facts.questions[0]!;
		const created = await send(server, 'POST', '/api/tenders', {
			json: {
				title: 'Fuzzed',
				fleet: { devices: 10, countries: ['DE'], lifetimeYears: 2 },
				offers: [
					{ vendor: 'A', answers: { [question.id]: { option: question.options[0] } } },
					{ vendor: 'B' }
				]
			}
		});
		expect(created.status).toBe(201);
		const tender = jsonOf<{ id: string; offers: { id: string }[] }>(created);
		const answerPath = `/api/tenders/${tender.id}/offers/${tender.offers[0]!.id}/answers/${question.id}`;
		await expectNothingStored(server, async () => {
			await property(invalidTenderPatch(facts), async (invalid) => {
				expectRefused(
					await send(server, 'PATCH', `/api/tenders/${tender.id}`, { json: invalid.body }),
					400,
					invalid
				);
			});
			await property(invalidTenderAnswer(question), async (invalid) => {
				expectRefused(
					await send(server, 'PATCH', answerPath, { json: invalid.body }),
					400,
					invalid
				);
			});
		});
	});

	it('POST /api/assessments/{id}/shares', async () => {
		const { server, id } = seeded();
		await expectNothingStored(server, () =>
			property(invalidShare, async (invalid) => {
				expectRefused(
					await send(server, 'POST', `/api/assessments/${id}/shares`, { json: invalid.body }),
					400,
					invalid
				);
			})
		);
	});

	it('POST /api/simulate', async () => {
		const { server, facts, id } = seeded();
		await expectNothingStored(server, () =>
			property(invalidSimulate(facts, id), async (invalid) => {
				expectRefused(
					await send(server, 'POST', '/api/simulate', { json: invalid.body }),
					400,
					invalid
				);
			})
		);
	});

	it('POST /api/import, where one bad record rejects the whole file', async () => {
		const { server } = seeded();
		await expectNothingStored(server, () =>
			property(invalidImport, async (invalid) => {
				expectRefused(
					await send(server, 'POST', '/api/import', { json: invalid.body }),
					400,
					invalid
				);
			})
		);
	});

	it('GET /api/assessments/{id}/report.pdf query parameters', async () => {
		const { server, id } = seeded();
		await expectNothingStored(server, () =>
			property(invalidReportQuery, async (invalid) => {
				expectRefused(
					await send(server, 'GET', `/api/assessments/${id}/report.pdf${invalid.body}`),
					400,
					invalid
				);
			})
		);
	});

	it('bodies that are not JSON, not objects, or carry unknown fields, on every write route', async () => {
		const { server, id } = seeded();
		const routes: [string, string][] = [
			['POST', '/api/assessments'],
			['PATCH', `/api/assessments/${id}`],
			['POST', `/api/assessments/${id}/shares`],
			['POST', '/api/simulate'],
			['POST', '/api/import']
		];
		const notJson = fc.string({ unit: 'binary', maxLength: 300 }).filter((text) => {
			try {
				JSON.parse(text);
				return false;
			} catch {
				return true;
			}
		});
		const body = fc.oneof(
			notJson.map((text) => ({ text, path: '', why: 'not JSON' })),
			fc
				.jsonValue({ maxDepth: 3 })
				.filter((v) => typeof v !== 'object' || v === null || Array.isArray(v))
				.map((v) => ({ text: JSON.stringify(v), path: '', why: 'not an object' })),
			fc
				.tuple(fc.dictionary(anyKey, fc.jsonValue({ maxDepth: 3 }), { maxKeys: 5 }), anyText)
				.map(([object, junk]) => ({
					text: JSON.stringify({ ...object, '\u0000unknown': junk }),
					path: '\u0000unknown',
					why: 'an unknown field'
				}))
		);
		await expectNothingStored(server, () =>
			property(
				fc.tuple(fc.constantFrom(...routes), body),
				async ([[method, path], { text, ...invalid }]) => {
					const reply = await send(server, method, path, {
						body: text,
						headers: { 'content-type': 'application/json' }
					});
					expect(
						reply.status,
						`${method} ${path} ${invalid.why}: ${reply.text.slice(0, 300)}`
					).toBe(400);
					expect(apiErrorProblem(reply)).toBeNull();
				}
			)
		);
	});

	it('bodies sent as anything but application/json, with 415', async () => {
		const { server, id } = seeded();
		const routes: [string, string][] = [
			['POST', '/api/assessments'],
			['PATCH', `/api/assessments/${id}`],
			['POST', `/api/assessments/${id}/shares`],
			['POST', '/api/simulate'],
			['POST', '/api/import']
		];
		const type = fc.oneof(
			fc.constantFrom(
				'text/plain',
				'application/x-www-form-urlencoded',
				'multipart/form-data; boundary=x',
				'text/json',
				'application/xml',
				'application/jsonp',
				''
			),
			fc
				.string({ maxLength: 30 })
				.filter((t) => !/^application\/json\b/i.test(t) && /^[\x20-\x7e]*$/.test(t))
		);
		await expectNothingStored(server, () =>
			property(
				fc.tuple(fc.constantFrom(...routes), type),
				async ([[method, path], contentType]) => {
					// Bytes, so fetch adds no content type of its own; a same-site Origin, as a browser page of ours would send.
					const reply = await send(server, method, path, {
						body: Buffer.from(JSON.stringify({ title: 'Never stored' })),
						headers: {
							origin: server.origin,
							...(contentType ? { 'content-type': contentType } : {})
						}
					});
					expectRefused(reply, 415, { path: '', why: `content-type "${contentType}"` });
				}
			)
		);
	});
});

describe('ids, tokens and query strings', () => {
	it('answers ids that name nothing with 4xx on every route that takes one, never touching a file', async () => {
		const { server, id } = seeded();
		const routes: ((other: string) => [string, string, unknown?])[] = [
			(other) => ['GET', `/api/assessments/${other}`],
			(other) => ['PATCH', `/api/assessments/${other}`, { title: 'Never stored' }],
			(other) => ['GET', `/api/assessments/${other}/shares`],
			(other) => ['POST', `/api/assessments/${other}/shares`, { label: 'Never stored' }],
			(other) => ['DELETE', `/api/assessments/${other}/shares/${other}`],
			(other) => ['DELETE', `/api/assessments/${id}/shares/${other}`],
			(other) => ['GET', `/api/assessments/${other}/export`],
			(other) => ['GET', `/api/assessments/${other}/report.pdf`],
			(other) => ['GET', `/api/shared/${other}`],
			(other) => ['GET', `/api/shared/${other}/report.pdf`]
		];
		const segment = fc.oneof(
			notAnId,
			fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }).map(percentEncoded)
		);
		await expectNothingStored(server, () =>
			property(
				fc.tuple(fc.constantFrom(...routes), segment),
				async ([route, other]) => {
					const [method, path, json] = route(other);
					expectClientError(
						await send(server, method, path, { json }),
						`${method} ${path.slice(0, 120)}`
					);
				},
				RUNS * 2
			)
		);
	});

	it('answers a simulation of an assessment that does not exist with 404 or 400', async () => {
		const { server } = seeded();
		await expectNothingStored(server, () =>
			property(
				fc.oneof(fc.string({ unit: 'binary', maxLength: 80 }), notAnId),
				async (assessmentId) => {
					const reply = await send(server, 'POST', '/api/simulate', {
						json: { seed: 1, assessmentId }
					});
					expectClientError(reply, `assessmentId ${JSON.stringify(assessmentId).slice(0, 80)}`);
				}
			)
		);
	});

	it('ignores query strings on reads', async () => {
		const { server, id } = seeded();
		const paths = [
			'/api/rules',
			`/api/assessments/${id}`,
			`/api/assessments/${id}/shares`,
			`/api/assessments/${id}/export`
		];
		const query = fc.oneof(
			fc
				.dictionary(fc.string({ maxLength: 20 }), fc.string({ unit: 'binary', maxLength: 60 }), {
					maxKeys: 6
				})
				.map((q) => `?${new URLSearchParams(q)}`),
			fc.string({ unit: 'binary', maxLength: 60 }).map((s) => `?${percentEncoded(s)}`),
			fc.constantFrom('?%', '?%%%', '?a=%E0%A4%A', '?&&&==', `?${'a'.repeat(8000)}`)
		);
		await expectNothingStored(server, () =>
			property(fc.tuple(fc.constantFrom(...paths), query), async ([path, q]) => {
				const reply = await send(server, 'GET', path + q);
				expect(reply.status, `${path}${q.slice(0, 80)}`).toBe(200);
			})
		);
	});
});

describe('methods', () => {
	it('answers every method on every API route without a 5xx, and writes nothing with a body it cannot take', async () => {
		const { server, id } = seeded();
		const paths = [
			'/api/rules',
			'/api/assessments',
			`/api/assessments/${id}`,
			`/api/assessments/${id}/shares`,
			`/api/assessments/${id}/shares/AAAAAAAAAAAAAAAAAAAAAA`,
			`/api/assessments/${id}/export`,
			`/api/assessments/${id}/report.pdf?colour=red`,
			'/api/shared/AAAAAAAAAAAAAAAAAAAAAA',
			'/api/shared/AAAAAAAAAAAAAAAAAAAAAA/report.pdf',
			'/api/import',
			'/api/simulate',
			'/api/tenders',
			'/api/tenders/AAAAAAAAAAAAAAAAAAAAAA',
			'/api/tenders/AAAAAAAAAAAAAAAAAAAAAA/offers',
			'/api/tenders/AAAAAAAAAAAAAAAAAAAAAA/offers/AAAAAAAAAAAAAAAAAAAAAA/answers/network_sunset_readiness',
			'/api/tenders/AAAAAAAAAAAAAAAAAAAAAA/comparison?weights=network:2',
			'/api/tenders/AAAAAAAAAAAAAAAAAAAAAA/matrix.csv',
			'/api/tenders/AAAAAAAAAAAAAAAAAAAAAA/matrix.xlsx',
			'/api/tenders/AAAAAAAAAAAAAAAAAAAAAA/offers/AAAAAAAAAAAAAAAAAAAAAA/questionnaire?apply=true'
		];
		const methods = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];
		await expectNothingStored(server, async () => {
			for (const path of paths) {
				for (const method of methods) {
					const body = method === 'GET' || method === 'HEAD' ? undefined : '{"\u0000unknown":1}';
					const reply = await send(server, method, path, {
						body,
						headers: body ? { 'content-type': 'application/json' } : {}
					});
					expect(reply.status, `${method} ${path}: ${reply.text.slice(0, 200)}`).toBeLessThan(500);
					if (body) expect(reply.status, `${method} ${path}`).toBeGreaterThanOrEqual(400);
				}
			}
		});
	});
});

describe('pages that read the query string', () => {
	it('renders the typed-fleet simulation page for any query string, never a 5xx', async () => {
		const { server, facts } = seeded();
		const field = fc.constantFrom(
			'devices',
			'lifetimeYears',
			'monthlyMbPerDevice',
			'countries',
			...facts.countries.slice(0, 5).map((c) => `devices_${c}`),
			'seed',
			'x'
		);
		const query = fc.array(
			fc.tuple(
				field,
				fc.oneof(anyText, fc.constantFrom(...facts.countries), fc.integer().map(String))
			),
			{ maxLength: 8 }
		);
		await expectNothingStored(server, () =>
			property(
				query,
				async (pairs) => {
					const reply = await send(server, 'GET', `/fleet?${new URLSearchParams(pairs)}`, {
						headers: { accept: 'text/html' }
					});
					expect(
						reply.status,
						`${JSON.stringify(pairs).slice(0, 200)}: ${reply.text.slice(0, 200)}`
					).toBe(200);
				},
				Math.ceil(RUNS / 4)
			)
		);
	});
});

describe('found by these tests: fix in src/', () => {
	it('refuses "__proto__" as a question id, cost key or country key instead of dropping it and answering 200', async () => {
		const { server, id } = seeded();
		const bodies: [string, string][] = [
			['{"answers":{"__proto__":{"note":"dropped"}}}', 'answers.__proto__'],
			['{"costs":{"__proto__":1}}', 'costs.__proto__'],
			[
				'{"fleet":{"devices":5,"countries":["DE"],"lifetimeYears":3,"devicesByCountry":{"__proto__":3}}}',
				'fleet.devicesByCountry.__proto__'
			]
		];
		// The client is told "saved" (200, revision + 1) while nothing it sent was stored.
		await expectNothingStored(server, async () => {
			for (const [text, path] of bodies) {
				const reply = await send(server, 'PATCH', `/api/assessments/${id}`, {
					body: text,
					headers: { 'content-type': 'application/json' }
				});
				expectRefused(reply, 400, { path, why: text });
			}
		});
	});

	it('names an unknown field in an import by its own path, like the rest of the API', async () => {
		const { server } = seeded();
		await expectNothingStored(server, async () => {
			const reply = await send(server, 'POST', '/api/import', {
				json: {
					format: 'lock-in-radar/assessments',
					formatVersion: 1,
					exportedAt: '2026-11-25T10:00:00.000Z',
					assessments: [{ ...seedRecord('UnknownFieldAAAAAAAAAA'), colour: 'red' }]
				}
			});
			expectRefused(reply, 400, {
				path: 'assessments.0.colour',
				why: 'an unknown field in a record'
			});
		});
	});

	it('refuses an imported record whose id the store cannot hold with 400 at its path, not 500', async () => {
		const { server } = seeded();
		const longId = `${'A'.repeat(22)}BCD`;
		await expectNothingStored(server, async () => {
			const reply = await send(server, 'POST', '/api/import', {
				json: {
					format: 'lock-in-radar/assessments',
					formatVersion: 1,
					exportedAt: '2026-11-25T10:00:00.000Z',
					assessments: [seedRecord(longId)]
				}
			});
			expectRefused(reply, 400, {
				path: 'assessments.0.id',
				why: `a ${longId.length}-character id`
			});
		});
	});

	it("keeps an imported record's resume link inside its questionnaire", async () => {
		const { server, facts } = seeded();
		const id = 'ResumeInsideAAAAAAAAAA';
		const reply = await send(server, 'POST', '/api/import', {
			json: {
				format: 'lock-in-radar/assessments',
				formatVersion: 1,
				exportedAt: '2026-11-25T10:00:00.000Z',
				assessments: [seedRecord(id, { lastStep: '../../api/rules' })]
			}
		});
		// Either refused at the field, or stored and the resume link stays on a step of this assessment.
		if (reply.status === 400) {
			expectRefused(reply, 400, {
				path: 'assessments.0.lastStep',
				why: 'lastStep outside the steps'
			});
		} else {
			const resume = await send(server, 'GET', `/a/${id}`);
			expect(resume.status).toBe(303);
			expect(resume.headers.get('location')).toMatch(
				new RegExp(`^/a/${id}/(${facts.steps.join('|')})$`)
			);
		}
	});
});
