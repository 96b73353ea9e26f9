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

/** What a lock file says: the holder's pid and, since this release, the script it runs. */
interface Holder {
	pid: number;
	script: string | null;
}

const thisScript = () => process.argv[1] ?? '';

function readHolder(file: string): Holder {
	const [pid = '', script] = readFileSync(file, 'utf8').split('\n');
	return { pid: Number.parseInt(pid.trim(), 10), script: script?.trim() || null };
}

/**
 * Whether a live pid is really a Lock-in Radar process: after a crash and a reboot the pid in a
 * stale lock may belong to any program (audit F16). /proc tells: the holder must be Node, running
 * the script the lock names. Without /proc (not Linux) a live pid is taken at its word.
 */
function runsThisApp(holder: Holder): boolean {
	let argv: string[];
	try {
		argv = readFileSync(`/proc/${holder.pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
	} catch {
		return true;
	}
	const isNode = /(^|\/)node(js)?(\d+)?$/.test(argv[0] ?? '') || argv[0] === process.execPath;
	if (!isNode) return false;
	return holder.script === null || argv.slice(1).includes(holder.script);
}

function isAlive(holder: Holder): boolean {
	const { pid } = holder;
	if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return false;
	try {
		process.kill(pid, 0);
		return !isZombie(pid) && runsThisApp(holder);
	} catch (error) {
		// EPERM: the process exists but belongs to someone else.
		return (error as NodeJS.ErrnoException).code === 'EPERM' && runsThisApp(holder);
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
			writeSync(fd, `${process.pid}\n${thisScript()}`);
			closeSync(fd);
			let released = false;
			return () => {
				if (released) return;
				released = true;
				try {
					if (readHolder(file).pid === process.pid) unlinkSync(file);
				} catch {
					/* already gone */
				}
			};
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
			const holder = readHolder(file);
			if (isAlive(holder)) throw new DataDirLockedError(dir, holder.pid);
			unlinkSync(file);
		}
	}
	throw new Error(`Could not lock ${dir}`);
}
