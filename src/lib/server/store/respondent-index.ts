import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { z } from 'zod';
import { asDiskFull, DurableJSONFile } from './durable-json-file';

const entrySchema = z.strictObject({ tenderId: z.string(), offerId: z.string() });
export type RespondentEntry = z.infer<typeof entrySchema>;
const HASH_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/**
 * Maps a respondent token's hash to its tender and offer, in DATA_DIR/respondent-index: like the
 * share index, the tender record stays the authority on whether the link is live; this index only
 * finds it without scanning every tender. A copy of the data reveals no working link.
 */
export interface RespondentIndex {
	put(tokenHash: string, entry: RespondentEntry): Promise<void>;
	get(tokenHash: string): Promise<RespondentEntry | null>;
}

export function createFileRespondentIndex(dataDir: string): RespondentIndex {
	const root = join(dataDir, 'respondent-index');
	const pathOf = (hash: string) => {
		if (!HASH_PATTERN.test(hash)) throw new Error('invalid token hash');
		return join(root, hash.slice(0, 2), `${hash}.json`);
	};
	return {
		async put(tokenHash, entry) {
			const file = pathOf(tokenHash);
			await mkdir(join(root, tokenHash.slice(0, 2)), { recursive: true }).catch((error: unknown) => {
				throw asDiskFull(error);
			});
			const db = new Low<RespondentEntry>(new DurableJSONFile<RespondentEntry>(file), entry);
			db.data = { tenderId: entry.tenderId, offerId: entry.offerId };
			await db.write();
		},
		async get(tokenHash) {
			if (!HASH_PATTERN.test(tokenHash)) return null;
			const db = new Low(new DurableJSONFile<unknown>(pathOf(tokenHash)), null);
			await db.read();
			const parsed = entrySchema.safeParse(db.data);
			return parsed.success ? parsed.data : null;
		}
	};
}
