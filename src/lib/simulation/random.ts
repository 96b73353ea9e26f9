/**
 * Counter-based randomness: every draw is a pure function of (seed, a, b), so any device's month
 * can be recomputed on demand (the inventory) and both architectures see the same draws.
 */
export function hash32(seed: number, a: number, b: number): number {
	let h = (seed ^ Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 0x632be5ab, 0x85ebca77)) >>> 0;
	h ^= h >>> 16;
	h = Math.imul(h, 0x7feb352d);
	h ^= h >>> 15;
	h = Math.imul(h, 0x846ca68b);
	h ^= h >>> 16;
	return h >>> 0;
}

/** Uniform in (0, 1). */
export function uniform(seed: number, a: number, b: number): number {
	return (hash32(seed, a, b) + 0.5) / 4294967296;
}

/**
 * An approximately standard normal draw from one hash: the sum of its four bytes (Irwin-Hall),
 * centred and scaled. Tails stop near ±3.4 sigma, which is plenty for usage noise, and it costs
 * no logarithm or trigonometry in the per-device loop.
 */
export function normal(seed: number, a: number, b: number): number {
	const h = hash32(seed, a, b);
	const sum = (h & 0xff) + ((h >>> 8) & 0xff) + ((h >>> 16) & 0xff) + (h >>> 24);
	return (sum - 510) / 147.8;
}

/** A sequential stream (mulberry32) for sparse events such as outages. */
export function stream(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}
