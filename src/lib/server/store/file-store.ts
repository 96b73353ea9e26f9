import { mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { migrate } from '../../assessment/migrations';
import { storedAssessmentSchema, type StoredAssessment } from '../../assessment/schema';
import { isValidId } from '../ids';
import { redactId } from '../redact';
import { asDiskFull, DurableJSONFile } from './durable-json-file';
import { KeyedMutex } from './keyed-mutex';
import type { AssessmentStore } from './types';

/** A record on disk that does not parse. The message names it by a redacted id (logs see it). */
export class StoredRecordError extends Error {
	constructor(id: string, detail: string) {
		super(`Stored assessment ${redactId(id)} is unreadable: ${detail}`);
		this.name = 'StoredRecordError';
	}
}

/** create() on an id that is taken; importers treat it as "someone stored it first". */
export class RecordExistsError extends Error {
	constructor(id: string) {
		super(`Assessment ${redactId(id)} already exists`);
		this.name = 'RecordExistsError';
	}
}

/**
 * One lowdb document per assessment, in shard folders named after the id's first two
 * characters, so a save rewrites one small file however many assessments are stored.
 */
export function createFileStore(dataDir: string): AssessmentStore {
	const root = join(dataDir, 'assessments');
	const mutex = new KeyedMutex();

	const pathOf = (id: string) => {
		if (!isValidId(id)) throw new Error('invalid id');
		return join(root, id.slice(0, 2), `${id}.json`);
	};

	const open = async (id: string) => {
		const db = new Low<StoredAssessment | null>(new DurableJSONFile(pathOf(id)), null);
		try {
			await db.read();
		} catch (error) {
			// JSON.parse quotes the file's text, which may hold the id: say what, not what it read.
			if (error instanceof SyntaxError) throw new StoredRecordError(id, 'the file is not valid JSON');
			throw error;
		}
		if (db.data === null) return { db, record: null };
		const parsed = storedAssessmentSchema.safeParse(migrate(db.data));
		if (!parsed.success) throw new StoredRecordError(id, parsed.error.message);
		return { db, record: parsed.data };
	};

	return {
		async create(record) {
			pathOf(record.id); // refuses an invalid id before any directory is made
			await mkdir(join(root, record.id.slice(0, 2)), { recursive: true }).catch((error: unknown) => {
				throw asDiskFull(error);
			});
			await mutex.run(record.id, async () => {
				const { db, record: existing } = await open(record.id);
				if (existing) throw new RecordExistsError(record.id);
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
				const next = storedAssessmentSchema.parse(change(record));
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
