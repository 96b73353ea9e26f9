import {
	applyPatch,
	contentFromCreate,
	SCHEMA_VERSION,
	type CreateBody,
	type PatchBody,
	type StoredAssessment
} from '$lib/assessment/schema';
import { score } from '$lib/scoring/score';
import { newId } from './ids';
import { rules } from './rules';
import { getStore } from './store';

export async function create(body: CreateBody, now = new Date()): Promise<StoredAssessment> {
	const record: StoredAssessment = {
		schemaVersion: SCHEMA_VERSION,
		id: newId(),
		revision: 1,
		rulesetVersion: rules.ruleset.version,
		createdAt: now.toISOString(),
		updatedAt: now.toISOString(),
		...contentFromCreate(body),
		shares: []
	};
	await getStore().create(record);
	return record;
}

export function read(id: string): Promise<StoredAssessment | null> {
	return getStore().read(id);
}

/**
 * A read shared by everything that loads during one request (the layout and its page). Loads run
 * after any form action, so they never see a record from before the action's write.
 */
export function readForRequest(locals: App.Locals, id: string): Promise<StoredAssessment | null> {
	const reads = (locals.assessmentReads ??= new Map());
	let record = reads.get(id);
	if (!record) {
		record = read(id);
		reads.set(id, record);
	}
	return record;
}

/** Applies a validated patch; the record is re-stamped with the ruleset it is now answered against. */
export function update(id: string, patch: PatchBody, now = new Date()) {
	return getStore().update(id, (current) => ({
		...current,
		...applyPatch(current, patch),
		revision: current.revision + 1,
		rulesetVersion: rules.ruleset.version,
		updatedAt: now.toISOString()
	}));
}

/** The owner's view: the record and its result, without share-token hashes (listed separately). */
export function withResult(record: StoredAssessment) {
	const { shares: _shares, ...visible } = record;
	return { ...visible, result: score(rules, record) };
}
