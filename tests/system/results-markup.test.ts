/**
 * The results and share pages send their server-rendered parts once (src/lib/server/results-html.ts):
 * in the page's HTML on a full load, with placeholders in the page data; in the data alone when the
 * browser asks for the data (a client-side visit). Twice, they doubled the page a phone downloads and
 * left it a long inline script to parse.
 */
import { describe, expect, it } from 'vitest';
import { send } from './http';
import { ok } from './replies';
import { useSeededServer } from './seeded-server';

const seeded = useSeededServer();

// rules/ruleset.yaml: data_pooling "per_sim" (risk 1) is a finding whose text says this, and the
// lock-in sign "Per-SIM data caps" quotes it as its evidence: the page shows it twice.
const FINDING_TEXT = 'so a busy device can reach its limit';
const SHOWN = 2;

const count = (text: string, part: string) => text.split(part).length - 1;

describe('results markup', () => {
	it('is in the results and share pages once, with no placeholder left', async () => {
		const s = seeded();
		const created = await send(s.server, 'POST', '/api/assessments', {
			json: {
				title: 'Markup once',
				fleet: { devices: 500, countries: ['DE'], lifetimeYears: 5 },
				answers: { data_pooling: { option: 'per_sim' } }
			}
		});
		const { id } = ok<{ id: string }>(created, 201);
		const shared = await send(s.server, 'POST', `/api/assessments/${id}/shares`, {
			json: { label: 'markup' }
		});
		const { token } = ok<{ token: string }>(shared, 201);

		for (const path of [`/a/${id}/results`, `/s/${token}`]) {
			const page = await send(s.server, 'GET', path);
			expect(page.status, path).toBe(200);
			expect(count(page.text, FINDING_TEXT), path).toBe(SHOWN);
			// Every placeholder in the markup was filled (the page data keeps its escaped "\u003Ctemplate").
			expect(page.text, path).not.toContain('<template data-results-part');
			// The parts' styles reached the head.
			const head = page.text.slice(0, page.text.indexOf('</head>'));
			expect(head, path).toMatch(/<style id="svelte-[a-z0-9]+">/);

			// A client-side visit asks for the data: the parts come in it, since no HTML is written.
			const data = await send(s.server, 'GET', `${path}/__data.json`);
			expect(data.status, path).toBe(200);
			expect(count(data.text, FINDING_TEXT), path).toBe(SHOWN);
			expect(data.text, path).not.toContain('data-results-part');
		}
	});
});
