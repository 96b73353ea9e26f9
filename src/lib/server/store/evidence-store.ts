/**
 * Evidence files' bytes, apart from the tender records that refer to them (an answer's `files`
 * holds the id, name, recognised type, size and hash). Kept narrow so a database can stand in.
 */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs/promises';
import { join } from 'node:path';
import { isValidId } from '../ids';
import { asDiskFull } from './durable-json-file';

export interface EvidenceStore {
	/** Stores the bytes under `id` (a new id: never overwrites a file). Acknowledged once on disk. */
	put(id: string, bytes: Uint8Array): Promise<void>;
	/** The bytes, or null when there is no such file. */
	get(id: string): Promise<Uint8Array | null>;
	/** Deletes the file; deleting one that is not there is fine. */
	delete(id: string): Promise<void>;
}

async function syncDirectory(dir: string): Promise<void> {
	const handle = await fs.open(dir, 'r');
	try {
		await handle.sync();
	} finally {
		await handle.close();
	}
}

/**
 * Files in DATA_DIR/evidence/<first two characters of id>/<id>, written as the records are: to a
 * unique temp file (named as removeStaleTempFiles expects), fsynced, linked into place without
 * replacing anything, and the folder fsynced. The server never executes or interprets them.
 */
export function createFileEvidenceStore(dataDir: string): EvidenceStore {
	const root = join(dataDir, 'evidence');
	const pathOf = (id: string) => {
		if (!isValidId(id)) throw new Error('invalid evidence id');
		return join(root, id.slice(0, 2), id);
	};
	return {
		async put(id, bytes) {
			const target = pathOf(id);
			const dir = join(root, id.slice(0, 2));
			const temp = join(dir, `.${id}.${randomBytes(6).toString('hex')}.tmp`);
			try {
				await fs.mkdir(dir, { recursive: true });
				const handle = await fs.open(temp, 'wx', 0o600);
				try {
					await handle.writeFile(bytes);
					await handle.sync();
				} finally {
					await handle.close();
				}
				// link, not rename: an id that somehow exists already fails (EEXIST) instead of replacing a file.
				await fs.link(temp, target);
			} catch (error) {
				throw asDiskFull(error);
			} finally {
				await fs.unlink(temp).catch(() => {});
			}
			await syncDirectory(dir);
		},
		async get(id) {
			if (!isValidId(id)) return null;
			try {
				return new Uint8Array(await fs.readFile(pathOf(id)));
			} catch (error) {
				if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
				throw error;
			}
		},
		async delete(id) {
			if (!isValidId(id)) return;
			try {
				await fs.unlink(pathOf(id));
			} catch (error) {
				if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
				return;
			}
			await syncDirectory(join(root, id.slice(0, 2)));
		}
	};
}

/**
 * Deletes files no record refers to any more (called after the record without them is written).
 * A failure is logged, not raised: the change is saved, and an unreferenced file harms nobody.
 */
export async function deleteUnreferenced(
	store: EvidenceStore,
	ids: readonly string[]
): Promise<void> {
	for (const id of ids) {
		await store
			.delete(id)
			.catch((error: unknown) => console.error(`Could not delete evidence file ${id}:`, error));
	}
}
