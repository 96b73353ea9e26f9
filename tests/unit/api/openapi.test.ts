/**
 * The OpenAPI document is the API's contract: real responses of every endpoint, called through
 * the real handlers against a real store, must match it (status, content type, body), and every
 * route under src/routes/api must be in it. A new endpoint, status or field that is not in the
 * zod schemas fails here.
 */
import { readFileSync } from 'node:fs';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	METHODS,
	openApiDocument,
	type Method,
	type OpenApiDocument,
	type Operation
} from '../../../src/lib/api/openapi';
import { describeApi } from '../../../src/lib/api/describe';
import { rules } from '../../../src/lib/server/rules';
import * as collection from '../../../src/routes/api/assessments/+server';
import * as item from '../../../src/routes/api/assessments/[id]/+server';
import * as exportRoute from '../../../src/routes/api/assessments/[id]/export/+server';
import * as ownerReport from '../../../src/routes/api/assessments/[id]/report.pdf/+server';
import * as rescoreRoute from '../../../src/routes/api/assessments/[id]/rescore/+server';
import * as shareList from '../../../src/routes/api/assessments/[id]/shares/+server';
import * as shareItem from '../../../src/routes/api/assessments/[id]/shares/[shareId]/+server';
import * as importRoute from '../../../src/routes/api/import/+server';
import * as openapiRoute from '../../../src/routes/api/openapi.json/+server';
import * as healthRoute from '../../../src/routes/api/health/+server';
import * as rulesRoute from '../../../src/routes/api/rules/+server';
import * as shared from '../../../src/routes/api/shared/[token]/+server';
import * as sharedReport from '../../../src/routes/api/shared/[token]/report.pdf/+server';
import * as ownerReportSource from '../../../src/routes/api/assessments/[id]/report-source/+server';
import * as sharedReportSource from '../../../src/routes/api/shared/[token]/report-source/+server';
import * as simulateRoute from '../../../src/routes/api/simulate/+server';
import * as tenderCollection from '../../../src/routes/api/tenders/+server';
import * as tenderItem from '../../../src/routes/api/tenders/[id]/+server';
import * as tenderOffers from '../../../src/routes/api/tenders/[id]/offers/+server';
import * as tenderAnswer from '../../../src/routes/api/tenders/[id]/offers/[offerId]/answers/[questionId]/+server';
import * as tenderComparison from '../../../src/routes/api/tenders/[id]/comparison/+server';
import * as tenderReport from '../../../src/routes/api/tenders/[id]/report.pdf/+server';
import * as tenderMatrixCsv from '../../../src/routes/api/tenders/[id]/matrix.csv/+server';
import * as tenderMatrixXlsx from '../../../src/routes/api/tenders/[id]/matrix.xlsx/+server';
import * as tenderQuestionnaire from '../../../src/routes/api/tenders/[id]/offers/[offerId]/questionnaire/+server';
import * as respondentList from '../../../src/routes/api/tenders/[id]/offers/[offerId]/respondents/+server';
import * as respondentItem from '../../../src/routes/api/tenders/[id]/offers/[offerId]/respondents/[respondentId]/+server';
import * as respondentReopen from '../../../src/routes/api/tenders/[id]/offers/[offerId]/respondents/[respondentId]/reopen/+server';
import * as respond from '../../../src/routes/api/respond/[token]/+server';
import * as comparisonShareList from '../../../src/routes/api/tenders/[id]/shares/+server';
import * as comparisonShareItem from '../../../src/routes/api/tenders/[id]/shares/[shareId]/+server';
import * as sharedComparison from '../../../src/routes/api/shared-comparisons/[token]/+server';
import * as respondSubmit from '../../../src/routes/api/respond/[token]/submit/+server';
import * as respondQuestionnaire from '../../../src/routes/api/respond/[token]/questionnaire/+server';
import * as respondEvidence from '../../../src/routes/api/respond/[token]/evidence/[questionId]/+server';
import * as respondEvidenceItem from '../../../src/routes/api/respond/[token]/evidence/[questionId]/[fileId]/+server';
import * as offerEvidence from '../../../src/routes/api/tenders/[id]/offers/[offerId]/evidence/[fileId]/+server';
import ExcelJS from 'exceljs';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
import { load as docsLoad } from '../../../src/routes/docs/api/+page.server';
import { useTempDataDir } from './temp-data-dir';

useTempDataDir();

const doc: OpenApiDocument = openApiDocument(rules);
const BASE = 'https://lock-in-radar.invalid/openapi.json';

const ajv = new Ajv2020({ allErrors: true, strict: true, strictTypes: false });
addFormats(ajv);
// ajv-formats has no `iri`: parse it as zod's url() does (WHATWG URL).
ajv.addFormat('iri', (value: string) => URL.canParse(value));
// The document's own keywords: ajv compiles only the schemas inside it, found by JSON pointer.
ajv.addVocabulary(['openapi', 'jsonSchemaDialect', 'info', 'tags', 'paths', 'components']);
ajv.addSchema({ ...doc, $id: BASE });

const pointer = (...keys: string[]) =>
	keys.map((k) => k.replaceAll('~', '~0').replaceAll('/', '~1')).join('/');
const validators = new Map<string, ValidateFunction>();
function validatorAt(...keys: string[]): ValidateFunction {
	const at = `${BASE}#/${pointer(...keys)}`;
	let validate = validators.get(at);
	if (!validate) {
		validate = ajv.getSchema(at);
		if (!validate) throw new Error(`No schema at ${at}`);
		validators.set(at, validate);
	}
	return validate;
}

/** Path, method and status of every response checked, to prove each operation was exercised. */
const checked = new Set<string>();

interface Called {
	status: number;
	headers: Headers;
	text: string;
	bytes: Uint8Array;
}

/** Calls a handler the way the server would, with just what it reads; keeps the raw body. */
async function invoke(
	handler: (event: never) => Response | Promise<Response>,
	init: {
		method?: string;
		path: string;
		params?: Record<string, string>;
		body?: unknown;
		rawBody?: string;
		/** A binary body, such as a spreadsheet. */
		bytes?: Uint8Array;
		contentType?: string;
		headers?: Record<string, string>;
	}
): Promise<Called> {
	const url = new URL(init.path, 'http://localhost:3000');
	const hasBody = init.body !== undefined || init.rawBody !== undefined || init.bytes !== undefined;
	const request = new Request(url, {
		method: init.method ?? 'GET',
		headers: {
			host: url.host,
			...(hasBody ? { 'content-type': init.contentType ?? 'application/json' } : {}),
			...init.headers
		},
		body:
			(init.bytes as BodyInit | undefined) ??
			init.rawBody ??
			(init.body !== undefined ? JSON.stringify(init.body) : undefined)
	});
	const response = await handler({ request, url, params: init.params ?? {} } as never);
	const bytes = new Uint8Array(await response.arrayBuffer());
	return {
		status: response.status,
		headers: response.headers,
		bytes,
		text: new TextDecoder().decode(bytes)
	};
}

function operationOf(method: Method, path: string): Operation {
	const operation = doc.paths[path]?.[method];
	if (!operation) throw new Error(`${method.toUpperCase()} ${path} is not in the OpenAPI document`);
	return operation;
}

/**
 * Checks one real response against the document: the status is documented for this operation,
 * the content type is the documented one, the body matches its schema, documented headers are sent.
 * Answers the parsed JSON body.
 */
function expectContract(method: Method, path: string, response: Called, requestBody?: unknown) {
	const operation = operationOf(method, path);
	const status = String(response.status);
	const documented = operation.responses[status];
	expect(
		documented,
		`${method.toUpperCase()} ${path} answered ${status}, which the document does not list`
	).toBeDefined();
	checked.add(`${method} ${path} ${status}`);

	if (requestBody !== undefined && response.status < 300) {
		// What the server accepted must be what the document says it accepts.
		const validate = validatorAt(
			'paths',
			path,
			method,
			'requestBody',
			'content',
			'application/json',
			'schema'
		);
		expect(
			validate(requestBody),
			`${method} ${path} request body: ${ajv.errorsText(validate.errors)}`
		).toBe(true);
	}
	for (const name of Object.keys(documented!.headers ?? {})) {
		expect(
			response.headers.get(name),
			`${method} ${path} ${status}: header ${name}`
		).not.toBeNull();
	}

	const types = Object.keys(documented!.content ?? {});
	if (types.length === 0) {
		expect(response.bytes.byteLength, `${method} ${path} ${status} has no body`).toBe(0);
		return null;
	}
	const type = (response.headers.get('content-type') ?? '').split(';')[0]!.trim();
	expect(types, `${method} ${path} ${status}: content type`).toContain(type);
	if (type === 'application/pdf') {
		expect(new TextDecoder().decode(response.bytes.slice(0, 5))).toBe('%PDF-');
		return null;
	}
	if (type === 'text/csv') {
		expect(response.text.split('\n')[0]).toMatch(/^Question id,Area,Question,Offers differ,/);
		return null;
	}
	if (type === XLSX) {
		expect([...response.bytes.slice(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]); // a zip, as every .xlsx
		return null;
	}
	const body: unknown = JSON.parse(response.text);
	const validate = validatorAt(
		'paths',
		path,
		method,
		'responses',
		status,
		'content',
		type,
		'schema'
	);
	const valid = validate(body);
	expect(
		valid,
		`${method.toUpperCase()} ${path} ${status}: ${ajv.errorsText(validate.errors, { separator: '\n' })}`
	).toBe(true);
	// Loosely typed on purpose: the schema check above is what holds the shape, and typing each
	// of the 150 calls would restate the OpenAPI document in TypeScript.
	// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
	return body as Record<string, any>;
}

const question = rules.ruleset.areas[1]!.questions[0]!;
const createBody = {
	title: 'Contract check: Łódź meters',
	organisation: 'Müller & Søn GmbH',
	fleet: {
		devices: 2000,
		countries: ['BR', 'DE'],
		lifetimeYears: 5,
		devicesByCountry: { BR: 500 }
	},
	answers: {
		[question.id]: { option: question.options[0]!.id, note: 'Seen in the offer, page 4' },
		local_profile_br: { option: 'not_sure' }
	},
	costs: { fieldVisitPerDevice: 90 }
};

async function createAssessment(body: unknown = createBody) {
	const response = await invoke(collection.POST, {
		method: 'POST',
		path: '/api/assessments',
		body
	});
	const created = expectContract('post', '/api/assessments', response, body)!;
	expect(response.status).toBe(201);
	return created.id as string;
}

async function createShare(
	id: string,
	body: unknown = { label: 'for the vendor', includeNotes: true }
) {
	const path = `/api/assessments/${id}/shares`;
	const response = await invoke(shareList.POST, { method: 'POST', path, params: { id }, body });
	const share = expectContract('post', '/api/assessments/{id}/shares', response, body)!;
	expect(response.status).toBe(201);
	return share as { id: string; token: string };
}

const UNKNOWN_ID = 'AAAAAAAAAAAAAAAAAAAAAA';

describe('the OpenAPI document', () => {
	it('is OpenAPI 3.1 with resolvable $refs, unique operation ids and declared path parameters', () => {
		expect(doc.openapi).toBe('3.1.0');
		expect(doc.info.version).toMatch(/^\d+\.\d+\.\d+/);
		const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"([^"]+)"/g)].map((m) => m[1]!);
		expect(refs.length).toBeGreaterThan(20);
		for (const target of new Set(refs)) {
			expect(target).toMatch(/^#\/components\/schemas\//);
			expect(doc.components.schemas[target.split('/').at(-1)!], target).toBeDefined();
		}
		const ids = Object.values(doc.paths).flatMap((item) =>
			Object.values(item).map((op) => op.operationId)
		);
		expect(new Set(ids).size).toBe(ids.length);
		for (const [path, pathItem] of Object.entries(doc.paths)) {
			const templated = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
			for (const operation of Object.values(pathItem)) {
				const inPath = (operation.parameters ?? [])
					.filter((p) => p.in === 'path')
					.map((p) => p.name);
				expect(inPath.sort(), `${path} ${operation.operationId}`).toEqual(templated.sort());
			}
		}
	});

	it('compiles every schema in it with ajv (JSON Schema 2020-12)', () => {
		for (const name of Object.keys(doc.components.schemas))
			expect(validatorAt('components', 'schemas', name)).toBeTypeOf('function');
	});

	it('lists every route under src/routes/api, with every method it answers', async () => {
		const routes = import.meta.glob('../../../src/routes/api/**/+server.ts');
		expect(Object.keys(routes).length).toBeGreaterThanOrEqual(13);
		// The read-only refusals of a share link (always 403) are said in its GET, not offered as operations.
		const undocumented = new Set([
			'put /api/shared/{token}',
			'post /api/shared/{token}',
			'patch /api/shared/{token}',
			'delete /api/shared/{token}',
			'put /api/shared-comparisons/{token}',
			'post /api/shared-comparisons/{token}',
			'patch /api/shared-comparisons/{token}',
			'delete /api/shared-comparisons/{token}'
		]);
		for (const [file, load] of Object.entries(routes)) {
			const path = file
				.replace('../../../src/routes', '')
				.replace('/+server.ts', '')
				.replace(/\[(\w+)\]/g, '{$1}');
			expect(doc.paths[path], `${file} is not in the OpenAPI document`).toBeDefined();
			const module = (await load()) as Record<string, unknown>;
			const exported = METHODS.filter((m) => typeof module[m.toUpperCase()] === 'function');
			for (const method of exported) {
				if (undocumented.has(`${method} ${path}`)) continue;
				expect(
					doc.paths[path]![method],
					`${method.toUpperCase()} ${path} is not documented`
				).toBeDefined();
			}
			for (const method of Object.keys(doc.paths[path]!)) {
				expect(exported, `${path} documents ${method}, which the route does not answer`).toContain(
					method
				);
			}
		}
		expect(Object.keys(doc.paths)).toHaveLength(Object.keys(routes).length);
	});

	it('is served at GET /api/openapi.json, cacheable', async () => {
		const response = await invoke(openapiRoute.GET, { path: '/api/openapi.json' });
		const body = expectContract('get', '/api/openapi.json', response);
		expect(response.headers.get('cache-control')).toBe('public, max-age=300');
		expect(body).toEqual(JSON.parse(JSON.stringify(doc)));
	});
});

describe('real responses match the document', () => {
	it('GET /api/health: the store answers', async () => {
		const response = await invoke(healthRoute.GET, { path: '/api/health' });
		const body = expectContract('get', '/api/health', response);
		expect(response.status).toBe(200);
		expect(body).toEqual({ status: 'ok', store: 'files' });
		expect(response.headers.get('cache-control')).toBe('no-store');
	});

	it('GET /api/rules: the ruleset with the 2.0.0 rating rules', async () => {
		const response = await invoke(rulesRoute.GET, { path: '/api/rules' });
		const body = expectContract('get', '/api/rules', response)!;
		expect(response.status).toBe(200);
		expect(body.version).toBe(rules.ruleset.version);
		expect(body.floors.length).toBeGreaterThan(0);
		expect(body.costBands).not.toBeNull();
		expect(body.roamingFloors).not.toBeNull();
		expect(body.localProfiles).not.toBeNull();
		expect(body.findingRiskThreshold).toBe(rules.ruleset.findingRiskThreshold);
	});

	it('assessments: create, read, change, and their errors', async () => {
		const id = await createAssessment();
		const path = `/api/assessments/${id}`;
		expectContract(
			'get',
			'/api/assessments/{id}',
			await invoke(item.GET, { path, params: { id } })
		);

		const patch = {
			title: 'Renamed',
			answers: { [question.id]: null },
			costs: { fieldVisitPerDevice: null, revisitFactor: 1.5 }
		};
		const patched = expectContract(
			'patch',
			'/api/assessments/{id}',
			await invoke(item.PATCH, { method: 'PATCH', path, params: { id }, body: patch }),
			patch
		)!;
		expect(patched.revision).toBe(2);

		// 400 with the field paths, 415, 404, and 403 for a share token used as an id.
		const bad = await invoke(collection.POST, {
			method: 'POST',
			path: '/api/assessments',
			body: {
				title: '',
				fleet: { devices: 0, countries: ['ZZ'], lifetimeYears: 1 },
				answers: { nope: { option: 'x' } }
			}
		});
		const badBody = expectContract('post', '/api/assessments', bad)!;
		expect(bad.status).toBe(400);
		expect(badBody.issues.map((i: { path: string }) => i.path)).toEqual(
			expect.arrayContaining(['title', 'fleet.devices', 'fleet.countries.0', 'answers.nope'])
		);
		const notJson = await invoke(collection.POST, {
			method: 'POST',
			path: '/api/assessments',
			rawBody: 'title=x',
			contentType: 'text/plain'
		});
		expect(notJson.status).toBe(415);
		expectContract('post', '/api/assessments', notJson);
		const broken = await invoke(item.PATCH, {
			method: 'PATCH',
			path,
			params: { id },
			rawBody: '{"title":',
			contentType: 'application/json'
		});
		expect(broken.status).toBe(400);
		expectContract('patch', '/api/assessments/{id}', broken);
		const noChange = await invoke(item.PATCH, { method: 'PATCH', path, params: { id }, body: {} });
		expect(noChange.status).toBe(400);
		expectContract('patch', '/api/assessments/{id}', noChange);
		const missing = await invoke(item.GET, {
			path: `/api/assessments/${UNKNOWN_ID}`,
			params: { id: UNKNOWN_ID }
		});
		expect(missing.status).toBe(404);
		expectContract('get', '/api/assessments/{id}', missing);
		expectContract(
			'patch',
			'/api/assessments/{id}',
			await invoke(item.PATCH, {
				method: 'PATCH',
				path: `/api/assessments/${UNKNOWN_ID}`,
				params: { id: UNKNOWN_ID },
				body: { title: 'x' }
			})
		);

		const { token } = await createShare(id);
		const asToken = await invoke(item.GET, {
			path: `/api/assessments/${token}`,
			params: { id: token }
		});
		expect(asToken.status).toBe(403);
		expectContract('get', '/api/assessments/{id}', asToken);
		expectContract(
			'patch',
			'/api/assessments/{id}',
			await invoke(item.PATCH, {
				method: 'PATCH',
				path: `/api/assessments/${token}`,
				params: { id: token },
				body: { title: 'x' }
			})
		);
	});

	it('revisions: an ETag on read and change, 409 with the current revision when stale, 400 for a malformed If-Match', async () => {
		const id = await createAssessment();
		const path = `/api/assessments/${id}`;
		const doc = '/api/assessments/{id}';
		const patch = (body: unknown, headers: Record<string, string> = {}) =>
			invoke(item.PATCH, { method: 'PATCH', path, params: { id }, body, headers });
		const read = await invoke(item.GET, { path, params: { id } });
		expect(expectContract('get', doc, read)!.revision).toBe(1);
		expect(read.headers.get('etag')).toBe('"1"');

		const basedOn1 = { title: 'Based on revision 1' };
		const first = await patch(basedOn1, { 'if-match': '"1"' });
		expect(expectContract('patch', doc, first, basedOn1)!.revision).toBe(2);
		expect(first.headers.get('etag')).toBe('"2"');

		const stale = await patch({ title: 'Also based on revision 1' }, { 'if-match': '"1"' });
		expect(stale.status).toBe(409);
		const conflict = expectContract('patch', doc, stale)!;
		expect(conflict.currentRevision).toBe(2);
		expect(conflict.issues.map((i: { path: string }) => i.path)).toEqual(['If-Match']);
		expect(stale.headers.get('etag')).toBe('"2"');

		const basedOn2 = { title: 'Based on revision 2', revision: 2 };
		const second = await patch(basedOn2);
		expect(expectContract('patch', doc, second, basedOn2)!.revision).toBe(3);
		const staleBody = await patch({ title: 'Stale', revision: 2 });
		expect(staleBody.status).toBe(409);
		expect(expectContract('patch', doc, staleBody)!.issues[0].path).toBe('revision');

		const malformed = await patch({ title: 'x' }, { 'if-match': '3' });
		expect(malformed.status).toBe(400);
		expect(expectContract('patch', doc, malformed)!.issues[0].path).toBe('If-Match');
		const disagree = await patch({ title: 'x', revision: 3 }, { 'if-match': '"2"' });
		expect(disagree.status).toBe(400);
		expect(expectContract('patch', doc, disagree)!.issues[0].path).toBe('revision');
		const onlyRevision = await patch({ revision: 3 });
		expect(onlyRevision.status).toBe(400);
		expectContract('patch', doc, onlyRevision);
		const negative = await patch({ title: 'x', revision: -1 });
		expect(negative.status).toBe(400);
		expect(expectContract('patch', doc, negative)!.issues[0].path).toBe('revision');

		const after = expectContract('get', doc, await invoke(item.GET, { path, params: { id } }))!;
		expect(after.revision).toBe(3);
		expect(after.title).toBe('Based on revision 2');
		expect(after).not.toHaveProperty('answers.revision');
	});

	it('rejects a body above the limit with 413', async () => {
		const url = new URL('/api/assessments', 'http://localhost:3000');
		// adapter-node fails the body stream with a status-413 error once BODY_SIZE_LIMIT is passed.
		const tooBig = Object.assign(
			new Error('Content-length of 600000 exceeds limit of 524288 bytes.'),
			{ status: 413 }
		);
		const request = new Request(url, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: new ReadableStream({ pull: (controller) => controller.error(tooBig) }),
			duplex: 'half'
		} as RequestInit);
		const response = await collection.POST({ request, url, params: {} } as never);
		const bytes = new Uint8Array(await response.arrayBuffer());
		expectContract('post', '/api/assessments', {
			status: response.status,
			headers: response.headers,
			bytes,
			text: new TextDecoder().decode(bytes)
		});
		expect(response.status).toBe(413);
	});

	it('export and import: the download validates, and the import takes it back', async () => {
		const id = await createAssessment();
		await createShare(id);
		const exported = await invoke(exportRoute.GET, {
			path: `/api/assessments/${id}/export`,
			params: { id }
		});
		const document = expectContract('get', '/api/assessments/{id}/export', exported)!;
		expect(exported.status).toBe(200);
		expect(document.assessments[0].shares).toEqual([]);
		expectContract(
			'get',
			'/api/assessments/{id}/export',
			await invoke(exportRoute.GET, {
				path: `/api/assessments/${UNKNOWN_ID}/export`,
				params: { id: UNKNOWN_ID }
			})
		);

		const imported = await invoke(importRoute.POST, {
			method: 'POST',
			path: '/api/import',
			body: document
		});
		const outcome = expectContract('post', '/api/import', imported, document)!;
		expect(outcome.imported).toEqual([{ id, title: createBody.title, status: 'unchanged' }]);
		const other = {
			...document,
			assessments: [{ ...document.assessments[0], id: 'BBBBBBBBBBBBBBBBBBBBBB' }]
		};
		const created = expectContract(
			'post',
			'/api/import',
			await invoke(importRoute.POST, { method: 'POST', path: '/api/import', body: other }),
			other
		)!;
		expect(created.imported[0].status).toBe('created');
		const bad = await invoke(importRoute.POST, {
			method: 'POST',
			path: '/api/import',
			body: { ...document, assessments: [{ ...document.assessments[0], rulesetVersion: '0.9.0' }] }
		});
		expect(bad.status).toBe(400);
		expectContract('post', '/api/import', bad);
		expectContract(
			'post',
			'/api/import',
			await invoke(importRoute.POST, {
				method: 'POST',
				path: '/api/import',
				rawBody: 'x',
				contentType: 'text/csv'
			})
		);
	});

	it('re-scoring: preview and apply, for a current and an earlier ruleset, 409 and 404', async () => {
		const fixture = JSON.parse(
			readFileSync(
				new URL('../../fixtures/records/ruleset-1.1.0-assessment.json', import.meta.url),
				'utf8'
			)
		);
		const file = {
			format: 'lock-in-radar/assessments',
			formatVersion: 1,
			exportedAt: '2026-12-01T00:00:00.000Z',
			assessments: [fixture]
		};
		expectContract(
			'post',
			'/api/import',
			await invoke(importRoute.POST, { method: 'POST', path: '/api/import', body: file }),
			file
		);
		const old: string = fixture.id;
		const path = `/api/assessments/${old}/rescore`;

		const preview = expectContract(
			'get',
			'/api/assessments/{id}/rescore',
			await invoke(rescoreRoute.GET, { path, params: { id: old } })
		)!;
		expect(preview).toMatchObject({
			needed: true,
			from: { version: '1.1.0', known: true },
			to: { version: rules.ruleset.version }
		});
		const stale = await invoke(rescoreRoute.POST, {
			method: 'POST',
			path,
			params: { id: old },
			body: { expectedVersion: '0.0.1' }
		});
		expect(stale.status).toBe(409);
		expectContract('post', '/api/assessments/{id}/rescore', stale);
		const body = { expectedVersion: preview.to.version };
		const applied = expectContract(
			'post',
			'/api/assessments/{id}/rescore',
			await invoke(rescoreRoute.POST, { method: 'POST', path, params: { id: old }, body }),
			body
		)!;
		expect(applied.rescoredFrom).toBe('1.1.0');
		const again = expectContract(
			'post',
			'/api/assessments/{id}/rescore',
			await invoke(rescoreRoute.POST, { method: 'POST', path, params: { id: old } })
		)!;
		expect(again.rescoredFrom).toBeNull();
		const current = expectContract(
			'get',
			'/api/assessments/{id}/rescore',
			await invoke(rescoreRoute.GET, { path, params: { id: old } })
		)!;
		expect(current.needed).toBe(false);

		const unknownField = await invoke(rescoreRoute.POST, {
			method: 'POST',
			path,
			params: { id: old },
			body: { expected: 1 }
		});
		expect(unknownField.status).toBe(400);
		expectContract('post', '/api/assessments/{id}/rescore', unknownField);
		expectContract(
			'post',
			'/api/assessments/{id}/rescore',
			await invoke(rescoreRoute.POST, {
				method: 'POST',
				path,
				params: { id: old },
				rawBody: '1',
				contentType: 'text/plain'
			})
		);
		const missingPath = `/api/assessments/${UNKNOWN_ID}/rescore`;
		expectContract(
			'get',
			'/api/assessments/{id}/rescore',
			await invoke(rescoreRoute.GET, { path: missingPath, params: { id: UNKNOWN_ID } })
		);
		expectContract(
			'post',
			'/api/assessments/{id}/rescore',
			await invoke(rescoreRoute.POST, {
				method: 'POST',
				path: missingPath,
				params: { id: UNKNOWN_ID }
			})
		);
	});

	it('sharing: create, list, read (200, 404, 410), revoke', async () => {
		const id = await createAssessment();
		const share = await createShare(id);
		await createShare(id, { expiresAt: '2999-01-31' });
		const listPath = `/api/assessments/${id}/shares`;
		const list = expectContract(
			'get',
			'/api/assessments/{id}/shares',
			await invoke(shareList.GET, { path: listPath, params: { id } })
		)!;
		expect(list.shares).toHaveLength(2);

		const view = expectContract(
			'get',
			'/api/shared/{token}',
			await invoke(shared.GET, {
				path: `/api/shared/${share.token}`,
				params: { token: share.token }
			})
		)!;
		expect(view.assessment.answers[question.id].note).toBe('Seen in the offer, page 4');
		const unknown = await invoke(shared.GET, {
			path: `/api/shared/${UNKNOWN_ID}`,
			params: { token: UNKNOWN_ID }
		});
		expect(unknown.status).toBe(404);
		expectContract('get', '/api/shared/{token}', unknown);

		const past = await invoke(shareList.POST, {
			method: 'POST',
			path: listPath,
			params: { id },
			body: { expiresAt: '2001-01-01' }
		});
		expect(past.status).toBe(400);
		expectContract('post', '/api/assessments/{id}/shares', past);
		expectContract(
			'post',
			'/api/assessments/{id}/shares',
			await invoke(shareList.POST, {
				method: 'POST',
				path: listPath,
				params: { id },
				body: { label: 7 }
			})
		);
		expectContract(
			'post',
			'/api/assessments/{id}/shares',
			await invoke(shareList.POST, {
				method: 'POST',
				path: `/api/assessments/${UNKNOWN_ID}/shares`,
				params: { id: UNKNOWN_ID },
				body: {}
			})
		);
		expectContract(
			'get',
			'/api/assessments/{id}/shares',
			await invoke(shareList.GET, {
				path: `/api/assessments/${UNKNOWN_ID}/shares`,
				params: { id: UNKNOWN_ID }
			})
		);

		const revokePath = `${listPath}/${share.id}`;
		const revoked = await invoke(shareItem.DELETE, {
			method: 'DELETE',
			path: revokePath,
			params: { id, shareId: share.id }
		});
		expect(revoked.status).toBe(204);
		expectContract('delete', '/api/assessments/{id}/shares/{shareId}', revoked);
		const noShare = await invoke(shareItem.DELETE, {
			method: 'DELETE',
			path: `${listPath}/${UNKNOWN_ID}`,
			params: { id, shareId: UNKNOWN_ID }
		});
		expect(noShare.status).toBe(404);
		expectContract('delete', '/api/assessments/{id}/shares/{shareId}', noShare);
		expectContract(
			'delete',
			'/api/assessments/{id}/shares/{shareId}',
			await invoke(shareItem.DELETE, {
				method: 'DELETE',
				path: revokePath,
				params: { id: share.token, shareId: share.id }
			})
		);

		const gone = await invoke(shared.GET, {
			path: `/api/shared/${share.token}`,
			params: { token: share.token }
		});
		expect(gone.status).toBe(410);
		expectContract('get', '/api/shared/{token}', gone);
	});

	it('reports: a PDF for the owner and through a link, 400 for bad branding, 404 and 410', async () => {
		const id = await createAssessment({
			title: 'Small',
			fleet: { devices: 10, countries: ['DE'], lifetimeYears: 2 }
		});
		const pdf = await invoke(ownerReport.GET, {
			path: `/api/assessments/${id}/report.pdf?consultant=Zo%C3%AB&paper=letter`,
			params: { id }
		});
		expect(pdf.status).toBe(200);
		expectContract('get', '/api/assessments/{id}/report.pdf', pdf);
		const badPaper = await invoke(ownerReport.GET, {
			path: `/api/assessments/${id}/report.pdf?paper=a3`,
			params: { id }
		});
		expect(badPaper.status).toBe(400);
		expectContract('get', '/api/assessments/{id}/report.pdf', badPaper);
		expectContract(
			'get',
			'/api/assessments/{id}/report.pdf',
			await invoke(ownerReport.GET, {
				path: `/api/assessments/${UNKNOWN_ID}/report.pdf`,
				params: { id: UNKNOWN_ID }
			})
		);

		const share = await createShare(id, {});
		const sharedPath = `/api/shared/${share.token}/report.pdf`;
		const sharedPdf = await invoke(sharedReport.GET, {
			path: sharedPath,
			params: { token: share.token }
		});
		expect(sharedPdf.status).toBe(200);
		expectContract('get', '/api/shared/{token}/report.pdf', sharedPdf);
		expectContract(
			'get',
			'/api/shared/{token}/report.pdf',
			await invoke(sharedReport.GET, {
				path: `${sharedPath}?title=a&title=b`,
				params: { token: share.token }
			})
		);
		expectContract(
			'get',
			'/api/shared/{token}/report.pdf',
			await invoke(sharedReport.GET, {
				path: `/api/shared/${UNKNOWN_ID}/report.pdf`,
				params: { token: UNKNOWN_ID }
			})
		);
		await invoke(shareItem.DELETE, {
			method: 'DELETE',
			path: `/api/assessments/${id}/shares/${share.id}`,
			params: { id, shareId: share.id }
		});
		const gone = await invoke(sharedReport.GET, {
			path: sharedPath,
			params: { token: share.token }
		});
		expect(gone.status).toBe(410);
		expectContract('get', '/api/shared/{token}/report.pdf', gone);
	});

	it("report sources: the owner's and a link's, 403 for a token as an id, 404 and 410", async () => {
		const id = await createAssessment({
			title: 'Source',
			fleet: { devices: 10, countries: ['DE'], lifetimeYears: 2 }
		});
		const owner = await invoke(ownerReportSource.GET, {
			path: `/api/assessments/${id}/report-source`,
			params: { id }
		});
		expect(owner.status).toBe(200);
		const source = expectContract('get', '/api/assessments/{id}/report-source', owner) as {
			assessment: { title: string };
			ruleset: { version: string };
		};
		expect(source.assessment.title).toBe('Source');
		expect(source.ruleset.version).toBe(rules.ruleset.version);
		expect(source.assessment).not.toHaveProperty('id');
		expectContract(
			'get',
			'/api/assessments/{id}/report-source',
			await invoke(ownerReportSource.GET, {
				path: `/api/assessments/${UNKNOWN_ID}/report-source`,
				params: { id: UNKNOWN_ID }
			})
		);

		const share = await createShare(id, {});
		const sharedPath = `/api/shared/${share.token}/report-source`;
		const viaLink = await invoke(sharedReportSource.GET, {
			path: sharedPath,
			params: { token: share.token }
		});
		expect(viaLink.status).toBe(200);
		expectContract('get', '/api/shared/{token}/report-source', viaLink);
		const refused = await invoke(ownerReportSource.GET, {
			path: `/api/assessments/${share.token}/report-source`,
			params: { id: share.token }
		});
		expect(refused.status).toBe(403);
		expectContract('get', '/api/assessments/{id}/report-source', refused);
		expectContract(
			'get',
			'/api/shared/{token}/report-source',
			await invoke(sharedReportSource.GET, {
				path: `/api/shared/${UNKNOWN_ID}/report-source`,
				params: { token: UNKNOWN_ID }
			})
		);
		await invoke(shareItem.DELETE, {
			method: 'DELETE',
			path: `/api/assessments/${id}/shares/${share.id}`,
			params: { id, shareId: share.id }
		});
		const gone = await invoke(sharedReportSource.GET, {
			path: sharedPath,
			params: { token: share.token }
		});
		expect(gone.status).toBe(410);
		expectContract('get', '/api/shared/{token}/report-source', gone);
	});

	it('simulation: a small typed-in fleet, an assessment, and its errors', async () => {
		const body = {
			seed: 7,
			fleet: { devices: 300, countries: ['TR', 'DE'], lifetimeYears: 2 },
			scenario: { outages: [{ country: 'DE', startDay: 30, days: 2 }], switchYear: 1 },
			params: { outageMeanHours: 12 },
			resolution: 'month'
		};
		const run = expectContract(
			'post',
			'/api/simulate',
			await invoke(simulateRoute.POST, { method: 'POST', path: '/api/simulate', body }),
			body
		)!;
		expect(run.periods).toBe(Math.ceil(run.days / 30));
		const id = await createAssessment({
			title: 'Sim',
			fleet: { devices: 100, countries: ['BR'], lifetimeYears: 1 }
		});
		const fromAssessment = { seed: 1, assessmentId: id, resolution: 'week' };
		expectContract(
			'post',
			'/api/simulate',
			await invoke(simulateRoute.POST, {
				method: 'POST',
				path: '/api/simulate',
				body: fromAssessment
			}),
			fromAssessment
		);

		const bad = await invoke(simulateRoute.POST, {
			method: 'POST',
			path: '/api/simulate',
			body: { seed: -1 }
		});
		expect(bad.status).toBe(400);
		expectContract('post', '/api/simulate', bad);
		const missing = await invoke(simulateRoute.POST, {
			method: 'POST',
			path: '/api/simulate',
			body: { seed: 1, assessmentId: UNKNOWN_ID }
		});
		expect(missing.status).toBe(404);
		expectContract('post', '/api/simulate', missing);
		const { token } = await createShare(id, {});
		const asToken = await invoke(simulateRoute.POST, {
			method: 'POST',
			path: '/api/simulate',
			body: { seed: 1, assessmentId: token }
		});
		expect(asToken.status).toBe(403);
		expectContract('post', '/api/simulate', asToken);
		expectContract(
			'post',
			'/api/simulate',
			await invoke(simulateRoute.POST, {
				method: 'POST',
				path: '/api/simulate',
				rawBody: '{}',
				contentType: 'text/plain'
			})
		);
	});
});

describe('tenders match the document', () => {
	const tenderBody = {
		title: 'Contract check: tender',
		organisation: 'Müller & Søn GmbH',
		fleet: {
			devices: 2000,
			countries: ['BR', 'DE'],
			lifetimeYears: 5,
			devicesByCountry: { BR: 500 }
		},
		offers: [
			{ vendor: 'Alpha', answers: { [question.id]: { option: question.options[0]!.id } } },
			{ vendor: 'Bravo' }
		],
		weights: { network: 2 }
	};

	it('create, read, change, offers, answers, comparison, and their errors', async () => {
		const created = await invoke(tenderCollection.POST, {
			method: 'POST',
			path: '/api/tenders',
			body: tenderBody
		});
		expect(created.status).toBe(201);
		const tender = expectContract('post', '/api/tenders', created, tenderBody)!;
		const id = tender.id as string;
		const path = `/api/tenders/${id}`;
		const fromAssessment = {
			title: 'From an assessment',
			offers: [{ vendor: 'Incumbent' }, { vendor: 'Other' }],
			fromAssessment: await createAssessment()
		};
		const copied = await invoke(tenderCollection.POST, {
			method: 'POST',
			path: '/api/tenders',
			body: fromAssessment
		});
		expect(
			expectContract('post', '/api/tenders', copied, fromAssessment)!.offers[0].answers[question.id]
		).toMatchObject({ by: 'buyer', state: 'verified' });
		const badCreate = await invoke(tenderCollection.POST, {
			method: 'POST',
			path: '/api/tenders',
			body: { title: '', offers: [{ vendor: 'x' }] }
		});
		expect(badCreate.status).toBe(400);
		expectContract('post', '/api/tenders', badCreate);
		const noAssessment = await invoke(tenderCollection.POST, {
			method: 'POST',
			path: '/api/tenders',
			body: { ...fromAssessment, fromAssessment: UNKNOWN_ID }
		});
		expect(noAssessment.status).toBe(404);
		expectContract('post', '/api/tenders', noAssessment);

		expectContract(
			'get',
			'/api/tenders/{id}',
			await invoke(tenderItem.GET, { path, params: { id } })
		);
		expectContract(
			'get',
			'/api/tenders/{id}',
			await invoke(tenderItem.GET, {
				path: `/api/tenders/${UNKNOWN_ID}`,
				params: { id: UNKNOWN_ID }
			})
		);
		const patch = {
			fleet: { devices: 1000, countries: ['DE'], lifetimeYears: 5 },
			scoring: 'unverified_as_not_sure',
			weights: null
		};
		const patched = expectContract(
			'patch',
			'/api/tenders/{id}',
			await invoke(tenderItem.PATCH, { method: 'PATCH', path, params: { id }, body: patch }),
			patch
		)!;
		expect(patched.revision).toBe(2);
		expectContract(
			'patch',
			'/api/tenders/{id}',
			await invoke(tenderItem.PATCH, { method: 'PATCH', path, params: { id }, body: {} })
		);

		const offersPath = `${path}/offers`;
		const offerBody = { vendor: 'Charlie' };
		const added = await invoke(tenderOffers.POST, {
			method: 'POST',
			path: offersPath,
			params: { id },
			body: offerBody
		});
		expect(added.status).toBe(201);
		expectContract('post', '/api/tenders/{id}/offers', added, offerBody);
		for (let n = 4; n <= 8; n++)
			await invoke(tenderOffers.POST, {
				method: 'POST',
				path: offersPath,
				params: { id },
				body: { vendor: `Vendor ${n}` }
			});
		const full = await invoke(tenderOffers.POST, {
			method: 'POST',
			path: offersPath,
			params: { id },
			body: { vendor: 'Ninth' }
		});
		expect(full.status).toBe(409);
		expectContract('post', '/api/tenders/{id}/offers', full);
		expectContract(
			'post',
			'/api/tenders/{id}/offers',
			await invoke(tenderOffers.POST, {
				method: 'POST',
				path: offersPath,
				params: { id },
				body: { vendor: '' }
			})
		);

		const offerId = tender.offers[0].id as string;
		const answerPath = (q: string) => `${path}/offers/${offerId}/answers/${q}`;
		const verify = { state: 'verified', stateNote: 'Seen in the signed offer, annex 2' };
		const verified = expectContract(
			'patch',
			'/api/tenders/{id}/offers/{offerId}/answers/{questionId}',
			await invoke(tenderAnswer.PATCH, {
				method: 'PATCH',
				path: answerPath(question.id),
				params: { id, offerId, questionId: question.id },
				body: verify
			}),
			verify
		)!;
		expect(verified.history.map((h: { field: string }) => h.field)).toEqual(['state', 'stateNote']);
		const other = rules.ruleset.areas[0]!.questions[0]!.id;
		const nothing = await invoke(tenderAnswer.PATCH, {
			method: 'PATCH',
			path: answerPath(other),
			params: { id, offerId, questionId: other },
			body: { state: 'disputed' }
		});
		expect(nothing.status).toBe(409);
		expectContract('patch', '/api/tenders/{id}/offers/{offerId}/answers/{questionId}', nothing);
		const unknown = await invoke(tenderAnswer.PATCH, {
			method: 'PATCH',
			path: answerPath('nope'),
			params: { id, offerId, questionId: 'nope' },
			body: { option: 'x' }
		});
		expect(unknown.status).toBe(400);
		expectContract('patch', '/api/tenders/{id}/offers/{offerId}/answers/{questionId}', unknown);
		const noOffer = await invoke(tenderAnswer.PATCH, {
			method: 'PATCH',
			path: `${path}/offers/${UNKNOWN_ID}/answers/${other}`,
			params: { id, offerId: UNKNOWN_ID, questionId: other },
			body: { state: 'verified' }
		});
		expect(noOffer.status).toBe(404);
		expectContract('patch', '/api/tenders/{id}/offers/{offerId}/answers/{questionId}', noOffer);

		// Revisions: the tender's ETag on read and change; a stale change of the tender or of an answer is 409.
		const answerDoc = '/api/tenders/{id}/offers/{offerId}/answers/{questionId}';
		const current = await invoke(tenderItem.GET, { path, params: { id } });
		const at = expectContract('get', '/api/tenders/{id}', current)!.revision as number;
		expect(current.headers.get('etag')).toBe(`"${at}"`);
		const rename = { title: 'Renamed, based on the revision read' };
		const renamed = await invoke(tenderItem.PATCH, {
			method: 'PATCH',
			path,
			params: { id },
			body: rename,
			headers: { 'if-match': `"${at}"` }
		});
		expect(expectContract('patch', '/api/tenders/{id}', renamed, rename)!.revision).toBe(at + 1);
		expect(renamed.headers.get('etag')).toBe(`"${at + 1}"`);
		const staleTender = await invoke(tenderItem.PATCH, {
			method: 'PATCH',
			path,
			params: { id },
			body: { title: 'Stale', revision: at }
		});
		expect(staleTender.status).toBe(409);
		expect(expectContract('patch', '/api/tenders/{id}', staleTender)!.currentRevision).toBe(at + 1);
		const badIfMatch = await invoke(tenderItem.PATCH, {
			method: 'PATCH',
			path,
			params: { id },
			body: { title: 'x' },
			headers: { 'if-match': 'W/7' }
		});
		expect(badIfMatch.status).toBe(400);
		expectContract('patch', '/api/tenders/{id}', badIfMatch);
		const note = { note: 'Based on the revision read', revision: at + 1 };
		const noted = await invoke(tenderAnswer.PATCH, {
			method: 'PATCH',
			path: answerPath(question.id),
			params: { id, offerId, questionId: question.id },
			body: note
		});
		expect(expectContract('patch', answerDoc, noted, note)!.revision).toBe(at + 2);
		expect(noted.headers.get('etag')).toBe(`"${at + 2}"`);
		const staleAnswer = await invoke(tenderAnswer.PATCH, {
			method: 'PATCH',
			path: answerPath(question.id),
			params: { id, offerId, questionId: question.id },
			body: { note: 'Stale' },
			headers: { 'if-match': `"${at + 1}"` }
		});
		expect(staleAnswer.status).toBe(409);
		expect(expectContract('patch', answerDoc, staleAnswer)!.currentRevision).toBe(at + 2);
		expect(staleAnswer.headers.get('etag')).toBe(`"${at + 2}"`);

		const compared = expectContract(
			'get',
			'/api/tenders/{id}/comparison',
			await invoke(tenderComparison.GET, {
				path: `${path}/comparison?weights=network:2,sim:1`,
				params: { id }
			})
		)!;
		expect(compared.ranking).toHaveLength(8);
		expect(compared.weights).toMatchObject({ network: 2, sim: 1 });
		const badWeights = await invoke(tenderComparison.GET, {
			path: `${path}/comparison?weights=network:0`,
			params: { id }
		});
		expect(badWeights.status).toBe(400);
		expectContract('get', '/api/tenders/{id}/comparison', badWeights);
		expectContract(
			'get',
			'/api/tenders/{id}/comparison',
			await invoke(tenderComparison.GET, {
				path: `/api/tenders/${UNKNOWN_ID}/comparison`,
				params: { id: UNKNOWN_ID }
			})
		);

		// The tender report: a PDF of all eight offers, 400 naming bad weights and branding, 404.
		const tenderPdf = await invoke(tenderReport.GET, {
			path: `${path}/report.pdf?weights=network:2&consultant=Zo%C3%AB`,
			params: { id }
		});
		expect(tenderPdf.status).toBe(200);
		expectContract('get', '/api/tenders/{id}/report.pdf', tenderPdf);
		const badReport = await invoke(tenderReport.GET, {
			path: `${path}/report.pdf?weights=network:0&paper=a3`,
			params: { id }
		});
		expect(badReport.status).toBe(400);
		expect(JSON.parse(badReport.text).issues.map((i: { path: string }) => i.path)).toEqual([
			'weights',
			'paper'
		]);
		expectContract('get', '/api/tenders/{id}/report.pdf', badReport);
		expectContract(
			'get',
			'/api/tenders/{id}/report.pdf',
			await invoke(tenderReport.GET, {
				path: `/api/tenders/${UNKNOWN_ID}/report.pdf`,
				params: { id: UNKNOWN_ID }
			})
		);

		// The answers side by side, as CSV and XLSX.
		for (const [handler, file] of [
			[tenderMatrixCsv.GET, 'matrix.csv'],
			[tenderMatrixXlsx.GET, 'matrix.xlsx']
		] as const) {
			const documented = `/api/tenders/{id}/${file}`;
			const download = await invoke(handler, { path: `${path}/${file}`, params: { id } });
			expect(download.status).toBe(200);
			expectContract('get', documented, download);
			expectContract(
				'get',
				documented,
				await invoke(handler, {
					path: `/api/tenders/${UNKNOWN_ID}/${file}`,
					params: { id: UNKNOWN_ID }
				})
			);
		}

		// The spreadsheet route: download, fill, preview, save; refusals for broken files.
		const sheetPath = '/api/tenders/{id}/offers/{offerId}/questionnaire';
		const vendorOffer = tender.offers[1].id as string;
		const qPath = `${path}/offers/${vendorOffer}/questionnaire`;
		const qParams = { id, offerId: vendorOffer };
		const download = await invoke(tenderQuestionnaire.GET, { path: qPath, params: qParams });
		expect(download.status).toBe(200);
		expectContract('get', sheetPath, download);
		expectContract(
			'get',
			sheetPath,
			await invoke(tenderQuestionnaire.GET, {
				path: `${path}/offers/${UNKNOWN_ID}/questionnaire`,
				params: { id, offerId: UNKNOWN_ID }
			})
		);
		const book = new ExcelJS.Workbook();
		await book.xlsx.load(download.bytes as unknown as ArrayBuffer);
		const sheet = book.getWorksheet('Questionnaire')!;
		let questionRow: ExcelJS.Row | undefined;
		sheet.eachRow((row) => {
			if (row.getCell(1).value === question.id) questionRow = row;
		});
		questionRow!.getCell(5).value = question.options[0]!.label;
		questionRow!.getCell(7).value = 'Offer, annex 2, section 3';
		const filled = new Uint8Array(await book.xlsx.writeBuffer());
		const upload = (query: string, bytes: Uint8Array, contentType = XLSX) =>
			invoke(tenderQuestionnaire.POST, {
				method: 'POST',
				path: `${qPath}${query}`,
				params: qParams,
				bytes,
				contentType
			});
		const preview = expectContract('post', sheetPath, await upload('', filled))!;
		expect(preview).toMatchObject({
			applied: false,
			issues: [],
			answers: [
				{
					questionId: question.id,
					option: question.options[0]!.id,
					evidence: 'Offer, annex 2, section 3'
				}
			]
		});
		const saved = expectContract('post', sheetPath, await upload('?apply=true', filled))!;
		expect(saved.applied).toBe(true);
		const afterImport = expectContract(
			'get',
			'/api/tenders/{id}',
			await invoke(tenderItem.GET, { path, params: { id } })
		)!;
		expect(afterImport.offers[1].answers[question.id]).toMatchObject({
			option: question.options[0]!.id,
			evidence: 'Offer, annex 2, section 3',
			by: 'vendor',
			state: 'claimed'
		});
		questionRow!.getCell(5).value = 'Something else entirely';
		const broken = await upload('?apply=true', new Uint8Array(await book.xlsx.writeBuffer()));
		expect(broken.status).toBe(422);
		expectContract('post', sheetPath, broken);
		const notXlsx = await upload('', new TextEncoder().encode('<html>not a workbook</html>'));
		expect(notXlsx.status).toBe(400);
		expectContract('post', sheetPath, notXlsx);
		const asJson = await upload('', filled, 'application/json');
		expect(asJson.status).toBe(415);
		expectContract('post', sheetPath, asJson);
		expectContract(
			'post',
			sheetPath,
			await invoke(tenderQuestionnaire.POST, {
				method: 'POST',
				path: `/api/tenders/${UNKNOWN_ID}/offers/${vendorOffer}/questionnaire`,
				params: { id: UNKNOWN_ID, offerId: vendorOffer },
				bytes: filled,
				contentType: XLSX
			})
		);
	});
});

describe('respondent links match the document', () => {
	it('create, list, read, save, submit, reopen, revoke, the spreadsheet, and their errors', async () => {
		const body = {
			title: 'Contract check: respondents',
			fleet: { devices: 100, countries: ['DE'], lifetimeYears: 5 },
			offers: [{ vendor: 'Alpha' }, { vendor: 'Bravo' }]
		};
		const tender = expectContract(
			'post',
			'/api/tenders',
			await invoke(tenderCollection.POST, { method: 'POST', path: '/api/tenders', body }),
			body
		)!;
		const id = tender.id as string;
		const offerId = tender.offers[0].id as string;
		const listPath = '/api/tenders/{id}/offers/{offerId}/respondents';
		const base = `/api/tenders/${id}/offers/${offerId}/respondents`;
		const create = (input: unknown, params = { id, offerId }) =>
			invoke(respondentList.POST, { method: 'POST', path: base, params, body: input });

		const createBody = { label: 'Alpha bid team', expiresAt: '2099-01-31' };
		const createdResponse = await create(createBody);
		expect(createdResponse.status).toBe(201);
		const created = expectContract('post', listPath, createdResponse, createBody)!;
		expect(created.url).toBe(`http://localhost:3000/respond/${created.token}`);
		expect(created).not.toHaveProperty('tokenHash');
		const token = created.token as string;
		const badCreate = await create({ expiresAt: '2001-01-01' });
		expect(badCreate.status).toBe(400);
		expect(JSON.parse(badCreate.text).issues[0].path).toBe('expiresAt');
		expectContract('post', listPath, badCreate);
		expectContract('post', listPath, await create({}, { id, offerId: UNKNOWN_ID }));
		for (let n = 2; n <= 5; n++) expect((await create({})).status).toBe(201);
		const full = await create({});
		expect(full.status).toBe(409);
		expectContract('post', listPath, full);

		const listed = expectContract(
			'get',
			listPath,
			await invoke(respondentList.GET, { path: base, params: { id, offerId } })
		)!;
		expect(listed.respondents).toHaveLength(5);
		expect(JSON.stringify(listed)).not.toContain(token);
		expectContract(
			'get',
			listPath,
			await invoke(respondentList.GET, { path: base, params: { id: UNKNOWN_ID, offerId } })
		);

		const viewPath = '/api/respond/{token}';
		const view = expectContract(
			'get',
			viewPath,
			await invoke(respond.GET, { path: `/api/respond/${token}`, params: { token } })
		)!;
		expect(view.vendor).toBe('Alpha');
		expect(JSON.stringify(view)).not.toContain(id);
		expectContract(
			'get',
			viewPath,
			await invoke(respond.GET, { path: `/api/respond/${id}`, params: { token: id } })
		);

		const patch = (input: unknown) =>
			invoke(respond.PATCH, {
				method: 'PATCH',
				path: `/api/respond/${token}`,
				params: { token },
				body: input
			});
		const answers = {
			answers: {
				[question.id]: {
					option: question.options[0]!.id,
					statement: 'We do',
					evidence: 'Offer, annex 2'
				}
			}
		};
		const saved = expectContract('patch', viewPath, await patch(answers), answers)!;
		expect(saved.answers[question.id]).toEqual({
			option: question.options[0]!.id,
			statement: 'We do',
			evidence: 'Offer, annex 2'
		});
		const bad = await patch({
			answers: { [question.id]: { option: 'nope' }, nope: { option: 'x' } }
		});
		expect(bad.status).toBe(400);
		expect(JSON.parse(bad.text).issues.map((i: { path: string }) => i.path)).toEqual(
			expect.arrayContaining([`answers.${question.id}.option`, 'answers.nope'])
		);
		expectContract('patch', viewPath, bad);

		const submitPath = '/api/respond/{token}/submit';
		const submitted = expectContract(
			'post',
			submitPath,
			await invoke(respondSubmit.POST, {
				method: 'POST',
				path: `/api/respond/${token}/submit`,
				params: { token }
			})
		)!;
		expect(submitted.submittedAt).not.toBeNull();
		const locked = await patch(answers);
		expect(locked.status).toBe(409);
		expectContract('patch', viewPath, locked);

		const sheetPath = '/api/respond/{token}/questionnaire';
		const download = await invoke(respondQuestionnaire.GET, {
			path: `/api/respond/${token}/questionnaire`,
			params: { token }
		});
		expect(download.status).toBe(200);
		expectContract('get', sheetPath, download);
		const upload = (query: string, t = token) =>
			invoke(respondQuestionnaire.POST, {
				method: 'POST',
				path: `/api/respond/${t}/questionnaire${query}`,
				params: { token: t },
				bytes: download.bytes,
				contentType: XLSX
			});
		const lockedUpload = await upload('?apply=true');
		expect(lockedUpload.status).toBe(409);
		expectContract('post', sheetPath, lockedUpload);

		const reopenPath = '/api/tenders/{id}/offers/{offerId}/respondents/{respondentId}/reopen';
		const reopen = (respondentId: string) =>
			invoke(respondentReopen.POST, {
				method: 'POST',
				path: `${base}/${respondentId}/reopen`,
				params: { id, offerId, respondentId }
			});
		const reopened = expectContract('post', reopenPath, await reopen(created.id))!;
		expect(reopened).toMatchObject({ submittedAt: null, status: 'active' });
		expectContract('post', reopenPath, await reopen(UNKNOWN_ID));
		expectContract('post', sheetPath, await upload(''));
		const applied = expectContract('post', sheetPath, await upload('?apply=true'))!;
		expect(applied).toMatchObject({ applied: true, issues: [] });
		expect(applied).not.toHaveProperty('revision');

		const itemPath = '/api/tenders/{id}/offers/{offerId}/respondents/{respondentId}';
		const revoke = (respondentId: string) =>
			invoke(respondentItem.DELETE, {
				method: 'DELETE',
				path: `${base}/${respondentId}`,
				params: { id, offerId, respondentId }
			});
		const revoked = await revoke(created.id);
		expect(revoked.status).toBe(204);
		expectContract('delete', itemPath, revoked);
		expectContract('delete', itemPath, await revoke(UNKNOWN_ID));
		const reopenRevoked = await reopen(created.id);
		expect(reopenRevoked.status).toBe(409);
		expectContract('post', reopenPath, reopenRevoked);
		for (const gone of [
			await invoke(respond.GET, { path: `/api/respond/${token}`, params: { token } }),
			await patch(answers),
			await invoke(respondSubmit.POST, {
				method: 'POST',
				path: `/api/respond/${token}/submit`,
				params: { token }
			}),
			await invoke(respondQuestionnaire.GET, {
				path: `/api/respond/${token}/questionnaire`,
				params: { token }
			}),
			await upload('')
		]) {
			expect(gone.status).toBe(410);
		}
		expectContract(
			'get',
			viewPath,
			await invoke(respond.GET, { path: `/api/respond/${token}`, params: { token } })
		);
		expectContract('patch', viewPath, await patch(answers));
		expectContract(
			'post',
			submitPath,
			await invoke(respondSubmit.POST, {
				method: 'POST',
				path: `/api/respond/${token}/submit`,
				params: { token }
			})
		);
		expectContract(
			'get',
			sheetPath,
			await invoke(respondQuestionnaire.GET, {
				path: `/api/respond/${token}/questionnaire`,
				params: { token }
			})
		);
		expectContract('post', sheetPath, await upload(''));
		expectContract(
			'post',
			submitPath,
			await invoke(respondSubmit.POST, {
				method: 'POST',
				path: `/api/respond/${UNKNOWN_ID}/submit`,
				params: { token: UNKNOWN_ID }
			})
		);
		expectContract(
			'get',
			sheetPath,
			await invoke(respondQuestionnaire.GET, {
				path: `/api/respond/${UNKNOWN_ID}/questionnaire`,
				params: { token: UNKNOWN_ID }
			})
		);

		// The buyer sees the vendor's answers as claims, and every link without a token hash.
		const after = expectContract(
			'get',
			'/api/tenders/{id}',
			await invoke(tenderItem.GET, { path: `/api/tenders/${id}`, params: { id } })
		)!;
		expect(after.offers[0].answers[question.id]).toMatchObject({
			by: 'vendor',
			state: 'claimed',
			statement: 'We do',
			evidence: 'Offer, annex 2'
		});
		expect(after.offers[0].respondents[0]).toMatchObject({ id: created.id, status: 'revoked' });
		expect(JSON.stringify(after)).not.toContain('tokenHash');
	});
});

describe('read-only comparison links match the document', () => {
	it('create, list, read, revoke, and their errors', async () => {
		const body = {
			title: 'Contract check: comparison links',
			fleet: { devices: 100, countries: ['DE', 'BR'], lifetimeYears: 5 },
			offers: [{ vendor: 'Alpha' }, { vendor: 'Bravo' }]
		};
		const tender = expectContract(
			'post',
			'/api/tenders',
			await invoke(tenderCollection.POST, { method: 'POST', path: '/api/tenders', body }),
			body
		)!;
		const id = tender.id as string;
		const listPath = '/api/tenders/{id}/shares';
		const base = `/api/tenders/${id}/shares`;
		const create = (input: unknown, params = { id }) =>
			invoke(comparisonShareList.POST, { method: 'POST', path: base, params, body: input });

		const createBody = { label: 'Steering group', expiresAt: '2099-01-31' };
		const createdResponse = await create(createBody);
		expect(createdResponse.status).toBe(201);
		const created = expectContract('post', listPath, createdResponse, createBody)!;
		expect(created.url).toBe(`http://localhost:3000/c/${created.token}`);
		expect(created).not.toHaveProperty('tokenHash');
		const token = created.token as string;
		const badCreate = await create({ expiresAt: '2001-01-01' });
		expect(badCreate.status).toBe(400);
		expect(JSON.parse(badCreate.text).issues[0].path).toBe('expiresAt');
		expectContract('post', listPath, badCreate);
		expectContract('post', listPath, await create({ label: 7 }));
		expectContract('post', listPath, await create({}, { id: UNKNOWN_ID }));
		for (let n = 2; n <= 20; n++) expect((await create({})).status).toBe(201);
		const full = await create({});
		expect(full.status).toBe(409);
		expectContract('post', listPath, full);

		const listed = expectContract(
			'get',
			listPath,
			await invoke(comparisonShareList.GET, { path: base, params: { id } })
		)!;
		expect(listed.shares).toHaveLength(20);
		expect(JSON.stringify(listed)).not.toContain(token);
		expect(JSON.stringify(listed)).not.toContain('tokenHash');
		expectContract(
			'get',
			listPath,
			await invoke(comparisonShareList.GET, { path: base, params: { id: UNKNOWN_ID } })
		);

		const viewPath = '/api/shared-comparisons/{token}';
		const read = (t: string) =>
			invoke(sharedComparison.GET, { path: `/api/shared-comparisons/${t}`, params: { token: t } });
		const view = expectContract('get', viewPath, await read(token))!;
		expect(view.matrix.offers.map((o: { vendor: string }) => o.vendor)).toEqual(['Alpha', 'Bravo']);
		expect(view.comparison.offers[0].roaming.map((r: { country: string }) => r.country)).toEqual([
			'DE',
			'BR'
		]);
		expect(JSON.stringify(view)).not.toContain(id);
		expectContract('get', viewPath, await read(id));

		// The owner's read of the tender lists the links without their hashes.
		const owner = expectContract(
			'get',
			'/api/tenders/{id}',
			await invoke(tenderItem.GET, { path: `/api/tenders/${id}`, params: { id } })
		)!;
		expect(owner.shares).toHaveLength(20);
		expect(JSON.stringify(owner)).not.toContain('tokenHash');

		const itemPath = '/api/tenders/{id}/shares/{shareId}';
		const revoke = (shareId: string, tenderId = id) =>
			invoke(comparisonShareItem.DELETE, {
				method: 'DELETE',
				path: `/api/tenders/${tenderId}/shares/${shareId}`,
				params: { id: tenderId, shareId }
			});
		const revoked = await revoke(created.id);
		expect(revoked.status).toBe(204);
		expectContract('delete', itemPath, revoked);
		expectContract('delete', itemPath, await revoke(UNKNOWN_ID));
		expectContract('delete', itemPath, await revoke(created.id, UNKNOWN_ID));
		const gone = await read(token);
		expect(gone.status).toBe(410);
		expectContract('get', viewPath, gone);
	});
});

describe('evidence files match the document', () => {
	it('attach, list, download, remove, and their errors', async () => {
		const body = {
			title: 'Contract check: evidence',
			fleet: { devices: 100, countries: ['DE'], lifetimeYears: 5 },
			offers: [{ vendor: 'Alpha' }, { vendor: 'Bravo' }]
		};
		const tender = expectContract(
			'post',
			'/api/tenders',
			await invoke(tenderCollection.POST, { method: 'POST', path: '/api/tenders', body }),
			body
		)!;
		const id = tender.id as string;
		const offerId = tender.offers[0].id as string;
		const base = `/api/tenders/${id}/offers/${offerId}/respondents`;
		const created = expectContract(
			'post',
			'/api/tenders/{id}/offers/{offerId}/respondents',
			await invoke(respondentList.POST, {
				method: 'POST',
				path: base,
				params: { id, offerId },
				body: {}
			}),
			{}
		)!;
		const token = created.token as string;
		const q = question.id;
		const attachPath = '/api/respond/{token}/evidence/{questionId}';
		const attach = (bytes: Uint8Array, questionId = q, t = token) =>
			invoke(respondEvidence.POST, {
				method: 'POST',
				path: `/api/respond/${t}/evidence/${questionId}`,
				params: { token: t, questionId },
				bytes,
				contentType: 'application/octet-stream',
				headers: { 'x-filename': 'Annex%20B.pdf' }
			});
		const pdf = new TextEncoder().encode('%PDF-1.4\n%%EOF\n');

		const first = await attach(pdf);
		expect(first.status).toBe(409); // not answered yet
		expectContract('post', attachPath, first);
		await invoke(respond.PATCH, {
			method: 'PATCH',
			path: `/api/respond/${token}`,
			params: { token },
			body: { answers: { [q]: { option: question.options[0]!.id } } }
		});
		const uploaded = await attach(pdf);
		expect(uploaded.status).toBe(201);
		const file = expectContract('post', attachPath, uploaded)!.file;
		expect(file).toMatchObject({
			name: 'Annex B.pdf',
			mediaType: 'application/pdf',
			size: pdf.byteLength
		});
		const html = await attach(new TextEncoder().encode('<!doctype html><script>alert(1)</script>'));
		expect(html.status).toBe(415);
		expectContract('post', attachPath, html);
		const big = new Uint8Array(5 * 1024 * 1024 + 1);
		big.set(pdf);
		const tooBig = await attach(big);
		expect(tooBig.status).toBe(413);
		expectContract('post', attachPath, tooBig);
		const unknownQuestion = await attach(pdf, 'no_such_question');
		expect(unknownQuestion.status).toBe(400);
		expectContract('post', attachPath, unknownQuestion);
		expectContract('post', attachPath, await attach(pdf, q, UNKNOWN_ID));

		const view = expectContract(
			'get',
			'/api/respond/{token}',
			await invoke(respond.GET, { path: `/api/respond/${token}`, params: { token } })
		)!;
		expect(view.answers[q].files).toEqual([
			{ id: file.id, name: 'Annex B.pdf', mediaType: 'application/pdf', size: pdf.byteLength }
		]);

		const downloadPath = '/api/tenders/{id}/offers/{offerId}/evidence/{fileId}';
		const download = (fileId: string, offer = offerId) =>
			invoke(offerEvidence.GET, {
				path: `/api/tenders/${id}/offers/${offer}/evidence/${fileId}`,
				params: { id, offerId: offer, fileId }
			});
		const downloaded = await download(file.id);
		expect(downloaded.status).toBe(200);
		expectContract('get', downloadPath, downloaded);
		expect(downloaded.headers.get('content-disposition')).toBe(
			`attachment; filename="Annex B.pdf"; filename*=UTF-8''Annex%20B.pdf`
		);
		expectContract('get', downloadPath, await download(file.id, tender.offers[1].id));

		const removePath = '/api/respond/{token}/evidence/{questionId}/{fileId}';
		const remove = (fileId: string) =>
			invoke(respondEvidenceItem.DELETE, {
				method: 'DELETE',
				path: `/api/respond/${token}/evidence/${q}/${fileId}`,
				params: { token, questionId: q, fileId }
			});
		const removed = await remove(file.id);
		expect(removed.status).toBe(204);
		expectContract('delete', removePath, removed);
		const again = await remove(file.id);
		expect(again.status).toBe(404);
		expectContract('delete', removePath, again);
		expect((await download(file.id)).status).toBe(404);

		await invoke(respondSubmit.POST, {
			method: 'POST',
			path: `/api/respond/${token}/submit`,
			params: { token }
		});
		expectContract('post', attachPath, await attach(pdf));
		expectContract('delete', removePath, await remove(file.id));
		await invoke(respondentItem.DELETE, {
			method: 'DELETE',
			path: `${base}/${created.id}`,
			params: { id, offerId, respondentId: created.id }
		});
		const gone = await attach(pdf);
		expect(gone.status).toBe(410);
		expectContract('post', attachPath, gone);
		expectContract('delete', removePath, await remove(file.id));
	});
});

describe('answers of the server hooks match the document', () => {
	type Hooks = typeof import('../../../src/hooks.server');
	let hooks: Hooks;
	const saved = process.env.RATE_LIMITS;
	beforeAll(async () => {
		// A limit of one request per hour per purpose, read when the hooks load.
		process.env.RATE_LIMITS = 'create=1,share=1,simulate=1,report=1';
		hooks = await import('../../../src/hooks.server');
	});
	afterAll(() => {
		if (saved === undefined) delete process.env.RATE_LIMITS;
		else process.env.RATE_LIMITS = saved;
	});

	/** Sends a request through `handle`, resolved by the route's handler. */
	async function throughHooks(
		handler: (event: never) => Response | Promise<Response>,
		init: {
			method: string;
			path: string;
			routeId: string;
			params?: Record<string, string>;
			body?: unknown;
			headers?: Record<string, string>;
		}
	): Promise<Called> {
		const url = new URL(init.path, 'http://localhost:3000');
		const request = new Request(url, {
			method: init.method,
			headers: {
				host: url.host,
				...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
				...init.headers
			},
			body: init.body !== undefined ? JSON.stringify(init.body) : undefined
		});
		const event = {
			request,
			url,
			params: init.params ?? {},
			route: { id: init.routeId },
			locals: {},
			getClientAddress: () => '192.0.2.1'
		};
		const response = await hooks.handle({
			event: event as never,
			resolve: ((e: never) => handler(e)) as never
		});
		const bytes = new Uint8Array(await response.arrayBuffer());
		return {
			status: response.status,
			headers: response.headers,
			bytes,
			text: new TextDecoder().decode(bytes)
		};
	}

	it('403 for a cross-site write, 429 with Retry-After when rate-limited', async () => {
		const crossSite = await throughHooks(collection.POST, {
			method: 'POST',
			path: '/api/assessments',
			routeId: '/api/assessments',
			body: createBody,
			headers: { origin: 'https://evil.example' }
		});
		expect(crossSite.status).toBe(403);
		expectContract('post', '/api/assessments', crossSite);

		const first = await throughHooks(collection.POST, {
			method: 'POST',
			path: '/api/assessments',
			routeId: '/api/assessments',
			body: createBody
		});
		expect(first.status).toBe(201);
		const limited = await throughHooks(collection.POST, {
			method: 'POST',
			path: '/api/assessments',
			routeId: '/api/assessments',
			body: createBody
		});
		expect(limited.status).toBe(429);
		expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
		expectContract('post', '/api/assessments', limited);

		const simulated = {
			seed: 1,
			fleet: { devices: 10, countries: ['DE'], lifetimeYears: 1 },
			resolution: 'month'
		};
		expect(
			(
				await throughHooks(simulateRoute.POST, {
					method: 'POST',
					path: '/api/simulate',
					routeId: '/api/simulate',
					body: simulated
				})
			).status
		).toBe(200);
		expectContract(
			'post',
			'/api/simulate',
			await throughHooks(simulateRoute.POST, {
				method: 'POST',
				path: '/api/simulate',
				routeId: '/api/simulate',
				body: simulated
			})
		);
	});
});

describe('coverage', () => {
	it('every documented operation was called with each of its success statuses', () => {
		for (const [path, pathItem] of Object.entries(doc.paths)) {
			for (const [method, operation] of Object.entries(pathItem) as [Method, Operation][]) {
				for (const status of Object.keys(operation.responses).filter((s) => s.startsWith('2'))) {
					expect(checked, `${method.toUpperCase()} ${path} ${status} was never checked`).toContain(
						`${method} ${path} ${status}`
					);
				}
			}
		}
		// The error statuses seen: each proves its documented shape on a real answer.
		const statuses = new Set([...checked].map((key) => key.split(' ')[2]));
		for (const status of ['400', '403', '404', '409', '410', '413', '415', '429'])
			expect(statuses).toContain(status);
	});
});

describe('the readable page at /docs/api', () => {
	it('shows every operation, its parameters, body fields and statuses from the same document', async () => {
		const data = (await docsLoad({} as never)) as ReturnType<typeof describeApi>;
		const operations = data.groups.flatMap((group) => group.operations);
		const documented = Object.values(doc.paths).flatMap((pathItem) => Object.values(pathItem));
		expect(operations.map((op) => op.id).sort()).toEqual(
			documented.map((op) => op.operationId).sort()
		);
		const create = operations.find((op) => op.id === 'createAssessment')!;
		expect(create.body?.fields.map((f) => f.name)).toEqual(
			expect.arrayContaining(['title', 'fleet', 'answers'])
		);
		expect(create.responses.map((r) => r.status)).toEqual([
			'201',
			'400',
			'403',
			'413',
			'415',
			'429',
			'507'
		]);
		const pdf = operations.find((op) => op.id === 'assessmentReportPdf')!;
		expect(pdf.parameters.map((p) => p.name)).toEqual([
			'id',
			'title',
			'consultant',
			'firm',
			'paper',
			'locale'
		]);
		expect(data.schemas.map((s) => s.name)).toContain('ScoreResult');
	});
});
