import { resolve } from 'node:path';
import {
	comparisonShareEntrySchema,
	createFileComparisonShareIndex,
	type ComparisonShareIndex
} from './comparison-share-index';
import { createFileEvidenceStore, type EvidenceStore } from './evidence-store';
import { assessmentKind, createFileStore } from './file-store';
import { openDatabase, type Database } from './pg/database';
import { createPgEvidenceStore } from './pg/evidence-store';
import { createPgRecordStore } from './pg/record-store';
import { createPgTokenIndex } from './pg/token-index';
import {
	createFileRespondentIndex,
	respondentEntrySchema,
	type RespondentIndex
} from './respondent-index';
import {
	createFileShareIndex,
	shareEntrySchema,
	shareIndexOver,
	type ShareIndex
} from './share-index';
import { createTenderStore, tenderKind, type TenderStore } from './tender-store';
import type { AssessmentStore } from './types';

/** The data directory: DATA_DIR, or ./data beside wherever the server was started. */
export function dataDir(): string {
	return resolve(process.env.DATA_DIR || 'data');
}

/** PostgreSQL when DATABASE_URL is set (any number of servers); else the files in DATA_DIR (one). */
export function databaseUrl(): string | null {
	const url = process.env.DATABASE_URL?.trim();
	return url ? url : null;
}

/** Everything the server stores, behind the same interfaces whichever backend holds it. */
export interface Stores {
	assessments: AssessmentStore;
	tenders: TenderStore;
	shareIndex: ShareIndex;
	respondentIndex: RespondentIndex;
	comparisonShareIndex: ComparisonShareIndex;
	evidence: EvidenceStore;
	/** The PostgreSQL pool behind them, or null for the file store. */
	database: Database | null;
	/** Where the data lives, for messages: the directory, or the database without its password. */
	location: string;
}

export function fileStores(dir: string): Stores {
	return {
		assessments: createFileStore(dir),
		tenders: createTenderStore(dir),
		shareIndex: createFileShareIndex(dir),
		respondentIndex: createFileRespondentIndex(dir),
		comparisonShareIndex: createFileComparisonShareIndex(dir),
		evidence: createFileEvidenceStore(dir),
		database: null,
		location: dir
	};
}

/** A connection string as a person may see it: no password, in the user part or the query. */
export function withoutPassword(url: string): string {
	try {
		const parsed = new URL(url);
		if (parsed.password) parsed.password = '***';
		for (const name of ['password', 'sslpassword'])
			if (parsed.searchParams.has(name)) parsed.searchParams.set(name, '***');
		return parsed.toString();
	} catch {
		return 'the database in DATABASE_URL';
	}
}

export function postgresStores(url: string, options: { migrate?: boolean } = {}): Stores {
	const database = openDatabase(url, process.env, options);
	return {
		assessments: createPgRecordStore(database, assessmentKind),
		tenders: createPgRecordStore(database, tenderKind),
		shareIndex: shareIndexOver(createPgTokenIndex(database, 'share', shareEntrySchema)),
		respondentIndex: createPgTokenIndex(database, 'respondent', respondentEntrySchema),
		comparisonShareIndex: createPgTokenIndex(database, 'comparison', comparisonShareEntrySchema),
		evidence: createPgEvidenceStore(database),
		database,
		location: withoutPassword(url)
	};
}

// One set per data directory or database for the life of the process: the file store's per-id
// locks and the pool must be shared by every request.
const opened = new Map<string, Stores>();

export function getStores(): Stores {
	const url = databaseUrl();
	const key = url ? `postgres ${url}` : `files ${dataDir()}`;
	let stores = opened.get(key);
	if (!stores) {
		stores = url ? postgresStores(url) : fileStores(dataDir());
		opened.set(key, stores);
	}
	return stores;
}

export const getStore = (): AssessmentStore => getStores().assessments;
export const getShareIndex = (): ShareIndex => getStores().shareIndex;
/** Tenders, with the assessments' guarantees (files: DATA_DIR/tenders/<xx>/<id>.json). */
export const getTenderStore = (): TenderStore => getStores().tenders;
/** Respondent token hashes to their tender and offer. */
export const getRespondentIndex = (): RespondentIndex => getStores().respondentIndex;
/** Comparison-link token hashes to their tender. */
export const getComparisonShareIndex = (): ComparisonShareIndex => getStores().comparisonShareIndex;
/** Evidence files' bytes, referred to by the tenders' answers. */
export const getEvidenceStore = (): EvidenceStore => getStores().evidence;
/** The shared PostgreSQL database when DATABASE_URL is set (rate limits live there too), else null. */
export const sharedDatabase = (): Database | null => getStores().database;
