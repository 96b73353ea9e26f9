import { mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { migrate } from '../../assessment/migrations';
import { storedAssessmentSchema, type StoredAssessment } from '../../assessment/schema';
import { isValidId } from '../ids';
import { redactId } from '../redact';
import { asDiskFull, DurableJSONFile } from './durable-json-file';
import { KeyedMutex } from './keyed-mutex';
import type { AssessmentStore, RecordStore } from './types';

/** A record on disk that does not parse. The message names it by a redacted id (logs see it). */
export class StoredRecordError extends Error {
	constructor(id: string, detail: string, kind = 'assessment') {
		super(`Stored ${kind} ${redactId(id)} is unreadable: ${detail}`);
		this.name = 'StoredRecordError';
	}
}

/** create() on an id that is taken; importers treat it as "someone stored it first". */
export class RecordExistsError extends Error {
	constructor(id: string, kind = 'Assessment') {
		super(`${kind} ${redactId(id)} already exists`);
		this.name = 'RecordExistsError';
	}
}

/** What differs between kinds of record: where they live, how they are named and parsed. */
export interface RecordKind<T extends { id: string }> {
	/** The folder under DATA_DIR (`assessments`, `tenders`). */
	folder: string;
	/** How messages name one record ("assessment", "tender"). */
	name: string;
	/** Parses what was read from disk (after any migration); throws a ZodError-like error when it does not fit. */
	parse(raw: unknown): { success: true; data: T } | { success: false; error: { message: string } };
	/** Validates a record before it is written. */
	check(record: T): T;
}

/**
 * One lowdb document per record, in shard folders named after the id's first two characters, so a
 * save rewrites one small file however many records are stored. Every write is durable
 * (DurableJSONFile) and every read-modify-write of one id runs under that id's lock.
 */
export function createRecordStore<T extends { id: string }>(
	dataDir: string,
	kind: RecordKind<T>
): RecordStore<T> {
	const root = join(dataDir, kind.folder);
	const mutex = new KeyedMutex();
	const capitalised = kind.name.charAt(0).toUpperCase() + kind.name.slice(1);

	const pathOf = (id: string) => {
		if (!isValidId(id)) throw new Error('invalid id');
		return join(root, id.slice(0, 2), `${id}.json`);
	};

	const open = async (id: string) => {
		const db = new Low<T | null>(new DurableJSONFile(pathOf(id)), null);
		try {
			await db.read();
		} catch (error) {
			// JSON.parse quotes the file's text, which may hold the id: say what, not what it read.
			if (error instanceof SyntaxError)
				throw new StoredRecordError(id, 'the file is not valid JSON', kind.name);
			throw error;
		}
		if (db.data === null) return { db, record: null };
		const parsed = kind.parse(db.data);
		if (!parsed.success) throw new StoredRecordError(id, parsed.error.message, kind.name);
		return { db, record: parsed.data };
	};

	return {
		async create(record) {
			pathOf(record.id); // refuses an invalid id before any directory is made
			await mkdir(join(root, record.id.slice(0, 2)), { recursive: true }).catch(
				(error: unknown) => {
					throw asDiskFull(error);
				}
			);
			await mutex.run(record.id, async () => {
				const { db, record: existing } = await open(record.id);
				if (existing) throw new RecordExistsError(record.id, capitalised);
				db.data = record;
				await db.write();
			});
		},

		async read(id) {
			if (!isValidId(id)) return null;
			return (await open(id)).record;
		},

		async update(id, change) {
			if (!isValidId(id)) return null;
			return mutex.run(id, async () => {
				const { db, record } = await open(id);
				if (!record) return null;
				const next = kind.check(change(record));
				db.data = next;
				await db.write();
				return next;
			});
		},

		async ids() {
			let shards: string[];
			try {
				shards = await readdir(root);
			} catch {
				return [];
			}
			const all = await Promise.all(
				shards.map(async (shard) =>
					(await readdir(join(root, shard)))
						.filter((name) => name.endsWith('.json') && !name.startsWith('.'))
						.map((name) => name.slice(0, -'.json'.length))
				)
			);
			return all.flat().filter(isValidId);
		}
	};
}

export const assessmentKind: RecordKind<StoredAssessment> = {
	folder: 'assessments',
	name: 'assessment',
	parse: (raw) => storedAssessmentSchema.safeParse(migrate(raw)),
	check: (record) => storedAssessmentSchema.parse(record)
};

/** The assessment store: one lowdb document per assessment, migrated when read. */
export function createFileStore(dataDir: string): AssessmentStore {
	return createRecordStore(dataDir, assessmentKind);
}
