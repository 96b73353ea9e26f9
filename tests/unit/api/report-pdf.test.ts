import { describe, expect, it } from 'vitest';
import * as collection from '../../../src/routes/api/assessments/+server';
import * as report from '../../../src/routes/api/assessments/[id]/report.pdf/+server';
import { pdfInfo, pdfText } from '../report/pdf-tools';
import { call } from './call';
import { useTempDataDir } from './temp-data-dir';

useTempDataDir();

async function createAssessment() {
	const { status, body } = await call(collection.POST, {
		method: 'POST',
		path: '/api/assessments',
		body: {
			title: 'Smart meters 2027: Łódź',
			organisation: 'Müller & Søn GmbH',
			vendor: 'Example Connect',
			fleet: { devices: 10_000, countries: ['BR', 'DE'], lifetimeYears: 15 }
		}
	});
	expect(status).toBe(201);
	return body.id as string;
}

/** Calls the PDF handler and keeps the body as bytes. */
async function getReport(id: string, query = '') {
	const url = new URL(`/api/assessments/${id}/report.pdf${query}`, 'http://localhost:3000');
	const response = await report.GET({ request: new Request(url), url, params: { id } } as never);
	const bytes = new Uint8Array(await response.arrayBuffer());
	const json = () => JSON.parse(new TextDecoder().decode(bytes));
	return { status: response.status, headers: response.headers, bytes, json };
}

describe('GET /api/assessments/{id}/report.pdf', () => {
	it('answers a PDF with a download name, no caching and no indexing', async () => {
		const id = await createAssessment();
		const { status, headers, bytes } = await getReport(
			id,
			'?consultant=Zo%C3%AB%20%C3%98rsted&firm=%C5%81%C3%B3d%C5%BA%20Consulting&paper=letter'
		);
		expect(status).toBe(200);
		expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');
		expect(headers.get('content-type')).toBe('application/pdf');
		expect(headers.get('content-length')).toBe(String(bytes.byteLength));
		expect(headers.get('content-disposition')).toBe(
			`attachment; filename="lock-in-radar-smart-meters-2027-lodz.pdf"; filename*=UTF-8''lock-in-radar-smart-meters-2027-%C5%82%C3%B3d%C5%BA.pdf`
		);
		expect(headers.get('cache-control')).toBe('private, no-store');
		expect(headers.get('x-robots-tag')).toBe('noindex');
		const info = pdfInfo(bytes);
		expect(info.Author).toBe('Zoë Ørsted, Łódź Consulting');
		expect(info['Page size']).toContain('(letter)');
		expect(pdfText(bytes)).toContain('Müller & Søn GmbH');
	});

	it('names the file after the report title when one is given', async () => {
		const id = await createAssessment();
		const { headers, bytes } = await getReport(id, '?title=Board%20pack%20Q3');
		expect(headers.get('content-disposition')).toContain(
			'filename="lock-in-radar-board-pack-q3.pdf"'
		);
		expect(pdfInfo(bytes).Title).toBe('Board pack Q3');
	});

	it('answers 404 for an unknown id', async () => {
		const { status, headers, json } = await getReport('AAAAAAAAAAAAAAAAAAAAAA');
		expect(status).toBe(404);
		expect(headers.get('content-type')).toMatch(/^application\/json/);
		expect(json()).toEqual({ error: 'No assessment with this id', issues: [] });
	});

	it('answers 400 with the field path for a bad paper size, an unknown or a repeated parameter', async () => {
		const id = await createAssessment();
		const paper = await getReport(id, '?paper=tabloid');
		expect(paper.status).toBe(400);
		expect(paper.json()).toEqual({
			error: 'The request is invalid',
			issues: [{ path: 'paper', message: 'Paper must be "a4" or "letter"' }]
		});
		const unknown = await getReport(id, '?logo=/etc/passwd');
		expect(unknown.status).toBe(400);
		expect(unknown.json().issues).toEqual([{ path: 'logo', message: 'Unknown field' }]);
		const twice = await getReport(id, '?firm=a&firm=b');
		expect(twice.status).toBe(400);
		expect(twice.json().issues).toEqual([
			{ path: 'firm', message: '"firm" is given more than once' }
		]);
		const long = await getReport(id, `?title=${'x'.repeat(201)}`);
		expect(long.json().issues).toEqual([
			{ path: 'title', message: 'Report title must be at most 200 characters' }
		]);
	});
});
