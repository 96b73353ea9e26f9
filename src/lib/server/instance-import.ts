/**
 * An instance document into a store, as `npm run data -- import` and `copy` both write one: every
 * record checked first (its own content, then links and evidence files the target already gives
 * to someone else), and nothing written unless all of it passes.
 */
import type { StoredAssessment } from '../assessment/schema';
import type { StoredTender } from '../tender/schema';
import { validateInstance, type InstanceChecks } from './instance-export';
import type { Stores } from './store';
import {
	comparisonShareLinkIndex,
	evidenceClashes,
	importTenders,
	linkClashes,
	respondentLinkIndex,
	type TenderLinkIndexes
} from './tender-transfer';
import { importRecords, type ImportIssue, type ImportOutcome } from './transfer';

export interface CheckedInstance {
	assessments: StoredAssessment[];
	tenders: StoredTender[];
}

/** The token indexes a tender's links are written to in `target`. */
export const tenderLinkIndexes = (target: Stores): TenderLinkIndexes => ({
	respondents: respondentLinkIndex(target.respondentIndex),
	comparisonShares: comparisonShareLinkIndex(target.comparisonShareIndex)
});

/** Every check an import runs, against the document and what `target` already holds. */
export async function checkInstance(
	document: unknown,
	target: Stores,
	checks: InstanceChecks
): Promise<{ ok: true; instance: CheckedInstance } | { ok: false; issues: ImportIssue[] }> {
	const checked = validateInstance(document, checks);
	if (!checked.ok) return checked;
	const issues = [
		...(await linkClashes(checked.tenders, tenderLinkIndexes(target))),
		...(await evidenceClashes(checked.tenders, target.tenders))
	];
	return issues.length
		? { ok: false, issues }
		: { ok: true, instance: { assessments: checked.assessments, tenders: checked.tenders } };
}

/** Writes a checked instance: ids kept, links indexed, what is already there left alone. */
export async function writeInstance(
	target: Stores,
	instance: CheckedInstance
): Promise<{ assessments: ImportOutcome[]; tenders: ImportOutcome[] }> {
	const assessments = await importRecords(target.assessments, instance.assessments, {
		keepShares: true,
		shareIndex: target.shareIndex
	});
	const tenders = await importTenders(target.tenders, instance.tenders, tenderLinkIndexes(target));
	return { assessments, tenders };
}
