import { describe, expect, it } from 'vitest';
import { bucketFor, DEFAULT_LIMITS, parseLimits, RateLimiter } from '../../../src/lib/server/rate-limit';
import { crossSiteWrite } from '../../../src/lib/server/request-guards';
import { redactPath } from '../../../src/lib/server/redact';

describe('rate limits', () => {
	it('let a client spend its hourly limit, then answer with the seconds to wait', () => {
		const limiter = new RateLimiter({ ...DEFAULT_LIMITS, create: 3 });
		const now = 1_000_000;
		for (let i = 0; i < 3; i++) expect(limiter.take('create', '10.0.0.1', now).ok).toBe(true);
		const refused = limiter.take('create', '10.0.0.1', now);
		expect(refused).toEqual({ ok: false, retryAfter: 1200 });
		expect(limiter.take('create', '10.0.0.2', now).ok).toBe(true);
		expect(limiter.take('share', '10.0.0.1', now).ok).toBe(true);
		expect(limiter.take('create', '10.0.0.1', now + 1_200_000).ok).toBe(true);
	});

	it('are read from RATE_LIMITS, can be switched off, and refuse nonsense', () => {
		expect(parseLimits(undefined)).toEqual(DEFAULT_LIMITS);
		expect(parseLimits('create=5, report=1')).toEqual({ ...DEFAULT_LIMITS, create: 5, report: 1 });
		expect(parseLimits('off')).toBeNull();
		expect(() => parseLimits('create=lots')).toThrow(/RATE_LIMITS/);
		expect(() => parseLimits('teleport=5')).toThrow(/RATE_LIMITS/);
	});

	it('apply to what creates things or burns CPU, not to reading', () => {
		expect(bucketFor('POST', '/api/assessments', '')).toBe('create');
		expect(bucketFor('POST', '/new', '')).toBe('create');
		expect(bucketFor('POST', '/api/assessments/x/shares', '')).toBe('share');
		expect(bucketFor('POST', '/a/x/results', '?/share')).toBe('share');
		expect(bucketFor('POST', '/api/simulate', '')).toBe('simulate');
		expect(bucketFor('GET', '/api/assessments/x/report.pdf', '')).toBe('report');
		expect(bucketFor('GET', '/api/assessments/x', '')).toBeNull();
		expect(bucketFor('PATCH', '/api/assessments/x', '')).toBeNull();
	});
});

describe('cross-site API writes', () => {
	const url = new URL('http://localhost:3000/api/assessments');
	const request = (method: string, headers: Record<string, string>) => new Request(url, { method, headers });

	it('are refused with 403 when a browser on another site sends them', async () => {
		const refused = crossSiteWrite(request('POST', { origin: 'https://evil.example' }), url);
		expect(refused?.status).toBe(403);
		expect((await refused!.json()).issues[0].path).toBe('');
		expect(crossSiteWrite(request('PATCH', { 'sec-fetch-site': 'cross-site' }), url)?.status).toBe(403);
		expect(crossSiteWrite(request('DELETE', { origin: 'null' }), url)?.status).toBe(403);
	});

	it('pass for the same origin, for reads, and for non-browser clients', () => {
		expect(crossSiteWrite(request('POST', { origin: 'http://localhost:3000' }), url)).toBeNull();
		expect(crossSiteWrite(request('GET', { origin: 'https://evil.example' }), url)).toBeNull();
		expect(crossSiteWrite(request('POST', {}), url)).toBeNull();
	});
});

describe('log redaction', () => {
	it('hides edit ids and share tokens', () => {
		expect(redactPath('/s/AbCdEfGhIjKlMnOpQrStUv/fleet')).toBe('/s/[redacted]/fleet');
		expect(redactPath('GET /api/assessments/AbCdEfGhIjKlMnOpQrStUv failed')).toBe('GET /api/assessments/[redacted] failed');
		expect(redactPath('/a/AbCdEfGhIjKlMnOpQrStUv/results')).toBe('/a/[redacted]/results');
	});
});
