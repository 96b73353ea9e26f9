import { describe, expect, it } from 'vitest';
import { contentDisposition } from '../../../src/lib/server/evidence';

describe('contentDisposition', () => {
	it('always an attachment, an ASCII fallback and the UTF-8 name', () => {
		expect(contentDisposition('Annex B.pdf')).toBe(
			`attachment; filename="Annex B.pdf"; filename*=UTF-8''Annex%20B.pdf`
		);
		expect(contentDisposition('Übersicht "Preise" (v2).xlsx')).toBe(
			`attachment; filename="_bersicht _Preise_ _v2_.xlsx"; filename*=UTF-8''%C3%9Cbersicht%20%22Preise%22%20%28v2%29.xlsx`
		);
	});
});
