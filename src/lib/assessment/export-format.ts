/**
 * The export format's constants and outer shape: no server code, so the API contract (also read by
 * the /docs/api page in the browser) can import them. src/lib/server/transfer.ts re-exports them.
 */
import { z } from 'zod';

/** The export format: plain JSON anyone can read, so leaving this tool is as easy as using it. */
export const EXPORT_FORMAT = 'lock-in-radar/assessments';
export const EXPORT_FORMAT_VERSION = 1;
/** Most assessments one upload through the web may carry; whole-instance restores use the CLI. */
export const WEB_IMPORT_MAX = 100;

export const exportDocumentSchema = z.strictObject({
	format: z.literal(EXPORT_FORMAT, { error: `Not a Lock-in Radar export (format must be "${EXPORT_FORMAT}")` }),
	formatVersion: z.literal(EXPORT_FORMAT_VERSION),
	exportedAt: z.string(),
	assessments: z.array(z.unknown())
});
