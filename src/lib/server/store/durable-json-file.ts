import { randomBytes } from 'node:crypto';
import { open, readFile, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Adapter } from 'lowdb';

/** Flushes the directory entry so a completed rename survives a power cut. */
async function syncDirectory(dir: string): Promise<void> {
	const handle = await open(dir, 'r');
	try {
		await handle.sync();
	} finally {
		await handle.close();
	}
}

/**
 * A lowdb adapter that only acknowledges a write once it is on disk: the data goes to a unique
 * temp file that is fsynced, renamed over the target, and the directory is fsynced. lowdb's own
 * JSONFile (steno) renames without fsync, and its fixed temp name clashes between writers.
 */
export class DurableJSONFile<T> implements Adapter<T> {
	constructor(private readonly path: string) {}

	async read(): Promise<T | null> {
		let text: string;
		try {
			text = await readFile(this.path, 'utf8');
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
			throw error;
		}
		return JSON.parse(text) as T;
	}

	async write(data: T): Promise<void> {
		const dir = dirname(this.path);
		const temp = join(dir, `.${basename(this.path)}.${randomBytes(6).toString('hex')}.tmp`);
		const handle = await open(temp, 'w');
		try {
			await handle.writeFile(JSON.stringify(data));
			await handle.sync();
		} finally {
			await handle.close();
		}
		try {
			await rename(temp, this.path);
		} catch (error) {
			await unlink(temp).catch(() => {});
			throw error;
		}
		await syncDirectory(dir);
	}
}
