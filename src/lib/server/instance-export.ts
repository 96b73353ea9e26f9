/**
 * The whole-instance export (`npm run data -- export`): every assessment and every tender of a
 * data directory in one JSON document. Relative imports only: the CLI is built without $lib.
 *
 * Format versions (the format's name stays "lock-in-radar/assessments", so older readers say
 * "formatVersion" rather than "not a Lock-in Radar export"):
 *   1: `assessments` only (what every export before tenders wrote; still read).
 *   2: `assessments` and `tenders`.
 * A single assessment's export and the web import stay at version 1 (export-format.ts).
 */
import { z } from 'zod';
import { EXPORT_FORMAT } from '../assessment/export-format';
import type { StoredAssessment } from '../assessment/schema';
import type { StoredTender } from '../tender/schema';
import { issuesOf } from '../validation/issues';
import { validateTenders } from './tender-transfer';
import { validateAssessments, type ImportIssue } from './transfer';

export const INSTANCE_FORMAT_VERSION = 2;

const instanceDocumentSchema = z
	.strictObject({
		format: z.literal(EXPORT_FORMAT, {
			error: `Not a Lock-in Radar export (format must be "${EXPORT_FORMAT}")`
		}),
		formatVersion: z.union([z.literal(1), z.literal(INSTANCE_FORMAT_VERSION)], {
			error: `Use formatVersion 1 or ${INSTANCE_FORMAT_VERSION}`
		}),
		exportedAt: z.string(),
		assessments: z.array(z.unknown()),
		tenders: z.array(z.unknown()).optional()
	})
	.superRefine((document, ctx) => {
		if (document.formatVersion === 1 && document.tenders !== undefined) {
			ctx.addIssue({
				code: 'custom',
				path: ['tenders'],
				message: 'Format version 1 carries no tenders: use formatVersion 2'
			});
		}
	});

/** The document's opening fields; the CLI streams `assessments` and `tenders` after them. */
export function instanceHeader(now: Date) {
	return {
		format: EXPORT_FORMAT,
		formatVersion: INSTANCE_FORMAT_VERSION,
		exportedAt: now.toISOString()
	};
}

export interface InstanceChecks {
	checkAssessment: (record: StoredAssessment, index: number) => ImportIssue[];
	checkTender: (record: StoredTender, index: number) => ImportIssue[];
}

/**
 * Checks every record of a version 1 or 2 export before anything is written: one bad record
 * refuses the whole file, with the path of each problem ("tenders.1.offers.0.answers.x.option").
 */
export function validateInstance(
	document: unknown,
	checks: InstanceChecks
):
	| { ok: true; assessments: StoredAssessment[]; tenders: StoredTender[] }
	| { ok: false; issues: ImportIssue[] } {
	const parsed = instanceDocumentSchema.safeParse(document);
	if (!parsed.success) return { ok: false, issues: issuesOf(parsed.error) };
	const assessments = validateAssessments(parsed.data.assessments, checks.checkAssessment);
	const tenders = validateTenders(parsed.data.tenders ?? [], checks.checkTender);
	const issues = [...assessments.issues, ...tenders.issues];
	return issues.length
		? { ok: false, issues }
		: { ok: true, assessments: assessments.records, tenders: tenders.records };
}
