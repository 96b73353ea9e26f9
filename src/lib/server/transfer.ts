import { migrate, MigrationError } from '../assessment/migrations';
import { storedAssessmentSchema, type InputSchemas, type StoredAssessment } from '../assessment/schema';
import { issuesOf } from '../validation/issues';
import type { ShareIndex } from './store/share-index';
import type { AssessmentStore } from './store/types';
import { EXPORT_FORMAT, EXPORT_FORMAT_VERSION, exportDocumentSchema } from '../assessment/export-format';

export { EXPORT_FORMAT, EXPORT_FORMAT_VERSION, exportDocumentSchema, WEB_IMPORT_MAX } from '../assessment/export-format';

export function exportHeader(now: Date) {
	return { format: EXPORT_FORMAT, formatVersion: EXPORT_FORMAT_VERSION, exportedAt: now.toISOString() };
}

/** An owner's copy leaves out share links: they only work on this server. */
export function withoutShares(record: StoredAssessment): StoredAssessment {
	return { ...record, shares: [] };
}

export interface ImportIssue {
	path: string;
	message: string;
}

/**
 * Holds an imported record to the same rules as one typed in today: known countries, questions
 * and options, field lengths, a resume step that exists. The stored shape alone would let an
 * import carry what no form or API call could.
 */
export function contentChecker(schemas: InputSchemas) {
	return (record: StoredAssessment, index: number): ImportIssue[] => {
		const { title, organisation, vendor, buyerCountry, fleet, answers, costs, lastStep } = record;
		const parsed = schemas.createBody.safeParse({ title, organisation, vendor, buyerCountry, fleet, answers, costs, lastStep });
		return parsed.success ? [] : issuesOf(parsed.error, ['assessments', index]);
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
	return (record: StoredAssessment, index: number): ImportIssue[] => {
		if (!registry.knows(record.rulesetVersion)) {
			const known = [...registry.versions.keys()].sort().join(', ');
			return [
				{
					path: `assessments.${index}.rulesetVersion`,
					message: `Ruleset ${record.rulesetVersion} is not known to this server (it knows ${known}): import it on a server that has it, or upgrade this one`
				}
			];
		}
		return contentChecker(schemasFor(record.rulesetVersion))(record, index);
	};
}

export type ImportOutcome = { id: string; title: string; status: 'created' | 'unchanged' | 'conflict' };

/**
 * Checks every record of an export before anything is written: one bad record rejects the whole
 * file, with the path of each problem (e.g. "assessments.2.fleet.devices").
 */
export function validateExport(
	document: unknown,
	options: { maxAssessments?: number; checkContent: (record: StoredAssessment, index: number) => ImportIssue[] }
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
	const issues: ImportIssue[] = [];
	const records: StoredAssessment[] = [];
	const seen = new Set<string>();
	parsed.data.assessments.forEach((raw, index) => {
		let migrated: unknown;
		try {
			migrated = migrate(raw);
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
		issues.push(...options.checkContent(record.data, index));
		if (seen.has(record.data.id)) {
			issues.push({ path: `assessments.${index}.id`, message: 'This id appears twice in the file' });
		}
		seen.add(record.data.id);
		records.push(record.data);
	});
	return issues.length ? { ok: false, issues } : { ok: true, records };
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
		let shares: StoredAssessment['shares'] = [];
		if (options.keepShares && options.shareIndex) {
			for (const share of incoming.shares) {
				// Never let an import take over a link that already leads somewhere else.
				const owner = await options.shareIndex.get(share.tokenHash);
				if (owner !== null && owner !== incoming.id) continue;
				await options.shareIndex.put(share.tokenHash, incoming.id);
				shares.push(share);
			}
		}
		await store.create({ ...incoming, shares });
		outcomes.push({ id: incoming.id, title: incoming.title, status: 'created' });
	}
	return outcomes;
}
