import { RecordExistsError, StoredRecordError, type RecordKind } from '../file-store';
import { isValidId } from '../../ids';
import type { RecordStore } from '../types';
import type { Database } from './database';

/** The tables of migration 001, by the file store's folder names. */
const TABLES = { assessments: 'assessments', tenders: 'tenders' } as const;

/**
 * One row per record (id primary key, json body), with the file store's guarantees across any
 * number of servers: create is one INSERT the primary key refuses for a taken id; update reads
 * the row FOR UPDATE in a transaction, so two servers changing one record run one after the other
 * and neither change is lost; the write commits whole or not at all.
 */
export function createPgRecordStore<T extends { id: string; revision: number }>(
	db: Database,
	kind: RecordKind<T>
): RecordStore<T> {
	const table = TABLES[kind.folder as keyof typeof TABLES];
	if (!table) throw new Error(`No table for ${kind.folder}`);
	const capitalised = kind.name.charAt(0).toUpperCase() + kind.name.slice(1);

	const parse = (id: string, body: unknown): T => {
		const parsed = kind.parse(body);
		if (!parsed.success) throw new StoredRecordError(id, parsed.error.message, kind.name);
		return parsed.data;
	};

	return {
		async create(record) {
			if (!isValidId(record.id)) throw new Error('invalid id');
			const checked = kind.check(record);
			const { rowCount } = await db.query(
				`INSERT INTO ${table} (id, revision, body) VALUES ($1, $2, $3::json) ON CONFLICT (id) DO NOTHING`,
				[checked.id, checked.revision, JSON.stringify(checked)]
			);
			if (rowCount === 0) throw new RecordExistsError(record.id, capitalised);
		},

		async read(id) {
			if (!isValidId(id)) return null;
			const { rows } = await db.query<{ body: unknown }>(
				`SELECT body FROM ${table} WHERE id = $1`,
				[id]
			);
			return rows[0] ? parse(id, rows[0].body) : null;
		},

		async update(id, change) {
			if (!isValidId(id)) return null;
			return db.transaction(async (client) => {
				const { rows } = await client.query<{ body: unknown }>(
					`SELECT body FROM ${table} WHERE id = $1 FOR UPDATE`,
					[id]
				);
				if (!rows[0]) return null;
				const next = kind.check(change(parse(id, rows[0].body)));
				await client.query(
					`UPDATE ${table} SET body = $2::json, revision = $3, updated_at = now() WHERE id = $1`,
					[id, JSON.stringify(next), next.revision]
				);
				return next;
			});
		},

		async ids() {
			const { rows } = await db.query<{ id: string }>(`SELECT id FROM ${table} ORDER BY id`);
			return rows.map((row) => row.id);
		}
	};
}
