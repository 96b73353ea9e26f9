import { storedTenderSchema, type StoredTender } from '../../tender/schema';
import { createRecordStore, type RecordKind } from './file-store';
import type { RecordStore } from './types';

export type TenderStore = RecordStore<StoredTender>;

/**
 * Tenders in DATA_DIR/tenders/<first two characters of id>/<id>.json: the same durable writes,
 * per-id lock and unique ids as assessments. A record from a newer server (another schemaVersion)
 * does not parse and is refused rather than guessed at.
 */
export const tenderKind: RecordKind<StoredTender> = {
	folder: 'tenders',
	name: 'tender',
	parse: (raw) => storedTenderSchema.safeParse(raw),
	check: (record) => storedTenderSchema.parse(record)
};

export function createTenderStore(dataDir: string): TenderStore {
	return createRecordStore(dataDir, tenderKind);
}
