import { access, constants } from 'node:fs/promises';
import type { Stores } from './store';

export interface Health {
	status: 'ok' | 'unavailable';
	store: 'files' | 'postgresql';
}

/**
 * Whether this server can reach its store right now: a load balancer's health check. On
 * PostgreSQL one `SELECT 1` through the pool (after the migrations); on files, that the data
 * directory can be written.
 */
export async function checkHealth(stores: Stores): Promise<Health> {
	const store = stores.database ? 'postgresql' : 'files';
	try {
		if (stores.database) await stores.database.query('SELECT 1');
		else await access(stores.location, constants.W_OK);
		return { status: 'ok', store };
	} catch {
		return { status: 'unavailable', store };
	}
}
