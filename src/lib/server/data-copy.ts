/**
 * Copies one store into another (a data directory into PostgreSQL, or back), through the same
 * checks an import runs, then counts: every record of the source must be in the target exactly
 * as it was, every share, respondent and comparison link must lead to its record there, and every
 * evidence file must be there byte for byte. The copy can be run again: what is already there is left alone.
 */
import { isDeepStrictEqual } from 'node:util';
import type { StoredAssessment } from '../assessment/schema';
import type { StoredTender } from '../tender/schema';
import { instanceHeader, type InstanceChecks } from './instance-export';
import { checkInstance, tenderLinkIndexes, writeInstance } from './instance-import';
import type { Stores } from './store';
import type { RecordStore } from './store/types';
import { evidenceFilesOf, linksOf } from './tender-transfer';
import type { ImportOutcome } from './transfer';

export interface CopyCount {
	kind: string;
	source: number;
	/** Of the source's, how many the target now holds exactly as the source does. */
	matching: number;
}

export interface CopyReport {
	counts: CopyCount[];
	assessments: ImportOutcome[];
	tenders: ImportOutcome[];
	/** Anything that stops the copy from being complete; empty when every count matches. */
	problems: string[];
}

async function readAll<T>(store: RecordStore<T>, label: string, problems: string[]): Promise<T[]> {
	const records: T[] = [];
	for (const id of (await store.ids()).sort()) {
		try {
			const record = await store.read(id);
			if (record) records.push(record);
		} catch (error) {
			problems.push(`${label} unreadable in the source: ${(error as Error).message}`);
		}
	}
	return records;
}

async function countMatching<T extends { id: string }>(
	records: readonly T[],
	target: RecordStore<T>
): Promise<number> {
	let matching = 0;
	for (const record of records) {
		if (isDeepStrictEqual(await target.read(record.id), record)) matching++;
	}
	return matching;
}

const shareHashes = (record: StoredAssessment) => (record.shares ?? []).map((s) => s.tokenHash);

export async function copyStores(
	source: Stores,
	target: Stores,
	checks: InstanceChecks
): Promise<CopyReport> {
	const problems: string[] = [];
	const assessments = await readAll(source.assessments, 'An assessment', problems);
	const tenders = await readAll(source.tenders, 'A tender', problems);

	// The same checks as `import`: nothing is written unless every record passes them.
	const checked = await checkInstance(
		{ ...instanceHeader(new Date()), assessments, tenders },
		target,
		checks
	);
	if (!checked.ok) {
		return {
			counts: [],
			assessments: [],
			tenders: [],
			problems: checked.issues.map((issue) => `${issue.path}: ${issue.message}`)
		};
	}
	const { instance } = checked;
	const indexes = tenderLinkIndexes(target);

	// Evidence first: a tender in the target never names a file the target does not have.
	let evidenceSource = 0;
	let evidenceMatching = 0;
	for (const tender of instance.tenders) {
		for (const file of evidenceFilesOf(tender)) {
			const bytes = await source.evidence.get(file.id);
			if (!bytes) {
				problems.push(`Evidence file ${file.id} of tender ${tender.id} is missing in the source`);
				continue;
			}
			evidenceSource++;
			const there = await target.evidence.get(file.id);
			if (!there) await target.evidence.put(file.id, bytes);
			const copied = there ?? (await target.evidence.get(file.id));
			if (copied && Buffer.from(copied).equals(Buffer.from(bytes))) evidenceMatching++;
			else problems.push(`Evidence file ${file.id} differs in the target`);
		}
	}

	const outcomes = await writeInstance(target, instance);

	let shareSource = 0;
	let shareMatching = 0;
	for (const record of instance.assessments) {
		for (const hash of shareHashes(record)) {
			shareSource++;
			if ((await target.shareIndex.get(hash)) === record.id) shareMatching++;
		}
	}

	// Respondent and comparison links: each must lead to its tender (and offer) in the target.
	const linkCounts = {
		respondents: { source: 0, matching: 0 },
		comparisonShares: { source: 0, matching: 0 }
	};
	for (const tender of instance.tenders) {
		for (const link of linksOf(tender)) {
			const count = linkCounts[link.index];
			count.source++;
			const there = await indexes[link.index].get(link.tokenHash);
			if (there && indexes[link.index].same(there, link.entry)) count.matching++;
		}
	}

	const counts: CopyCount[] = [
		{
			kind: 'assessments',
			source: instance.assessments.length,
			matching: await countMatching<StoredAssessment>(instance.assessments, target.assessments)
		},
		{
			kind: 'tenders',
			source: instance.tenders.length,
			matching: await countMatching<StoredTender>(instance.tenders, target.tenders)
		},
		{ kind: 'share links', source: shareSource, matching: shareMatching },
		{ kind: 'respondent links', ...linkCounts.respondents },
		{ kind: 'comparison links', ...linkCounts.comparisonShares },
		{ kind: 'evidence files', source: evidenceSource, matching: evidenceMatching }
	];
	for (const count of counts) {
		if (count.matching !== count.source)
			problems.push(
				`${count.kind}: ${count.source - count.matching} of ${count.source} are not in the target as they are in the source`
			);
	}
	return { counts, ...outcomes, problems };
}
