import { SCHEMA_VERSION } from './schema';

type RawRecord = Record<string, unknown>;

/**
 * Upgrades for stored records, one step per schema version. A record is migrated when it is read;
 * the upgraded shape is written back the next time it is saved. Never edit a step once released:
 * add a new one.
 */
const STEPS: Record<number, (record: RawRecord) => RawRecord> = {
	// v1 (first release) had no share links.
	1: (record) => ({ ...record, shares: record.shares ?? [], schemaVersion: 2 })
};

export class MigrationError extends Error {}

export function migrate(raw: unknown): unknown {
	if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return raw;
	let record = raw as RawRecord;
	let version = typeof record.schemaVersion === 'number' ? record.schemaVersion : 1;
	if (version > SCHEMA_VERSION) {
		throw new MigrationError(
			`Record has schema version ${version}, newer than this server's ${SCHEMA_VERSION}: upgrade the server`
		);
	}
	while (version < SCHEMA_VERSION) {
		const step = STEPS[version];
		if (!step) throw new MigrationError(`No migration from schema version ${version}`);
		record = step(record);
		version = record.schemaVersion as number;
	}
	return record;
}
