import type { Migration } from '../migrate';
import records from './001-records.sql?raw';
import rateLimits from './002-rate-limits.sql?raw';

/**
 * Every migration, in the order they run: the SQL files beside this one, bundled into the server
 * and the data CLI at build time (Vite's `?raw`), so a deploy is one artefact. Add a file and a
 * line here; never edit a file that has run (its checksum is kept and checked at start-up).
 */
export const MIGRATIONS: Migration[] = [
	{ name: '001-records', sql: records },
	{ name: '002-rate-limits', sql: rateLimits }
];
