import { isValidId } from '../../ids';
import type { EvidenceStore } from '../evidence-store';
import type { Database } from './database';

/** Evidence bytes in `evidence_files`; the primary key refuses a second file under one id. */
export function createPgEvidenceStore(db: Database): EvidenceStore {
	return {
		async put(id, bytes) {
			if (!isValidId(id)) throw new Error('invalid evidence id');
			await db.query('INSERT INTO evidence_files (id, bytes) VALUES ($1, $2)', [
				id,
				Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
			]);
		},
		async get(id) {
			if (!isValidId(id)) return null;
			const { rows } = await db.query<{ bytes: Buffer }>(
				'SELECT bytes FROM evidence_files WHERE id = $1',
				[id]
			);
			return rows[0] ? new Uint8Array(rows[0].bytes) : null;
		},
		async delete(id) {
			if (!isValidId(id)) return;
			await db.query('DELETE FROM evidence_files WHERE id = $1', [id]);
		}
	};
}
