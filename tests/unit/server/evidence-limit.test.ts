import { describe, expect, it } from 'vitest';
import { bodySizeLimit, contentDisposition, evidenceLimit } from '../../../src/lib/server/evidence';

describe('the evidence size limit a server states', () => {
	it('reads BODY_SIZE_LIMIT as adapter-node does', () => {
		expect(bodySizeLimit({})).toBe(524_288);
		expect(bodySizeLimit({ BODY_SIZE_LIMIT: '6M' })).toBe(6_291_456);
		expect(bodySizeLimit({ BODY_SIZE_LIMIT: '700k' })).toBe(716_800);
		expect(bodySizeLimit({ BODY_SIZE_LIMIT: '1000000' })).toBe(1_000_000);
		expect(bodySizeLimit({ BODY_SIZE_LIMIT: 'Infinity' })).toBe(Infinity);
	});

	it('is 5 MB, or what BODY_SIZE_LIMIT leaves after 64 KB for the rest of the form', () => {
		expect(evidenceLimit({})).toBe(512 * 1024 - 64 * 1024);
		expect(evidenceLimit({ BODY_SIZE_LIMIT: '6M' })).toBe(5 * 1024 * 1024);
		expect(evidenceLimit({ BODY_SIZE_LIMIT: 'Infinity' })).toBe(5 * 1024 * 1024);
		expect(evidenceLimit({ BODY_SIZE_LIMIT: '10K' })).toBe(0);
	});
});

describe('contentDisposition', () => {
	it('always an attachment, an ASCII fallback and the UTF-8 name', () => {
		expect(contentDisposition('Annex B.pdf')).toBe(`attachment; filename="Annex B.pdf"; filename*=UTF-8''Annex%20B.pdf`);
		expect(contentDisposition('Übersicht "Preise" (v2).xlsx')).toBe(`attachment; filename="_bersicht _Preise_ _v2_.xlsx"; filename*=UTF-8''%C3%9Cbersicht%20%22Preise%22%20%28v2%29.xlsx`);
	});
});
