import { describe, expect, it } from 'vitest';
import { bucketFor } from '../../../src/lib/server/rate-limit';

describe('the tender report is rate-limited as a report', () => {
	it('spends from the report bucket for GET and HEAD, by route or by decoded path', () => {
		const routeId = '/api/tenders/[id]/report.pdf';
		const path = '/api/tenders/AAAAAAAAAAAAAAAAAAAAAA/report.pdf';
		expect(bucketFor({ method: 'GET', routeId, path, action: 'default' })).toBe('report');
		expect(bucketFor({ method: 'HEAD', routeId, path, action: 'default' })).toBe('report');
		expect(bucketFor({ method: 'GET', routeId: null, path, action: 'default' })).toBe('report');
	});
});
