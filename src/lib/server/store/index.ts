import { resolve } from 'node:path';
import { createFileEvidenceStore, type EvidenceStore } from './evidence-store';
import { createFileStore } from './file-store';
import {
	createFileComparisonShareIndex,
	type ComparisonShareIndex
} from './comparison-share-index';
import { createFileRespondentIndex, type RespondentIndex } from './respondent-index';
import { createFileShareIndex, type ShareIndex } from './share-index';
import type { AssessmentStore } from './types';
import { createTenderStore, type TenderStore } from './tender-store';

const stores = new Map<string, AssessmentStore>();

/** The data directory: DATA_DIR, or ./data beside wherever the server was started. */
export function dataDir(): string {
	return resolve(process.env.DATA_DIR || 'data');
}

/** One store per data directory for the life of the process; its locks must be shared. */
export function getStore(): AssessmentStore {
	const dir = dataDir();
	let store = stores.get(dir);
	if (!store) {
		store = createFileStore(dir);
		stores.set(dir, store);
	}
	return store;
}

const indexes = new Map<string, ShareIndex>();

export function getShareIndex(): ShareIndex {
	const dir = dataDir();
	let index = indexes.get(dir);
	if (!index) {
		index = createFileShareIndex(dir);
		indexes.set(dir, index);
	}
	return index;
}

const tenderStores = new Map<string, TenderStore>();

/** The tender store of the data directory: tenders/<xx>/<id>.json, with the assessments' guarantees. */
export function getTenderStore(): TenderStore {
	const dir = dataDir();
	let store = tenderStores.get(dir);
	if (!store) {
		store = createTenderStore(dir);
		tenderStores.set(dir, store);
	}
	return store;
}

const respondentIndexes = new Map<string, RespondentIndex>();

/** Respondent token hashes to their tender and offer (DATA_DIR/respondent-index). */
export function getRespondentIndex(): RespondentIndex {
	const dir = dataDir();
	let index = respondentIndexes.get(dir);
	if (!index) {
		index = createFileRespondentIndex(dir);
		respondentIndexes.set(dir, index);
	}
	return index;
}

const comparisonShareIndexes = new Map<string, ComparisonShareIndex>();

/** Comparison-link token hashes to their tender (DATA_DIR/comparison-share-index). */
export function getComparisonShareIndex(): ComparisonShareIndex {
	const dir = dataDir();
	let index = comparisonShareIndexes.get(dir);
	if (!index) {
		index = createFileComparisonShareIndex(dir);
		comparisonShareIndexes.set(dir, index);
	}
	return index;
}

const evidenceStores = new Map<string, EvidenceStore>();

/** Evidence files' bytes: DATA_DIR/evidence/<xx>/<id>, referred to by the tenders' answers. */
export function getEvidenceStore(): EvidenceStore {
	const dir = dataDir();
	let store = evidenceStores.get(dir);
	if (!store) {
		store = createFileEvidenceStore(dir);
		evidenceStores.set(dir, store);
	}
	return store;
}
