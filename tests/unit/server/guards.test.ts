import { describe, expect, it } from 'vitest';
import {
	bucketFor,
	clientKey,
	DEFAULT_LIMITS,
	parseLimits,
	RateLimiter
} from '../../../src/lib/server/rate-limit';
import { crossSiteWrite } from '../../../src/lib/server/request-guards';
import { redactPath } from '../../../src/lib/server/redact';
import { shareUrl } from '../../../src/lib/server/origin';

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

	const routed = (method: string, routeId: string | null, action = 'default', path = '') => ({
		method,
		routeId,
		action,
		path
	});

	it('apply to what creates things or burns CPU, not to reading', () => {
		expect(bucketFor(routed('POST', '/api/assessments'))).toBe('create');
		expect(bucketFor(routed('POST', '/new'))).toBe('create');
		expect(bucketFor(routed('POST', '/assessments', 'import'))).toBe('create');
		expect(bucketFor(routed('POST', '/api/assessments/[id]/shares'))).toBe('share');
		expect(bucketFor(routed('POST', '/a/[id]/results', 'share'))).toBe('share');
		expect(bucketFor(routed('POST', '/api/simulate'))).toBe('simulate');
		expect(bucketFor(routed('GET', '/api/assessments/[id]/report.pdf'))).toBe('report');
		expect(bucketFor(routed('GET', '/api/shared/[token]/report.pdf'))).toBe('report');
		expect(bucketFor(routed('GET', '/api/assessments/[id]'))).toBeNull();
		// Revoking a link is a change: it counts in save (route-buckets.test.ts walks every write).
		expect(bucketFor(routed('POST', '/a/[id]/results', 'revoke'))).toBe('save');
	});

	it('count comparison links like share links: creating in share, revoking and weights in save, reading the comparison in read', () => {
		expect(bucketFor(routed('POST', '/api/tenders/[id]/shares'))).toBe('share');
		expect(bucketFor(routed('POST', '/t/[id]/compare', 'share'))).toBe('share');
		expect(bucketFor(routed('POST', null, 'default', '/api/tenders/x/shares'))).toBe('share');
		expect(bucketFor(routed('DELETE', '/api/tenders/[id]/shares/[shareId]'))).toBe('save');
		expect(bucketFor(routed('POST', '/t/[id]/compare', 'save'))).toBe('save');
		expect(bucketFor(routed('POST', '/t/[id]/compare', 'reset'))).toBe('save');
		expect(bucketFor(routed('GET', '/api/tenders/[id]/shares'))).toBeNull();
		// Reading through a link scores every offer, like the owner's comparison.
		expect(bucketFor(routed('GET', '/api/shared-comparisons/[token]'))).toBe('read');
		expect(bucketFor(routed('GET', '/c/[token]'))).toBe('read');
	});

	it("count tender writes like assessment writes (creating in create, changes in save), the owner's reads in read, matrix downloads in report", () => {
		expect(bucketFor(routed('POST', '/api/tenders'))).toBe('create');
		expect(bucketFor(routed('PATCH', '/api/tenders/[id]'))).toBe('save');
		expect(bucketFor(routed('POST', '/api/tenders/[id]/offers'))).toBe('save');
		expect(
			bucketFor(routed('PATCH', '/api/tenders/[id]/offers/[offerId]/answers/[questionId]'))
		).toBe('save');
		expect(bucketFor(routed('PATCH', null, 'default', '/api/tenders/x/offers/y/answers/z'))).toBe(
			'save'
		);
		expect(bucketFor(routed('GET', '/api/tenders/[id]'))).toBe('read');
		expect(bucketFor(routed('HEAD', '/api/tenders/[id]'))).toBe('read');
		expect(bucketFor(routed('GET', '/api/tenders/[id]/comparison'))).toBe('read');
		expect(bucketFor(routed('GET', null, 'default', '/api/tenders/x/comparison'))).toBe('read');
		expect(bucketFor(routed('GET', '/api/tenders/[id]/matrix.csv'))).toBe('report');
		expect(bucketFor(routed('GET', '/api/tenders/[id]/matrix.xlsx'))).toBe('report');
		// The tender's fleet page simulates every offer on the server; its data request is the same route.
		expect(bucketFor(routed('GET', '/t/[id]/fleet'))).toBe('simulate');
		expect(bucketFor(routed('GET', null, 'default', '/t/x/fleet'))).toBe('simulate');
		// An assessment's owner reads stay unlimited, as before.
		expect(bucketFor(routed('GET', '/api/assessments/[id]'))).toBeNull();
	});

	it("count respondent links: creating one in share, the buyer's changes and every vendor write in save, reads in none", () => {
		expect(bucketFor(routed('POST', '/api/tenders/[id]/offers/[offerId]/respondents'))).toBe(
			'share'
		);
		expect(
			bucketFor(routed('DELETE', '/api/tenders/[id]/offers/[offerId]/respondents/[respondentId]'))
		).toBe('save');
		expect(
			bucketFor(
				routed('POST', '/api/tenders/[id]/offers/[offerId]/respondents/[respondentId]/reopen')
			)
		).toBe('save');
		expect(bucketFor(routed('PATCH', '/api/respond/[token]'))).toBe('save');
		expect(bucketFor(routed('PATCH', null, 'default', '/api/respond/x'))).toBe('save');
		expect(bucketFor(routed('POST', '/api/respond/[token]/submit'))).toBe('save');
		expect(bucketFor(routed('POST', '/api/respond/[token]/questionnaire'))).toBe('save');
		expect(bucketFor(routed('GET', '/api/respond/[token]'))).toBeNull();
		expect(bucketFor(routed('GET', '/api/tenders/[id]/offers/[offerId]/respondents'))).toBeNull();
	});

	it("count evidence files: attaching and removing in save (API and the page's forms), the buyer's download in none", () => {
		expect(bucketFor(routed('POST', '/api/respond/[token]/evidence/[questionId]'))).toBe('save');
		expect(bucketFor(routed('POST', null, 'default', '/api/respond/x/evidence/y'))).toBe('save');
		expect(bucketFor(routed('DELETE', '/api/respond/[token]/evidence/[questionId]/[fileId]'))).toBe(
			'save'
		);
		expect(bucketFor(routed('POST', '/respond/[token]', 'attach'))).toBe('save');
		expect(bucketFor(routed('POST', '/respond/[token]', 'remove'))).toBe('save');
		expect(
			bucketFor(routed('GET', '/api/tenders/[id]/offers/[offerId]/evidence/[fileId]'))
		).toBeNull();
	});

	it('count HEAD as GET, and saves (PATCH and the save forms) in their own bucket', () => {
		expect(bucketFor(routed('HEAD', '/api/assessments/[id]/report.pdf'))).toBe('report');
		expect(bucketFor(routed('PATCH', '/api/assessments/[id]'))).toBe('save');
		expect(bucketFor(routed('POST', '/a/[id]/[area]'))).toBe('save');
		expect(bucketFor(routed('POST', '/a/[id]/fleet'))).toBe('save');
		expect(bucketFor(routed('POST', '/a/[id]/results', 'costs'))).toBe('save');
		expect(parseLimits('save=10')?.save).toBe(10);
	});

	it('match an unrouted request by its decoded path against the same routes', () => {
		expect(bucketFor(routed('POST', null, 'default', '/api/simulate/'))).toBe('simulate');
		expect(bucketFor(routed('GET', null, 'default', '/api/assessments/x/report.pdf'))).toBe(
			'report'
		);
		expect(bucketFor(routed('GET', null, 'default', '/api/assessments/x/reportXpdf'))).toBeNull();
	});

	it('count an IPv6 client per /64 and an IPv4 client per address', () => {
		expect(clientKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
		expect(clientKey('2001:0db8:0001:0002:ffff:ffff:ffff:ffff')).toBe('2001:db8:1:2::/64');
		expect(clientKey('2001:db8::5')).toBe('2001:db8:0:0::/64');
		expect(clientKey('::1')).toBe('0:0:0:0::/64');
		expect(clientKey('::ffff:10.1.2.3')).toBe('10.1.2.3');
		expect(clientKey('10.1.2.3')).not.toBe(clientKey('10.1.2.4'));
		const limiter = new RateLimiter({ ...DEFAULT_LIMITS, create: 1 });
		expect(limiter.take('create', clientKey('2001:db8:1:2::a')).ok).toBe(true);
		expect(limiter.take('create', clientKey('2001:db8:1:2::b')).ok).toBe(false);
		expect(limiter.take('create', clientKey('2001:db8:1:3::a')).ok).toBe(true);
	});
});

describe('cross-site writes', () => {
	const url = new URL('https://localhost:3000/api/assessments');
	const request = (method: string, headers: Record<string, string>) =>
		new Request('http://localhost:3000/api/assessments', {
			method,
			headers: { host: 'localhost:3000', ...headers }
		});
	const noConfig = {};

	it('are refused with 403 when a browser on another site sends them', async () => {
		const refused = crossSiteWrite(
			request('POST', { origin: 'https://evil.example' }),
			url,
			true,
			noConfig
		);
		expect(refused?.status).toBe(403);
		expect((await refused!.json()).issues[0].path).toBe('');
		expect(
			crossSiteWrite(request('PATCH', { 'sec-fetch-site': 'cross-site' }), url, true, noConfig)
				?.status
		).toBe(403);
		expect(crossSiteWrite(request('DELETE', { origin: 'null' }), url, true, noConfig)?.status).toBe(
			403
		);
	});

	it('pass for the same origin on plain HTTP with nothing configured, for reads, and for non-browser clients', () => {
		// adapter-node reports https://<Host> when ORIGIN is unset; the browser says http.
		expect(
			crossSiteWrite(request('POST', { origin: 'http://localhost:3000' }), url, true, noConfig)
		).toBeNull();
		expect(
			crossSiteWrite(request('GET', { origin: 'https://evil.example' }), url, true, noConfig)
		).toBeNull();
		expect(
			crossSiteWrite(request('POST', { 'content-type': 'application/json' }), url, true, noConfig)
		).toBeNull();
	});

	it('refuse form posts from another site or with no Origin, with a page or the JSON an enhanced form reads', async () => {
		const form = { 'content-type': 'application/x-www-form-urlencoded' };
		const page = crossSiteWrite(
			request('POST', { ...form, origin: 'http://evil.example' }),
			url,
			false,
			noConfig
		);
		expect(page?.status).toBe(403);
		expect(page?.headers.get('content-type')).toMatch(/text\/html/);
		expect(await page!.text()).toMatch(/nothing was changed/i);
		const enhanced = crossSiteWrite(
			request('POST', { ...form, origin: 'http://evil.example', accept: 'application/json' }),
			url,
			false,
			noConfig
		);
		expect(await enhanced!.json()).toEqual({
			message: 'Cross-site POST form submissions are forbidden'
		});
		expect(crossSiteWrite(request('POST', form), url, false, noConfig)?.status).toBe(403);
		expect(
			crossSiteWrite(
				request('POST', { ...form, origin: 'http://localhost:3000' }),
				url,
				false,
				noConfig
			)
		).toBeNull();
	});

	it("follow ORIGIN when it is configured: the proxy's public origin, not the Host header, governs", () => {
		const env = { ORIGIN: 'https://radar.example.com' };
		const form = { 'content-type': 'application/x-www-form-urlencoded' };
		expect(
			crossSiteWrite(
				request('POST', { ...form, origin: 'https://radar.example.com' }),
				url,
				false,
				env
			)
		).toBeNull();
		expect(
			crossSiteWrite(request('POST', { ...form, origin: 'http://localhost:3000' }), url, false, env)
				?.status
		).toBe(403);
	});

	it('follow the proxy headers when they are configured', () => {
		const proxied = new URL('https://radar.example.com/api/assessments');
		const env = { PROTOCOL_HEADER: 'x-forwarded-proto', HOST_HEADER: 'x-forwarded-host' };
		expect(
			crossSiteWrite(request('POST', { origin: 'https://radar.example.com' }), proxied, true, env)
		).toBeNull();
		expect(
			crossSiteWrite(request('POST', { origin: 'http://localhost:3000' }), proxied, true, env)
				?.status
		).toBe(403);
	});
});

describe('share links', () => {
	const url = new URL('https://localhost:3000/a/x/results');
	const withHost = (host: string) => new Request('http://x/', { headers: { host } });

	it('use ORIGIN when configured, whatever Host the request names', () => {
		expect(
			shareUrl(withHost('evil.example'), url, 'TOKEN', { ORIGIN: 'https://radar.example.com/' })
		).toBe('https://radar.example.com/s/TOKEN');
	});

	it('use the real scheme and an allowed Host without configuration', () => {
		expect(shareUrl(withHost('localhost:3000'), url, 'TOKEN', {})).toBe(
			'http://localhost:3000/s/TOKEN'
		);
		expect(shareUrl(withHost('127.0.0.1:8080'), url, 'TOKEN', {})).toBe(
			'http://127.0.0.1:8080/s/TOKEN'
		);
		expect(shareUrl(withHost('[::1]:3000'), url, 'TOKEN', {})).toBe('http://[::1]:3000/s/TOKEN');
		expect(shareUrl(withHost('radar.lan:3000'), url, 'TOKEN', { ALLOWED_HOSTS: 'radar.lan' })).toBe(
			'http://radar.lan:3000/s/TOKEN'
		);
	});

	it('fall back to a path when the Host is not on the allow list', () => {
		expect(shareUrl(withHost('evil.example'), url, 'TOKEN', {})).toBe('/s/TOKEN');
		expect(shareUrl(withHost('localhost:3000'), url, 'TOKEN', { ALLOWED_HOSTS: 'radar.lan' })).toBe(
			'/s/TOKEN'
		);
	});
});

describe('log redaction', () => {
	it('hides edit ids and share tokens', () => {
		expect(redactPath('/s/AbCdEfGhIjKlMnOpQrStUv/fleet')).toBe('/s/[redacted]/fleet');
		expect(redactPath('GET /api/assessments/AbCdEfGhIjKlMnOpQrStUv failed')).toBe(
			'GET /api/assessments/[redacted] failed'
		);
		expect(redactPath('/a/AbCdEfGhIjKlMnOpQrStUv/results')).toBe('/a/[redacted]/results');
		// A tender id is its edit key; a mistyped one (not 22 characters) is hidden too.
		expect(redactPath('PATCH /api/tenders/AbCdEfGhIjKlMnOpQrStUv/offers failed')).toBe(
			'PATCH /api/tenders/[redacted]/offers failed'
		);
		expect(redactPath('GET /api/tenders/AbCdEfGhIjKlMnOpQrStU/comparison')).toBe(
			'GET /api/tenders/[redacted]/comparison'
		);
		// A respondent token opens an offer's questionnaire: hidden in its API path and its page path.
		expect(redactPath('PATCH /api/respond/AbCdEfGhIjKlMnOpQrStUv failed')).toBe(
			'PATCH /api/respond/[redacted] failed'
		);
		expect(redactPath('GET /api/respond/AbCdEfGhIjKlMnOpQrSt%75v/submit')).toBe(
			'GET /api/respond/[redacted]/submit'
		);
		expect(redactPath('/respond/AbCdEfGhIjKlMnOpQrStUv')).toBe('/respond/[redacted]');
	});
});
