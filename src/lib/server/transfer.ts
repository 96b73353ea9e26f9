import { migrate, MigrationError } from '../assessment/migrations';
import {
	storedAssessmentSchema,
	type InputSchemas,
	type StoredAssessment
} from '../assessment/schema';
import { issuesOf } from '../validation/issues';
import { RecordExistsError } from './store/file-store';
import type { ShareIndex } from './store/share-index';
import type { AssessmentStore } from './store/types';

export {
	EXPORT_FORMAT,
	EXPORT_FORMAT_VERSION,
	WEB_IMPORT_MAX,
	exportDocumentSchema,
	exportHeader
} from '../assessment/export-format';
import { exportDocumentSchema } from '../assessment/export-format';

/** An owner's copy leaves out share links: they only work on this server. */
export function withoutShares(record: StoredAssessment): StoredAssessment {
	return { ...record, shares: [] };
}

export interface ImportIssue {
	path: string;
	message: string;
}

/**
 * Highest revision an import may carry: a save a second for thirty years stays below it, and every
 * later save can still count up (a revision at the top of the safe-integer range could not).
 */
export const MAX_IMPORT_REVISION = 1_000_000_000;
/** Ruleset versions are short ("1.1.0"); anything longer is not one this server wrote. */
export const MAX_RULESET_VERSION_LENGTH = 32;

/**
 * Holds an imported record to the same rules as one typed in today: known countries, questions
 * and options, field lengths, a resume step that exists, a revision a save can still count up
 * from and a ruleset version this server knows. The stored shape alone would let an import carry
 * what no form or API call could (audit F9).
 */
export function contentChecker(schemas: InputSchemas, rulesetVersions: Set<string>) {
	const listed = [...rulesetVersions].join(', ');
	return (record: StoredAssessment, index: number): ImportIssue[] => {
		const { title, organisation, vendor, buyerCountry, currency, fleet, answers, costs, lastStep } =
			record;
		const parsed = schemas.createBody.safeParse({
			title,
			organisation,
			vendor,
			buyerCountry,
			currency,
			fleet,
			answers,
			costs,
			lastStep
		});
		const issues = parsed.success ? [] : issuesOf(parsed.error, ['assessments', index]);
		if (record.revision > MAX_IMPORT_REVISION) {
			issues.push({
				path: `assessments.${index}.revision`,
				message: `The revision must be at most ${MAX_IMPORT_REVISION.toLocaleString('en')}`
			});
		}
		if (record.rulesetVersion.length > MAX_RULESET_VERSION_LENGTH) {
			issues.push({
				path: `assessments.${index}.rulesetVersion`,
				message: `A ruleset version has at most ${MAX_RULESET_VERSION_LENGTH} characters`
			});
		} else if (!rulesetVersions.has(record.rulesetVersion)) {
			issues.push({
				path: `assessments.${index}.rulesetVersion`,
				message: `This server does not know ruleset ${record.rulesetVersion}; it knows ${listed}`
			});
		}
		return issues;
	};
}

/**
 * Checks each record against the ruleset it is pinned to. A version this server does not know is
 * refused (with its path), so an import never stores a record no page could score as it was.
 */
export function versionedContentChecker(
	registry: { knows(version: string): boolean; versions: ReadonlyMap<string, unknown> },
	schemasFor: (version: string) => InputSchemas
) {
	const versions = new Set(registry.versions.keys());
	return (record: StoredAssessment, index: number): ImportIssue[] => {
		if (
			record.rulesetVersion.length <= MAX_RULESET_VERSION_LENGTH &&
			!registry.knows(record.rulesetVersion)
		) {
			const known = [...versions].sort().join(', ');
			return [
				{
					path: `assessments.${index}.rulesetVersion`,
					message: `This server does not know ruleset ${record.rulesetVersion}; it knows ${known}: import it on a server that has it, or upgrade this one`
				}
			];
		}
		return contentChecker(schemasFor(record.rulesetVersion), versions)(record, index);
	};
}

export type ImportOutcome = {
	id: string;
	title: string;
	status: 'created' | 'unchanged' | 'conflict';
};

/**
 * Checks every record of an export before anything is written: one bad record rejects the whole
 * file, with the path of each problem (e.g. "assessments.2.fleet.devices").
 */
export function validateExport(
	document: unknown,
	options: {
		maxAssessments?: number;
		checkContent: (record: StoredAssessment, index: number) => ImportIssue[];
	}
): { ok: true; records: StoredAssessment[] } | { ok: false; issues: ImportIssue[] } {
	const maxAssessments = options.maxAssessments ?? Infinity;
	const parsed = exportDocumentSchema.safeParse(document);
	if (!parsed.success) return { ok: false, issues: issuesOf(parsed.error) };
	if (parsed.data.assessments.length > maxAssessments) {
		return {
			ok: false,
			issues: [{ path: 'assessments', message: `At most ${maxAssessments} assessments per upload` }]
		};
	}
	const { issues, records } = validateAssessments(parsed.data.assessments, options.checkContent);
	return issues.length ? { ok: false, issues } : { ok: true, records };
}

/** Migrates, parses and checks each assessment of an export; a record that does not fit is named by its path. */
export function validateAssessments(
	raw: readonly unknown[],
	checkContent: (record: StoredAssessment, index: number) => ImportIssue[]
): { issues: ImportIssue[]; records: StoredAssessment[] } {
	const issues: ImportIssue[] = [];
	const records: StoredAssessment[] = [];
	const seen = new Set<string>();
	raw.forEach((item, index) => {
		let migrated: unknown;
		try {
			migrated = migrate(item);
		} catch (error) {
			if (!(error instanceof MigrationError)) throw error;
			issues.push({ path: `assessments.${index}.schemaVersion`, message: error.message });
			return;
		}
		const record = storedAssessmentSchema.safeParse(migrated);
		if (!record.success) {
			issues.push(...issuesOf(record.error, ['assessments', index]));
			return;
		}
		issues.push(...checkContent(record.data, index));
		if (seen.has(record.data.id)) {
			issues.push({
				path: `assessments.${index}.id`,
				message: 'This id appears twice in the file'
			});
		}
		seen.add(record.data.id);
		records.push(record.data);
	});
	return { issues, records };
}

const comparable = (record: StoredAssessment) => JSON.stringify({ ...record, shares: [] });

/**
 * Stores validated records under their own ids, so importing the same file twice adds nothing.
 * An id that already holds different content is left alone and reported as a conflict.
 */
export async function importRecords(
	store: AssessmentStore,
	records: StoredAssessment[],
	options: { keepShares: boolean; shareIndex?: ShareIndex }
): Promise<ImportOutcome[]> {
	const outcomes: ImportOutcome[] = [];
	for (const incoming of records) {
		const existing = await store.read(incoming.id);
		if (existing) {
			outcomes.push({
				id: incoming.id,
				title: incoming.title,
				status: comparable(existing) === comparable(incoming) ? 'unchanged' : 'conflict'
			});
			continue;
		}
		const shares: StoredAssessment['shares'] = [];
		if (options.keepShares && options.shareIndex) {
			for (const share of incoming.shares) {
				// Never let an import take over a link that already leads somewhere else.
				const owner = await options.shareIndex.get(share.tokenHash);
				if (owner !== null && owner !== incoming.id) continue;
				await options.shareIndex.put(share.tokenHash, incoming.id);
				shares.push(share);
			}
		}
		try {
			await store.create({ ...incoming, shares });
		} catch (error) {
			// Another import of the same file got there between our read and our create (audit F5).
			if (!(error instanceof RecordExistsError)) throw error;
			const stored = await store.read(incoming.id);
			outcomes.push({
				id: incoming.id,
				title: incoming.title,
				status: stored && comparable(stored) === comparable(incoming) ? 'unchanged' : 'conflict'
			});
			continue;
		}
		outcomes.push({ id: incoming.id, title: incoming.title, status: 'created' });
	}
	return outcomes;
}
