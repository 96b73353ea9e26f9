import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import type { z } from 'zod';
import { asDiskFull, DurableJSONFile } from './durable-json-file';

const HASH_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/**
 * Maps a capability token's hash to the record it opens, one small durable file per hash in
 * `DATA_DIR/<folder>/<xx>/<hash>.json`. The record stays the authority on whether the link is
 * live; the index only finds it without scanning every record, and a copy of it reveals no link.
 */
export interface TokenIndex<T> {
	put(tokenHash: string, entry: T): Promise<void>;
	get(tokenHash: string): Promise<T | null>;
}

export function createTokenIndex<T extends object>(
	dataDir: string,
	folder: string,
	schema: z.ZodType<T>
): TokenIndex<T> {
	const root = join(dataDir, folder);
	const pathOf = (hash: string) => {
		if (!HASH_PATTERN.test(hash)) throw new Error('invalid token hash');
		return join(root, hash.slice(0, 2), `${hash}.json`);
	};
	return {
		async put(tokenHash, entry) {
			const file = pathOf(tokenHash);
			await mkdir(join(root, tokenHash.slice(0, 2)), { recursive: true }).catch(
				(error: unknown) => {
					throw asDiskFull(error);
				}
			);
			// Only the schema's fields reach the disk.
			const data = schema.parse(entry);
			const db = new Low<T>(new DurableJSONFile<T>(file), data);
			db.data = data;
			await db.write();
		},
		async get(tokenHash) {
			if (!HASH_PATTERN.test(tokenHash)) return null;
			const db = new Low(new DurableJSONFile<unknown>(pathOf(tokenHash)), null);
			await db.read();
			const parsed = schema.safeParse(db.data);
			return parsed.success ? parsed.data : null;
		}
	};
}
