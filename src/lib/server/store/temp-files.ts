import { readdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';

const TEMP = /^\..+\.[0-9a-f]{12}\.tmp$/;

/** Deletes the temp files a killed write can leave in the store's shard folders. */
export async function removeStaleTempFiles(dataDir: string): Promise<number> {
	let removed = 0;
	for (const area of ['assessments', 'tenders', 'share-index', 'respondent-index', 'evidence']) {
		let shards: string[];
		try {
			shards = await readdir(join(dataDir, area));
		} catch {
			continue;
		}
		for (const shard of shards) {
			let names: string[];
			try {
				names = await readdir(join(dataDir, area, shard));
			} catch {
				continue;
			}
			for (const name of names.filter((n) => TEMP.test(n))) {
				await unlink(join(dataDir, area, shard, name)).catch(() => {});
				removed += 1;
			}
		}
	}
	return removed;
}
