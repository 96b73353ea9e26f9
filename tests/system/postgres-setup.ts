import type { TestProject } from 'vitest/node';
import { startPostgresCluster } from '../support/postgres';

declare module 'vitest' {
	export interface ProvidedContext {
		/** A PostgreSQL role that may create databases: DATABASE_URL, or the embedded cluster's. */
		postgresAdminUrl: string;
	}
}

/**
 * One PostgreSQL for the whole run (the machine's own with DATABASE_URL, else an embedded one);
 * each test file that needs it makes its own database there with createTestDatabase.
 */
export default async function setup(project: TestProject) {
	const cluster = await startPostgresCluster();
	project.provide('postgresAdminUrl', cluster.adminUrl);
	return () => cluster.stop();
}
