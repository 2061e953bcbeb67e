/**
 * Fixed-window counters for sign-in and join-code guessing. In one process they live in memory;
 * the scaling-out work moves them to Redis behind the same interface.
 */
export interface RateLimiter {
	/** Count one hit for `key`; returns false once the key is over `limit` in the window. */
	hit(key: string, limit: number, windowMs: number): boolean;
	/** How many hits `key` has in its current window. */
	peek(key: string, windowMs: number): number;
	reset(key: string): void;
}

export function createMemoryRateLimiter(now: () => number = Date.now): RateLimiter {
	const windows = new Map<string, { start: number; count: number }>();
	const current = (key: string, windowMs: number) => {
		const t = now();
		let w = windows.get(key);
		if (!w || t - w.start >= windowMs) {
			w = { start: t, count: 0 };
			windows.set(key, w);
		}
		if (windows.size > 50000) {
			for (const [k, v] of windows) if (t - v.start >= windowMs) windows.delete(k);
		}
		return w;
	};
	return {
		hit(key, limit, windowMs) {
			const w = current(key, windowMs);
			w.count += 1;
			return w.count <= limit;
		},
		peek: (key, windowMs) => current(key, windowMs).count,
		reset: (key) => void windows.delete(key)
	};
}
