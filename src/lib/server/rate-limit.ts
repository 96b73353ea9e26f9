/** What is rate-limited, per client: the requests that create things or burn CPU. */
export const BUCKETS = ['create', 'share', 'simulate', 'report'] as const;
export type Bucket = (typeof BUCKETS)[number];

/** Requests per client per hour, unless RATE_LIMITS says otherwise. */
export const DEFAULT_LIMITS: Record<Bucket, number> = {
	create: 120,
	share: 240,
	simulate: 600,
	report: 240
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
			throw new Error(`RATE_LIMITS: cannot read "${part}"; use e.g. "create=60,share=120" or "off"`);
		}
		limits[match[1] as Bucket] = Number(match[2]);
	}
	return limits;
}

const HOUR_MS = 3_600_000;
const MAX_CLIENTS = 50_000;

interface Tokens {
	tokens: number;
	updated: number;
}

/** Token buckets per client and purpose: a burst up to the hourly limit, refilled evenly. */
export class RateLimiter {
	private readonly clients = new Map<string, Tokens>();

	constructor(private readonly limits: Record<Bucket, number>) {}

	/** Takes one request's token; answers how many seconds to wait when there is none. */
	take(bucket: Bucket, client: string, now = Date.now()): { ok: true } | { ok: false; retryAfter: number } {
		const limit = this.limits[bucket];
		if (limit <= 0) return { ok: false, retryAfter: 3600 };
		const key = `${bucket}\u0000${client}`;
		const perMs = limit / HOUR_MS;
		const entry = this.clients.get(key) ?? { tokens: limit, updated: now };
		entry.tokens = Math.min(limit, entry.tokens + (now - entry.updated) * perMs);
		entry.updated = now;
		if (entry.tokens < 1) {
			this.clients.set(key, entry);
			return { ok: false, retryAfter: Math.max(1, Math.ceil((1 - entry.tokens) / perMs / 1000)) };
		}
		entry.tokens -= 1;
		this.clients.delete(key);
		this.clients.set(key, entry);
		// Oldest entries first in a Map: drop them when a flood of addresses fills it.
		while (this.clients.size > MAX_CLIENTS) this.clients.delete(this.clients.keys().next().value!);
		return { ok: true };
	}
}

/** Which bucket a request spends from, if any. */
export function bucketFor(method: string, path: string, search: string): Bucket | null {
	if (method === 'POST') {
		if (path === '/api/assessments' || path === '/api/import' || path === '/new') return 'create';
		if (path === '/assessments' && search.includes('/import')) return 'create';
		if (/^\/api\/assessments\/[^/]+\/shares$/.test(path)) return 'share';
		if (/^\/a\/[^/]+\/results$/.test(path) && search.includes('/share')) return 'share';
		if (path === '/api/simulate') return 'simulate';
	}
	if (method === 'GET' && path.endsWith('/report.pdf')) return 'report';
	return null;
}
