import { describe, expect, it } from 'vitest';
import { connectionTimeoutEnv } from '$lib/server/connection-timeouts';

describe('connection timeouts for node build', () => {
	it('outlasts the 60 s idle timeout of nginx and common load balancers when nothing is set', () => {
		const env = connectionTimeoutEnv({});
		expect(Number(env.KEEP_ALIVE_TIMEOUT)).toBeGreaterThan(60);
		// Node requires headersTimeout above keepAliveTimeout, or idle sockets are cut early.
		expect(Number(env.HEADERS_TIMEOUT)).toBeGreaterThan(Number(env.KEEP_ALIVE_TIMEOUT));
	});

	it("keeps the operator's values", () => {
		expect(connectionTimeoutEnv({ KEEP_ALIVE_TIMEOUT: '120', HEADERS_TIMEOUT: '130' })).toEqual({
			KEEP_ALIVE_TIMEOUT: '120',
			HEADERS_TIMEOUT: '130'
		});
	});
});
