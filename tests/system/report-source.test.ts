/**
 * The PDF's source travels on demand (issue 13 item 2): the results and share pages no longer carry
 * the ruleset, and the browser fetches it from /api/assessments/{id}/report-source (the edit id) or
 * /api/shared/{token}/report-source (the link's token), never cached.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { jsonOf, send, type ApiError } from './http';
import { ok } from './replies';
import { useSeededServer } from './seeded-server';

const seeded = useSeededServer();

interface Source {
	assessment: Record<string, unknown> & {
		title: string;
		answers: Record<string, { option?: string; note?: string }>;
	};
	ruleset: { version: string; areas: unknown[] };
	dataVersions: { countries?: string; costs?: string };
}

/** A key of the ruleset file that nothing on the pages shows. */
const RULESET_ONLY_KEY = 'findingRiskThreshold';

describe('the report source', () => {
	it('gives the owner the assessment with its notes and the ruleset it is pinned to, never cached', async () => {
		const s = seeded();
		const reply = await send(s.server, 'GET', `/api/assessments/${s.id}/report-source`);
		const source = ok<Source>(reply);
		expect(reply.headers.get('cache-control')).toBe('private, no-store');
		expect(reply.headers.get('content-type')).toMatch(/^application\/json/);
		expect(source.assessment.title).toBe('Seeded fleet');
		expect(source.assessment.organisation).toBe('Seed Org');
		const first = s.facts.questions[0]!.id;
		expect(source.assessment.answers[first]).toEqual({
			option: s.facts.questions[0]!.options[0],
			note: 'Seed note'
		});
		// The edit key and the share list never travel in it.
		expect(source.assessment).not.toHaveProperty('id');
		expect(source.assessment).not.toHaveProperty('shares');
		expect(source.ruleset.version).toBe(s.rules.version);
		expect(source.ruleset.areas).toHaveLength(6);
		expect(source.dataVersions.countries).toMatch(/\S/);
	});

	it('gives a share link what it may show: notes only when the link includes them', async () => {
		const s = seeded();
		const first = s.facts.questions[0]!.id;
		const withNotes = await send(s.server, 'GET', `/api/shared/${s.token}/report-source`);
		expect(withNotes.headers.get('cache-control')).toBe('private, no-store');
		expect(ok<Source>(withNotes).assessment.answers[first]!.note).toBe('Seed note');

		const created = await send(s.server, 'POST', `/api/assessments/${s.id}/shares`, {
			json: { label: 'no notes', includeNotes: false }
		});
		const { token, id: shareId } = ok<{ token: string; id: string }>(created, 201);
		const source = ok<Source>(await send(s.server, 'GET', `/api/shared/${token}/report-source`));
		expect(source.assessment.answers[first]).toEqual({ option: s.facts.questions[0]!.options[0] });
		expect(source.assessment).not.toHaveProperty('id');

		// Revoked: gone.
		const revoked = await send(s.server, 'DELETE', `/api/assessments/${s.id}/shares/${shareId}`, {
			headers: { origin: s.server.origin }
		});
		expect(revoked.status).toBeLessThan(300);
		const gone = await send(s.server, 'GET', `/api/shared/${token}/report-source`);
		expect(gone.status).toBe(410);
	});

	it('answers 404 for an unknown id or token, and 403 for a token used as an edit id', async () => {
		const s = seeded();
		const unknown = 'AAAAAAAAAAAAAAAAAAAAAA';
		for (const path of [
			`/api/assessments/${unknown}/report-source`,
			`/api/shared/${unknown}/report-source`
		]) {
			const reply = await send(s.server, 'GET', path);
			expect(reply.status, path).toBe(404);
			expect(jsonOf<ApiError>(reply).error).toMatch(/\S/);
		}
		const asId = await send(s.server, 'GET', `/api/assessments/${s.token}/report-source`);
		expect(asId.status).toBe(403);
	});

	it('is no longer inlined in the results and share pages', async () => {
		const s = seeded();
		for (const path of [`/a/${s.id}/results`, `/s/${s.token}`]) {
			const page = await send(s.server, 'GET', path);
			expect(page.status, path).toBe(200);
			expect(page.text, path).not.toContain(RULESET_ONLY_KEY);
			// The page still says where the PDF's source is, for the browser to fetch it.
			expect(page.text, path).toContain('Download PDF');
		}
		// The server builds that ruleset into its reports: the key is real, not misspelt.
		const source = await send(s.server, 'GET', `/api/assessments/${s.id}/report-source`);
		expect(source.text).toContain(RULESET_ONLY_KEY);
	});

	it("answers in the report's language, ?locale= before the request's, with the same scores", async () => {
		const s = seeded();
		// The German title of the first area, read from the translation file itself.
		const german = parse(readFileSync('rules/i18n/de/ruleset.yaml', 'utf8')) as {
			areas: Record<string, { title: string }>;
		};
		type Scored = Source & {
			locale: string;
			result: { overall: { score: number }; areas: { id: string; title: string }[] };
		};
		const path = `/api/assessments/${s.id}/report-source`;
		const english = ok<Scored>(await send(s.server, 'GET', path));
		const asked = ok<Scored>(await send(s.server, 'GET', `${path}?locale=de`));
		const byBrowser = ok<Scored>(
			await send(s.server, 'GET', path, { headers: { 'accept-language': 'de-DE,de;q=0.9' } })
		);
		const overruled = ok<Scored>(
			await send(s.server, 'GET', `${path}?locale=en`, { headers: { 'accept-language': 'de' } })
		);
		expect(english.locale).toBe('en');
		expect(english.result.areas[0]!.title).toBe('Network coverage');
		for (const source of [asked, byBrowser]) {
			expect(source.locale).toBe('de');
			expect((source.ruleset.areas[0] as { title: string }).title).toBe(
				german.areas.network!.title
			);
			expect(source.result.areas[0]!.title).toBe(german.areas.network!.title);
			expect(source.result.overall.score).toBe(english.result.overall.score);
		}
		expect(overruled.locale).toBe('en');

		const refused = await send(s.server, 'GET', `${path}?locale=fr`);
		expect(refused.status).toBe(400);
		expect(jsonOf<ApiError>(refused).issues.map((i) => i.path)).toEqual(['locale']);
	});
});
