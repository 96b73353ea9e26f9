import { describe, expect, it } from 'vitest';
import { exportDocumentSchema } from '../../../src/lib/assessment/export-format';
import { instanceHeader, validateInstance } from '../../../src/lib/server/instance-export';

const none = { checkAssessment: () => [], checkTender: () => [] };
const header = { format: 'lock-in-radar/assessments', exportedAt: '2026-12-02T00:00:00.000Z' };

describe('the whole-instance export document', () => {
	it('is format version 2, under the same format name', () => {
		expect(instanceHeader(new Date('2026-12-02T00:00:00Z'))).toEqual({
			...header,
			formatVersion: 2
		});
	});

	it('reads version 1 (assessments only) and version 2 (with tenders, which may be absent)', () => {
		expect(validateInstance({ ...header, formatVersion: 1, assessments: [] }, none)).toEqual({
			ok: true,
			assessments: [],
			tenders: []
		});
		expect(
			validateInstance({ ...header, formatVersion: 2, assessments: [], tenders: [] }, none)
		).toEqual({ ok: true, assessments: [], tenders: [] });
		expect(validateInstance({ ...header, formatVersion: 2, assessments: [] }, none)).toEqual({
			ok: true,
			assessments: [],
			tenders: []
		});
	});

	it('refuses tenders in a version 1 file, an unknown version, and a tender that does not parse, by path', () => {
		const v1 = validateInstance(
			{ ...header, formatVersion: 1, assessments: [], tenders: [] },
			none
		);
		expect(v1).toEqual({
			ok: false,
			issues: [
				{ path: 'tenders', message: 'Format version 1 carries no tenders: use formatVersion 2' }
			]
		});
		const v3 = validateInstance({ ...header, formatVersion: 3, assessments: [] }, none);
		expect(v3.ok ? [] : v3.issues.map((i) => i.path)).toEqual(['formatVersion']);
		const broken = validateInstance(
			{ ...header, formatVersion: 2, assessments: [], tenders: [{ id: 'x' }] },
			none
		);
		expect(broken.ok).toBe(false);
		if (!broken.ok) expect(broken.issues.every((i) => i.path.startsWith('tenders.0'))).toBe(true);
	});

	it('a whole-instance backup sent to the web import is told where it belongs', () => {
		const parsed = exportDocumentSchema.safeParse({ ...header, formatVersion: 2, assessments: [] });
		expect(parsed.success).toBe(false);
		expect(parsed.error!.issues[0]!.message).toContain('npm run data -- import');
	});
});
