import { z } from 'zod';
import { createTokenIndex, type TokenIndex } from './token-index';

export const respondentEntrySchema = z.strictObject({ tenderId: z.string(), offerId: z.string() });
export type RespondentEntry = z.infer<typeof respondentEntrySchema>;

/** Maps a respondent token's hash to its tender and offer (DATA_DIR/respondent-index; see token-index.ts). */
export type RespondentIndex = TokenIndex<RespondentEntry>;

export function createFileRespondentIndex(dataDir: string): RespondentIndex {
	return createTokenIndex(dataDir, 'respondent-index', respondentEntrySchema);
}
