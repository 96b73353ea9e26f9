import { isIPv6 } from 'node:net';

/** What is rate-limited, per client: the requests that create things, burn CPU or write. */
export const BUCKETS = ['create', 'share', 'simulate', 'report', 'save', 'read'] as const;
export type Bucket = (typeof BUCKETS)[number];

/** Requests per client per hour, unless RATE_LIMITS says otherwise. */
export const DEFAULT_LIMITS: Record<Bucket, number> = {
	create: 120,
	share: 240,
	simulate: 600,
	report: 240,
	// Autosave: one person answering 40 questions with notes in a few minutes sends a few hundred
	// saves, several tabs a few hundred more; a script rewriting a record in a loop is what stops.
	save: 3_000,
	// A tender owner's reads (the tender, the comparison): each scores every offer, and the
	// comparison page re-reads on every what-if weight change; a person never reads 6,000 an hour,
	// a script walking the tender in a loop does.
	read: 6_000
};

/**
 * Reads RATE_LIMITS, e.g. "create=60,report=30" (per hour; unnamed buckets keep their default),
 * or "off". Anything unreadable stops the server at start rather than silently disabling limits.
 */
export function parseLimits(value: string | undefined): Record<Bucket, number> | null {
	if (value === undefined || value.trim() === '') return { ...DEFAULT_LIMITS };
	if (value.trim() === 'off') return null;
	const limits = { ...DEFAULT_LIMITS };
	for (const part of value.split(',')) {
		const match = /^\s*(\w+)\s*=\s*(\d+)\s*$/.exec(part);
		if (!match || !(BUCKETS as readonly string[]).includes(match[1]!)) {
			throw new Error(
				`RATE_LIMITS: cannot read "${part}"; use e.g. "create=60,share=120" or "off"`
			);
		}
		limits[match[1] as Bucket] = Number(match[2]);
	}
	return limits;
}

/** Each bucket refills its hourly limit evenly over this many milliseconds. */
export const HOUR_MS = 3_600_000;
const MAX_CLIENTS = 50_000;

/** A take's answer: go ahead, or wait this many seconds for the next token. */
export type Taken = { ok: true } | { ok: false; retryAfter: number };

/** Whole seconds (at least one) until a bucket holding `tokens` (under one) has a token again. */
export function secondsUntilToken(tokens: number, limit: number): number {
	const perMs = limit / HOUR_MS;
	return Math.max(1, Math.ceil((1 - tokens) / perMs / 1000));
}

/**
 * What the request guard asks: in this process (the file store, one server) or in PostgreSQL
 * (rate-limit-postgres.ts: every server spends from the same buckets).
 */
export interface AsyncRateLimiter {
	take(bucket: Bucket, client: string): Promise<Taken>;
}

interface Tokens {
	tokens: number;
	updated: number;
}

/** Token buckets per client and purpose: a burst up to the hourly limit, refilled evenly. */
export class RateLimiter {
	private readonly clients = new Map<string, Tokens>();

	constructor(private readonly limits: Record<Bucket, number>) {}

	/** Takes one request's token; answers how many seconds to wait when there is none. */
	take(bucket: Bucket, client: string, now = Date.now()): Taken {
		const limit = this.limits[bucket];
		if (limit <= 0) return { ok: false, retryAfter: 3600 };
		const key = `${bucket}\u0000${client}`;
		const perMs = limit / HOUR_MS;
		const entry = this.clients.get(key) ?? { tokens: limit, updated: now };
		entry.tokens = Math.min(limit, entry.tokens + (now - entry.updated) * perMs);
		entry.updated = now;
		if (entry.tokens < 1) {
			this.clients.set(key, entry);
			return { ok: false, retryAfter: secondsUntilToken(entry.tokens, limit) };
		}
		entry.tokens -= 1;
		this.clients.delete(key);
		this.clients.set(key, entry);
		// Oldest entries first in a Map: drop them when a flood of addresses fills it.
		while (this.clients.size > MAX_CLIENTS) this.clients.delete(this.clients.keys().next().value!);
		return { ok: true };
	}
}

/** The in-process limiter behind the guard's interface: the file store's (one server's) limits. */
export function inProcessRateLimiter(limits: Record<Bucket, number>): AsyncRateLimiter {
	const limiter = new RateLimiter(limits);
	return { take: async (bucket, client) => limiter.take(bucket, client) };
}

/**
 * What a request is, as the router sees it: the route SvelteKit matched (`event.route.id`, null
 * when none did), the form action it would run, and the method. Keyed on these, never on the
 * raw path text, so `/api/%73imulate` or `?%2Fshare` spend from the same bucket as the plain forms.
 */
export interface RoutedRequest {
	method: string;
	routeId: string | null;
	/** The path, percent-decoded: used only when no route matched. */
	path: string;
	/** The form action a page POST runs ("default" without one). */
	action: string;
}

type Rule = [method: string, routeId: string, action: string | null, bucket: Bucket];

/**
 * Every route that spends from a bucket; `null` action: a +server endpoint, any query. Every
 * POST/PATCH/PUT/DELETE handler and form action under src/routes must be here (or on the short
 * list of refusals in tests/unit/server/route-buckets.test.ts): that test walks the routes.
 * Creating a record: create; creating a link: share; changing or revoking anything: save; an
 * owner's (or a link's) read that scores every offer: read; building a file: report.
 */
const RULES: Rule[] = [
	['POST', '/api/assessments', null, 'create'],
	['POST', '/api/import', null, 'create'],
	['POST', '/api/tenders', null, 'create'],
	['POST', '/new', 'default', 'create'],
	['POST', '/tenders/new', 'default', 'create'],
	['POST', '/assessments', 'import', 'create'],
	['POST', '/api/assessments/[id]/shares', null, 'share'],
	['POST', '/api/tenders/[id]/offers/[offerId]/respondents', null, 'share'],
	['POST', '/a/[id]/results', 'share', 'share'],
	['POST', '/api/tenders/[id]/shares', null, 'share'],
	['POST', '/t/[id]/compare', 'share', 'share'],
	['POST', '/t/[id]', 'createLink', 'share'],
	['POST', '/api/simulate', null, 'simulate'],
	// Simulates every offer of the tender on the server (the side-by-side table).
	['GET', '/t/[id]/fleet', null, 'simulate'],
	['GET', '/api/assessments/[id]/report.pdf', null, 'report'],
	['GET', '/api/shared/[token]/report.pdf', null, 'report'],
	// The matrix downloads build a file (the .xlsx burns CPU like a report).
	['GET', '/api/tenders/[id]/matrix.csv', null, 'report'],
	['GET', '/api/tenders/[id]/matrix.xlsx', null, 'report'],
	// The questionnaire templates are .xlsx files built on each request, the buyer's and the vendor's.
	['GET', '/api/tenders/[id]/offers/[offerId]/questionnaire', null, 'report'],
	['GET', '/api/respond/[token]/questionnaire', null, 'report'],
	['GET', '/api/tenders/[id]', null, 'read'],
	['GET', '/api/tenders/[id]/comparison', null, 'read'],
	// The tender's pages score every offer on each load (and each what-if weight on the comparison);
	// a comparison link's page and API do the same for whoever holds the link.
	['GET', '/t/[id]', null, 'read'],
	['GET', '/t/[id]/compare', null, 'read'],
	['GET', '/t/[id]/offers/[offerId]', null, 'read'],
	['GET', '/c/[token]', null, 'read'],
	['GET', '/api/shared-comparisons/[token]', null, 'read'],
	['GET', '/api/tenders/[id]/report.pdf', null, 'report'],
	['PATCH', '/api/assessments/[id]', null, 'save'],
	['POST', '/api/assessments/[id]/rescore', null, 'save'],
	['DELETE', '/api/assessments/[id]/shares/[shareId]', null, 'save'],
	['PATCH', '/api/tenders/[id]', null, 'save'],
	['POST', '/api/tenders/[id]/offers', null, 'save'],
	['PATCH', '/api/tenders/[id]/offers/[offerId]/answers/[questionId]', null, 'save'],
	['POST', '/api/tenders/[id]/offers/[offerId]/questionnaire', null, 'save'],
	['DELETE', '/api/tenders/[id]/offers/[offerId]/respondents/[respondentId]', null, 'save'],
	['POST', '/api/tenders/[id]/offers/[offerId]/respondents/[respondentId]/reopen', null, 'save'],
	['DELETE', '/api/tenders/[id]/shares/[shareId]', null, 'save'],
	['POST', '/t/[id]/compare', 'save', 'save'],
	['POST', '/t/[id]/compare', 'reset', 'save'],
	['POST', '/t/[id]/compare', 'revoke', 'save'],
	// The tender page's forms: details and fleet, scoring, offers, links, the spreadsheet route.
	['POST', '/t/[id]', 'details', 'save'],
	['POST', '/t/[id]', 'scoring', 'save'],
	['POST', '/t/[id]', 'addOffer', 'save'],
	['POST', '/t/[id]', 'revokeLink', 'save'],
	['POST', '/t/[id]', 'reopenLink', 'save'],
	['POST', '/t/[id]', 'previewUpload', 'save'],
	['POST', '/t/[id]', 'applyUpload', 'save'],
	// The buyer's judgement of one answer, as PATCH .../answers/{questionId} does it.
	['POST', '/t/[id]/offers/[offerId]', 'verify', 'save'],
	['POST', '/t/[id]/offers/[offerId]', 'dispute', 'save'],
	['POST', '/t/[id]/offers/[offerId]', 'reject', 'save'],
	['POST', '/t/[id]/offers/[offerId]', 'answer', 'save'],
	['POST', '/t/[id]/offers/[offerId]', 'note', 'save'],
	['PATCH', '/api/respond/[token]', null, 'save'],
	['POST', '/api/respond/[token]/submit', null, 'save'],
	['POST', '/api/respond/[token]/questionnaire', null, 'save'],
	['POST', '/respond/[token]', 'save', 'save'],
	['POST', '/respond/[token]', 'submit', 'save'],
	['POST', '/respond/[token]', 'upload', 'save'],
	['POST', '/api/respond/[token]/evidence/[questionId]', null, 'save'],
	['DELETE', '/api/respond/[token]/evidence/[questionId]/[fileId]', null, 'save'],
	['POST', '/respond/[token]', 'attach', 'save'],
	['POST', '/respond/[token]', 'remove', 'save'],
	['POST', '/a/[id]/[area]', 'default', 'save'],
	['POST', '/a/[id]/fleet', 'default', 'save'],
	['POST', '/a/[id]/results', 'costs', 'save'],
	['POST', '/a/[id]/results', 'rescorePreview', 'save'],
	['POST', '/a/[id]/results', 'rescore', 'save'],
	['POST', '/a/[id]/results', 'revoke', 'save']
];

/** A route id as a pattern over decoded paths, for requests no route matched. */
const pathPattern = (routeId: string) =>
	new RegExp(`^${routeId.replace(/[.]/g, '\\.').replace(/\[[^\]]+\]/g, '[^/]+')}/?$`);
const PATTERNS = new Map(RULES.map(([, routeId]) => [routeId, pathPattern(routeId)]));

/** The form action SvelteKit runs: the first query key starting with "/", as it reads it. */
export function actionOf(url: URL): string {
	const key = [...url.searchParams.keys()].find((name) => name.startsWith('/'));
	return key === undefined ? 'default' : key.slice(1);
}

/** The path as the router reads it: percent-decoded (left as sent if it cannot be decoded). */
export function decodedPath(url: URL): string {
	try {
		return decodeURIComponent(url.pathname);
	} catch {
		return url.pathname;
	}
}

/** Which bucket a request spends from, if any. HEAD runs the GET handler, so it counts as GET. */
export function bucketFor({ method, routeId, path, action }: RoutedRequest): Bucket | null {
	const verb = method === 'HEAD' ? 'GET' : method;
	for (const [ruleMethod, ruleRoute, ruleAction, bucket] of RULES) {
		if (ruleMethod !== verb) continue;
		if (ruleAction !== null && ruleAction !== action) continue;
		if (routeId !== null ? routeId === ruleRoute : PATTERNS.get(ruleRoute)!.test(path))
			return bucket;
	}
	return null;
}

/**
 * The client a limit applies to: an IPv4 address, or the /64 an IPv6 address belongs to (one
 * subscriber's network gets a /64 and can pick any address in it). IPv4-mapped IPv6 is IPv4.
 */
export function clientKey(address: string): string {
	const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
	if (mapped) return mapped[1]!;
	if (!isIPv6(address)) return address;
	const [head = '', tail = ''] = address.toLowerCase().split('::');
	const left = head ? head.split(':') : [];
	const right = tail ? tail.split(':') : [];
	const groups = address.includes('::')
		? [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right]
		: left;
	return `${groups
		.slice(0, 4)
		.map((group) => group.replace(/^0+(?=.)/, ''))
		.join(':')}::/64`;
}
