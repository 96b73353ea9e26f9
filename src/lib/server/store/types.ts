import type { StoredAssessment } from '../../assessment/schema';

/**
 * Storage behind a small interface: the file store ships today; a PostgreSQL implementation
 * would keep one row per record (id primary key, JSONB body) behind the same four verbs.
 */
export interface RecordStore<T> {
	/** Stores a new record; fails if the id exists. */
	create(record: T): Promise<void>;
	read(id: string): Promise<T | null>;
	/** Atomic read-modify-write of one record; null when it does not exist. */
	update(id: string, change: (current: T) => T): Promise<T | null>;
	/** Every stored id (for export and maintenance; not used on request paths). */
	ids(): Promise<string[]>;
}

/** Assessments: one record per assessment. */
export type AssessmentStore = RecordStore<StoredAssessment>;
