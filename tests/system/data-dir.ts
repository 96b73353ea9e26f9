/**
 * Reading a data directory the way an operator would after a crash: every file, straight from
 * disk, with no server in between.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import {
	SCHEMA_VERSION,
	storedAssessmentSchema,
	type StoredAssessment
} from '../../src/lib/assessment/schema';

/** Dot-prefixed names: the lock file and temp files of writes that never finished. */
const isDotFile = (name: string) => name.startsWith('.');

function walk(dir: string, out: string[] = []): string[] {
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) walk(path, out);
		else out.push(path);
	}
	return out;
}

export interface DataDirScan {
	/** Assessment records by id, read from `assessments/<shard>/<id>.json`. */
	records: Map<string, StoredAssessment>;
	/** Share-index entries by token hash. */
	shareIndex: Map<string, string>;
	/** Files that are not dot-prefixed: each must parse. */
	filesChecked: number;
	/** Dot-prefixed temp files (`.<id>.json.<random>.tmp`), never to be read as records. */
	tempFiles: string[];
	/** Files that did not parse as JSON, or are not valid records: must be empty. */
	failures: { file: string; problem: string }[];
}

/** Parses every non-dot file in the directory; a record must also pass the stored-record schema. */
export function scanDataDir(dataDir: string): DataDirScan {
	const scan: DataDirScan = {
		records: new Map(),
		shareIndex: new Map(),
		filesChecked: 0,
		tempFiles: [],
		failures: []
	};
	for (const path of walk(dataDir)) {
		const name = path.slice(path.lastIndexOf('/') + 1);
		const rel = relative(dataDir, path);
		if (isDotFile(name)) {
			if (name !== '.lock') scan.tempFiles.push(rel);
			continue;
		}
		scan.filesChecked++;
		let value: unknown;
		try {
			value = JSON.parse(readFileSync(path, 'utf8'));
		} catch (error) {
			scan.failures.push({ file: rel, problem: `not JSON: ${(error as Error).message}` });
			continue;
		}
		const [top, shard, file] = rel.split('/');
		if (top === 'assessments' && file) {
			const parsed = storedAssessmentSchema.safeParse(value);
			const id = file.replace(/\.json$/, '');
			if (!parsed.success)
				scan.failures.push({ file: rel, problem: `not a valid record: ${parsed.error.message}` });
			else if (parsed.data.id !== id || !id.startsWith(shard!))
				scan.failures.push({ file: rel, problem: 'record stored under another id' });
			else scan.records.set(id, parsed.data);
		} else if (top === 'share-index' && file) {
			const entry = value as { assessmentId?: unknown };
			if (typeof entry?.assessmentId !== 'string')
				scan.failures.push({ file: rel, problem: 'share-index entry without assessmentId' });
			else scan.shareIndex.set(file.replace(/\.json$/, ''), entry.assessmentId);
		} else {
			scan.failures.push({ file: rel, problem: 'unexpected file in the data directory' });
		}
	}
	return scan;
}

/** The id a temp file would have become: `.<id>.json.<random>.tmp` → `<id>`. */
export const tempFileTarget = (rel: string) =>
	/\.([A-Za-z0-9_-]+)\.json\.[0-9a-f]+\.tmp$/.exec(rel)?.[1] ?? null;

/** Every file's bytes (the lock file aside), to prove a batch of requests changed nothing. */
export function snapshotDataDir(dataDir: string): Map<string, string> {
	const snapshot = new Map<string, string>();
	for (const path of walk(dataDir)) {
		const rel = relative(dataDir, path);
		if (rel !== '.lock') snapshot.set(rel, readFileSync(path, 'utf8'));
	}
	return snapshot;
}

/** The files that differ between two snapshots, named, for a readable failure. */
export function changedFiles(before: Map<string, string>, after: Map<string, string>): string[] {
	const names = new Set([...before.keys(), ...after.keys()]);
	return [...names].filter((name) => before.get(name) !== after.get(name)).sort();
}

/** How the server names a share token's index entry (see src/lib/server/tokens.ts). */
export const tokenHash = (token: string) =>
	createHash('sha256').update(token, 'utf8').digest('base64url');

/** A valid stored record, for seeding a store directly on disk (as tests/unit/store does). */
export function seedRecord(
	id: string,
	overrides: Partial<StoredAssessment> = {}
): StoredAssessment {
	return {
		schemaVersion: SCHEMA_VERSION,
		id,
		revision: 1,
		rulesetVersion: '1.0.0',
		createdAt: '2026-11-25T10:00:00.000Z',
		updatedAt: '2026-11-25T10:00:00.000Z',
		title: `Seeded ${id}`,
		organisation: 'Seed Org',
		vendor: 'Seed Vendor',
		fleet: { devices: 1200, countries: ['DE', 'BR', 'FR'], lifetimeYears: 10 },
		answers: {},
		costs: {},
		shares: [],
		...overrides
	};
}

/** Where the file store keeps a record: `assessments/<first two characters>/<id>.json`. */
export const recordPath = (dataDir: string, id: string) =>
	join(dataDir, 'assessments', id.slice(0, 2), `${id}.json`);
