import { z } from 'zod';

/** The export format: plain JSON anyone can read, so leaving this tool is as easy as using it. */
export const EXPORT_FORMAT = 'lock-in-radar/assessments';
export const EXPORT_FORMAT_VERSION = 1;
/** Most assessments one upload through the web may carry; whole-instance restores use the CLI. */
export const WEB_IMPORT_MAX = 100;

export const exportDocumentSchema = z.strictObject({
	format: z.literal(EXPORT_FORMAT, {
		error: `Not a Lock-in Radar export (format must be "${EXPORT_FORMAT}")`
	}),
	formatVersion: z.literal(EXPORT_FORMAT_VERSION, {
		// The CLI's whole-instance backup is version 2 (with tenders): it is restored with the CLI.
		error: `Use formatVersion ${EXPORT_FORMAT_VERSION}; a whole-instance backup (format version 2, with tenders) is imported with npm run data -- import`
	}),
	exportedAt: z.string(),
	assessments: z.array(z.unknown())
});

export function exportHeader(now: Date) {
	return {
		format: EXPORT_FORMAT,
		formatVersion: EXPORT_FORMAT_VERSION,
		exportedAt: now.toISOString()
	};
}
