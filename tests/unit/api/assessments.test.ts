import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as item from '../../../src/routes/api/assessments/[id]/+server';
import * as collection from '../../../src/routes/api/assessments/+server';
import * as rulesRoute from '../../../src/routes/api/rules/+server';
import { shippedRules } from '../rules/read-rules';
import { call } from './call';
import { useTempDataDir } from './temp-data-dir';

const dataDir = useTempDataDir();
const rules = shippedRules();
const firstQuestion = rules.ruleset.areas[0]!.questions[0]!;

const validBody = {
	title: 'Smart meters 2027',
	organisation: 'Müller & Søn GmbH',
	vendor: 'Example Connect',
	fleet: { devices: 10_000, countries: ['BR', 'DE'], lifetimeYears: 15, monthlyMbPerDevice: 1 }
};

const create = (body: unknown = validBody) =>
	call(collection.POST, { method: 'POST', path: '/api/assessments', body });

function storedFiles(): string[] {
	const root = join(dataDir(), 'assessments');
	return readdirSync(root).flatMap((shard) =>
		readdirSync(join(root, shard)).map((f) => join(root, shard, f))
	);
}

describe('GET /api/rules', () => {
	it('returns the ruleset with questions, options and every country', async () => {
		const { status, body } = await call(rulesRoute.GET, { path: '/api/rules' });
		expect(status).toBe(200);
		expect(body.version).toBe(rules.ruleset.version);
		expect(body.areas).toHaveLength(6);
		expect(body.areas[0].questions[0].options[0]).toEqual(
			expect.objectContaining({
				id: expect.any(String),
				label: expect.any(String),
				risk: expect.any(Number)
			})
		);
		const brazil = body.countries.find((c: { code: string }) => c.code === 'BR');
		expect(brazil.restriction.kind).not.toBe('none_known');
		const iceland = body.countries.find((c: { code: string }) => c.code === 'IS');
		expect(iceland.restriction.kind).toBe('none_known');
	});
});

describe('POST /api/assessments', () => {
	it('stores the assessment on disk with its ruleset version and returns 201 with the result', async () => {
		const { status, body, headers } = await create();
		expect(status).toBe(201);
		expect(body.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
		expect(headers.get('location')).toBe(`/api/assessments/${body.id}`);
		expect(body.rulesetVersion).toBe(rules.ruleset.version);
		expect(body.result.overall).toEqual(
			expect.objectContaining({ score: expect.any(Number), rating: expect.any(String) })
		);
		expect(body.result.areas.map((a: { id: string }) => a.id)).toEqual(
			rules.ruleset.areas.map((a) => a.id)
		);
		expect(
			body.result.roaming.find((r: { country: string }) => r.country === 'BR').restricted
		).toBe(true);

		const files = storedFiles();
		expect(files).toHaveLength(1);
		const onDisk = JSON.parse(readFileSync(files[0]!, 'utf8'));
		expect(onDisk).toMatchObject({
			id: body.id,
			organisation: 'Müller & Søn GmbH',
			rulesetVersion: rules.ruleset.version
		});
	});

	it('gives every assessment a different unguessable id', async () => {
		const ids = new Set<string>();
		for (let i = 0; i < 20; i++) ids.add((await create()).body.id);
		expect(ids.size).toBe(20);
	});

	it('accepts answers, including "not sure", and scores them', async () => {
		const { status, body } = await create({
			...validBody,
			answers: { [firstQuestion.id]: { option: 'not_sure', note: 'Ask at the next call' } }
		});
		expect(status).toBe(201);
		expect(body.answers[firstQuestion.id]).toEqual({
			option: 'not_sure',
			note: 'Ask at the next call'
		});
		expect(body.result.askVendor.map((a: { questionId: string }) => a.questionId)).toEqual([
			firstQuestion.id
		]);
	});

	it.each([
		['no devices', { ...validBody, fleet: { ...validBody.fleet, devices: 0 } }, 'fleet.devices'],
		[
			'negative lifetime',
			{ ...validBody, fleet: { ...validBody.fleet, lifetimeYears: -2 } },
			'fleet.lifetimeYears'
		],
		[
			'an unknown country',
			{ ...validBody, fleet: { ...validBody.fleet, countries: ['BR', 'XX'] } },
			'fleet.countries.1'
		],
		['no title', { ...validBody, title: '  ' }, 'title'],
		['an unknown question', { ...validBody, answers: { nope: { option: 'x' } } }, 'answers.nope'],
		[
			'an unknown option',
			{ ...validBody, answers: { [firstQuestion.id]: { option: 'maybe' } } },
			`answers.${firstQuestion.id}.option`
		],
		['an unexpected field', { ...validBody, admin: true }, 'admin'],
		[
			'negative monthly data',
			{ ...validBody, fleet: { ...validBody.fleet, monthlyMbPerDevice: -1 } },
			'fleet.monthlyMbPerDevice'
		]
	])('rejects %s with 400 and the field path', async (_, body, path) => {
		const response = await create(body);
		expect(response.status).toBe(400);
		expect(response.body.error).toEqual(expect.any(String));
		expect(response.body.issues.map((i: { path: string }) => i.path)).toContain(path);
	});

	it('rejects a body that is not JSON', async () => {
		const response = await call(collection.POST, {
			method: 'POST',
			path: '/api/assessments',
			rawBody: '{"title":'
		});
		expect(response.status).toBe(400);
		expect(response.body.issues[0].path).toBe('');
	});

	it('rejects a form-encoded body: the API only takes JSON', async () => {
		const response = await call(collection.POST, {
			method: 'POST',
			path: '/api/assessments',
			rawBody: 'title=x',
			contentType: 'application/x-www-form-urlencoded'
		});
		expect(response.status).toBe(415);
	});
});

describe('GET and PATCH /api/assessments/{id}', () => {
	it('reads back what was stored', async () => {
		const created = (await create()).body;
		const { status, body, headers } = await call(item.GET, {
			path: `/api/assessments/${created.id}`,
			params: { id: created.id }
		});
		expect(status).toBe(200);
		expect(body.title).toBe(validBody.title);
		expect(body.result).toEqual(created.result);
		expect(headers.get('cache-control')).toContain('no-store');
	});

	it('answers 404 for an unknown or malformed id', async () => {
		for (const id of ['AAAAAAAAAAAAAAAAAAAAAA', '../../etc/passwd', 'x']) {
			const { status, body } = await call(item.GET, { path: `/api/assessments/x`, params: { id } });
			expect(status).toBe(404);
			expect(body.error).toEqual(expect.any(String));
		}
		const patch = await call(item.PATCH, {
			method: 'PATCH',
			path: '/api/assessments/x',
			params: { id: 'AAAAAAAAAAAAAAAAAAAAAA' },
			body: { title: 'x' }
		});
		expect(patch.status).toBe(404);
	});

	it('applies a partial update and keeps everything else', async () => {
		const created = (await create()).body;
		const patch = (body: unknown) =>
			call(item.PATCH, {
				method: 'PATCH',
				path: `/api/assessments/${created.id}`,
				params: { id: created.id },
				body
			});

		const option = firstQuestion.options[0]!.id;
		const first = await patch({
			answers: { [firstQuestion.id]: { option, note: 'confirmed by email' } }
		});
		expect(first.status).toBe(200);
		expect(first.body.title).toBe(validBody.title);
		expect(first.body.answers[firstQuestion.id]).toEqual({ option, note: 'confirmed by email' });
		expect(first.body.revision).toBe(created.revision + 1);

		const second = await patch({ title: 'Renamed' });
		expect(second.body.answers[firstQuestion.id].option).toBe(option);
		expect(second.body.title).toBe('Renamed');

		const cleared = await patch({ answers: { [firstQuestion.id]: null } });
		expect(cleared.body.answers[firstQuestion.id]).toBeUndefined();
	});

	it('rejects an invalid patch with 400 and changes nothing on disk', async () => {
		const created = (await create()).body;
		const before = readFileSync(storedFiles()[0]!, 'utf8');
		const response = await call(item.PATCH, {
			method: 'PATCH',
			path: `/api/assessments/${created.id}`,
			params: { id: created.id },
			body: { title: 'ok', fleet: { ...validBody.fleet, devices: -5 } }
		});
		expect(response.status).toBe(400);
		expect(response.body.issues.map((i: { path: string }) => i.path)).toContain('fleet.devices');
		expect(readFileSync(storedFiles()[0]!, 'utf8')).toBe(before);
	});

	it('caps the issues of a huge invalid patch at 20 and gives their count (audit F8)', async () => {
		const created = (await create()).body;
		const devicesByCountry = Object.fromEntries(
			Array.from({ length: 5_000 }, (_, i) => [`k${i.toString(16)}`, 1])
		);
		const response = await call(item.PATCH, {
			method: 'PATCH',
			path: `/api/assessments/${created.id}`,
			params: { id: created.id },
			body: { fleet: { ...validBody.fleet, devicesByCountry } }
		});
		expect(response.status).toBe(400);
		expect(response.body.issues).toHaveLength(20);
		expect(response.body.issueCount).toBeGreaterThanOrEqual(5_000);
		expect(JSON.stringify(response.body).length).toBeLessThan(5_000);
	});

	it('rejects an empty patch', async () => {
		const created = (await create()).body;
		const response = await call(item.PATCH, {
			method: 'PATCH',
			path: `/api/assessments/${created.id}`,
			params: { id: created.id },
			body: {}
		});
		expect(response.status).toBe(400);
	});
});
