import { randomBytes } from 'node:crypto';
import * as fsPromises from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Adapter } from 'lowdb';

/** The file operations a write uses; tests pass their own to inject faults such as ENOSPC. */
export type FileOps = Pick<typeof fsPromises, 'open' | 'readFile' | 'rename' | 'unlink'>;

/**
 * The disk (or the user's quota) is full. Nothing was written: the record on disk is the one
 * before, and the half-written temp file is gone. The server answers 507.
 */
export class DiskFullError extends Error {
	readonly status = 507;
	constructor() {
		super('The server has no disk space left');
		this.name = 'DiskFullError';
	}
}

/** ENOSPC and EDQUOT as DiskFullError; any other error as it was. */
export function asDiskFull(error: unknown): unknown {
	const code = (error as NodeJS.ErrnoException | null)?.code;
	return code === 'ENOSPC' || code === 'EDQUOT' ? new DiskFullError() : error;
}

/** Flushes the directory entry so a completed rename survives a power cut. */
async function syncDirectory(fs: FileOps, dir: string): Promise<void> {
	const handle = await fs.open(dir, 'r');
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
	constructor(
		private readonly path: string,
		private readonly fs: FileOps = fsPromises
	) {}

	async read(): Promise<T | null> {
		let text: string;
		try {
			text = await this.fs.readFile(this.path, 'utf8');
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
			throw error;
		}
		return JSON.parse(text) as T;
	}

	async write(data: T): Promise<void> {
		const dir = dirname(this.path);
		const temp = join(dir, `.${basename(this.path)}.${randomBytes(6).toString('hex')}.tmp`);
		try {
			const handle = await this.fs.open(temp, 'w');
			try {
				await handle.writeFile(JSON.stringify(data));
				await handle.sync();
			} finally {
				await handle.close();
			}
			await this.fs.rename(temp, this.path);
		} catch (error) {
			// A failed write (a full disk, most likely) leaves no temp file behind (audit F11).
			await this.fs.unlink(temp).catch(() => {});
			throw asDiskFull(error);
		}
		await syncDirectory(this.fs, dir);
	}
}
