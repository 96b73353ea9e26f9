import { describe, expect, it } from 'vitest';
import { brandingQuerySchema, brandingSchema } from '../../../src/lib/report/branding';
import { issuesOf } from '../../../src/lib/validation/issues';
import {
	contentDisposition,
	reportFileName,
	slugify,
	unicodeSlug
} from '../../../src/lib/report/filename';

describe('branding', () => {
	it('trims text, drops control characters and treats empty text as not given', () => {
		const parsed = brandingSchema.parse({
			consultantName: '  Zoë\u0000 Ørsted \n',
			firm: '   ',
			reportTitle: 'Q3\treview'
		});
		expect(parsed).toEqual({
			consultantName: 'Zoë Ørsted',
			firm: undefined,
			reportTitle: 'Q3 review',
			paper: 'a4',
			logo: undefined
		});
	});

	it('limits text to 200 characters and names the field', () => {
		const parsed = brandingSchema.safeParse({ firm: 'x'.repeat(201) });
		expect(parsed.success).toBe(false);
		expect(issuesOf(parsed.error!)).toEqual([
			{ path: 'firm', message: 'Firm must be at most 200 characters' }
		]);
	});

	it('reads query parameters, with paper case-insensitive and A4 by default', () => {
		expect(
			brandingQuerySchema.parse({ consultant: 'Zoë', firm: 'Łódź Consulting', title: 'Review' })
		).toEqual({
			consultantName: 'Zoë',
			firm: 'Łódź Consulting',
			reportTitle: 'Review',
			paper: 'a4'
		});
		expect(brandingQuerySchema.parse({ paper: 'Letter' }).paper).toBe('letter');
	});

	it('refuses an unknown paper size or an unknown parameter, with the field path', () => {
		const paper = brandingQuerySchema.safeParse({ paper: 'tabloid' });
		expect(issuesOf(paper.error!)).toEqual([
			{ path: 'paper', message: 'Paper must be "a4" or "letter"' }
		]);
		const unknown = brandingQuerySchema.safeParse({ consultnat: 'typo' });
		expect(issuesOf(unknown.error!)).toEqual([{ path: 'consultnat', message: 'Unknown field' }]);
	});
});

describe('file names', () => {
	it('slugs titles to ASCII', () => {
		expect(slugify('Müller & Søn: Łódź 2027')).toBe('muller-son-lodz-2027');
		expect(slugify('İstanbul Şişli — Straße')).toBe('istanbul-sisli-strasse');
		expect(slugify('<script>alert("x")</script>')).toBe('script-alert-x-script');
		expect(slugify('日本')).toBe('report');
		expect(slugify('a'.repeat(100))).toHaveLength(60);
		expect(reportFileName('Smart meters 2027')).toBe('lock-in-radar-smart-meters-2027.pdf');
	});

	it('keeps letters of any script in the UTF-8 name', () => {
		expect(unicodeSlug('Müller & Søn: Łódź 2027')).toBe('müller-søn-łódź-2027');
		expect(unicodeSlug('日本の計画')).toBe('日本の計画');
		expect(unicodeSlug('<>"')).toBe('report');
		expect(reportFileName('İstanbul Şişli', { unicode: true })).toBe(
			'lock-in-radar-istanbul-şişli.pdf'
		);
	});

	it('gives an ASCII filename and a UTF-8 filename* (RFC 5987)', () => {
		expect(contentDisposition('Müller & Søn (DE)')).toBe(
			`attachment; filename="lock-in-radar-muller-son-de.pdf"; filename*=UTF-8''lock-in-radar-m%C3%BCller-s%C3%B8n-de.pdf`
		);
		expect(contentDisposition(`a/b\\c"d'e`)).toBe(
			`attachment; filename="lock-in-radar-a-b-c-d-e.pdf"; filename*=UTF-8''lock-in-radar-a-b-c-d-e.pdf`
		);
	});
});
