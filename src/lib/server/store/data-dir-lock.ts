import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export class DataDirLockedError extends Error {
	constructor(
		readonly dir: string,
		readonly pid: number
	) {
		super(
			`Another Lock-in Radar process (pid ${pid}) is using ${dir}. lowdb files must have exactly one ` +
				'writer: stop that process, or give this one its own DATA_DIR.'
		);
		this.name = 'DataDirLockedError';
	}
}

/** A killed process can linger as a zombie until reaped; it holds nothing. */
function isZombie(pid: number): boolean {
	try {
		return /^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
	} catch {
		return false;
	}
}

function isAlive(pid: number): boolean {
	if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return false;
	try {
		process.kill(pid, 0);
		return !isZombie(pid);
	} catch (error) {
		// EPERM: the process exists but belongs to someone else.
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/**
 * Claims the data directory for this process with an exclusive lock file holding our pid. A lock
 * left by a process that has died (killed, crashed) is taken over; a live one is refused.
 */
export function lockDataDir(dir: string): () => void {
	mkdirSync(dir, { recursive: true });
	const file = join(dir, '.lock');
	for (let attempt = 0; attempt < 2; attempt++) {
		try {
			const fd = openSync(file, 'wx');
			writeSync(fd, String(process.pid));
			closeSync(fd);
			let released = false;
			return () => {
				if (released) return;
				released = true;
				try {
					if (readFileSync(file, 'utf8').trim() === String(process.pid)) unlinkSync(file);
				} catch {
					/* already gone */
				}
			};
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
			const owner = Number.parseInt(readFileSync(file, 'utf8').trim(), 10);
			if (isAlive(owner)) throw new DataDirLockedError(dir, owner);
			unlinkSync(file);
		}
	}
	throw new Error(`Could not lock ${dir}`);
}
