import type { StoredAssessment } from '../../assessment/schema';

/**
 * Storage behind a small interface: the file store ships today; a PostgreSQL implementation
 * would keep one row per assessment (id primary key, JSONB body) behind the same four verbs.
 */
export interface AssessmentStore {
	/** Stores a new record; fails if the id exists. */
	create(record: StoredAssessment): Promise<void>;
	read(id: string): Promise<StoredAssessment | null>;
	/** Atomic read-modify-write of one record; null when it does not exist. */
	update(
		id: string,
		change: (current: StoredAssessment) => StoredAssessment
	): Promise<StoredAssessment | null>;
	/** Every stored id (for export and maintenance; not used on request paths). */
	ids(): Promise<string[]>;
}
