/**
 * What `node build` runs (build/index.js; the adapter's own server is build/server.js). adapter-node
 * reads BODY_SIZE_LIMIT once, for every request; evidence uploads need more than the rest. So
 * before the adapter loads, it gets the largest limit a route needs, and the operator's
 * BODY_SIZE_LIMIT is kept for the hooks, which hold every other route to it (body-limit.ts).
 */
import { adapterEnv } from './body-limit';
import { connectionTimeoutEnv } from './connection-timeouts';

Object.assign(process.env, adapterEnv(process.env), connectionTimeoutEnv(process.env));

// Imported only now: the adapter reads the environment as its module loads.
// @ts-expect-error build/server.js exists only in the build, beside this file.
await import('./server.js');
