import { afterAll, beforeAll, inject } from 'vitest';
import { createTestDatabase, dropTestDatabase } from '../support/postgres';
import { revisionSuite } from './revision-suite';
import { startServer } from './server';

const adminUrl = inject('postgresAdminUrl');
let databaseUrl: string;
beforeAll(async () => {
	databaseUrl = await createTestDatabase(adminUrl);
});
afterAll(async () => {
	await dropTestDatabase(adminUrl, databaseUrl);
});

revisionSuite('PostgreSQL', () => startServer({ env: { DATABASE_URL: databaseUrl } }));
