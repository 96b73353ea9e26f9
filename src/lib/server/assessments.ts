import {
	applyPatch,
	contentFromCreate,
	SCHEMA_VERSION,
	type CreateBody,
	type PatchBody,
	type StoredAssessment
} from '$lib/assessment/schema';
import { convertOverrides } from '$lib/scoring/money';
import { rescorePreview } from '$lib/scoring/rescore';
import { DEFAULT_CURRENCY } from '$lib/scoring/costs';
import { score } from '$lib/scoring/score';
import { newId } from './ids';
import { checkRevision } from './revision';
import { currentRules, pinnedRuleset, rules, rulesFor } from './rules';
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

/**
 * Applies a validated patch (validate it with `inputSchemasFor(record.rulesetVersion)`). The record
 * keeps the ruleset it is pinned to: only an accepted re-score (`rescore`) moves it on. With
 * `patch.revision`, RevisionConflictError (nothing written) unless the record is still at it.
 */
export function update(id: string, patch: PatchBody, now = new Date()) {
	// buyerCountry is left out of the patched content when cleared, so it must not survive from `current`.
	return getStore().update(id, ({ buyerCountry: _buyerCountry, ...current }) => {
		// Under the record's lock: atomic with the write, so one of two stale-based changes wins, never both.
		checkRevision(current, patch.revision);
		const from = current.currency ?? DEFAULT_CURRENCY;
		const to = patch.currency ?? from;
		// Overrides saved in the old currency move with it; overrides sent in the same patch are already in the new one.
		const costs = convertOverrides(rules.costs, current.costs, from, to);
		return {
			...current,
			...applyPatch({ ...current, costs, buyerCountry: _buyerCountry }, patch),
			revision: current.revision + 1,
			updatedAt: now.toISOString()
		};
	});
}

/** The owner's view: the record and its result (scored with its pinned ruleset), without share-token hashes. */
export function withResult(record: StoredAssessment) {
	const { shares: _shares, ...visible } = record;
	return { ...visible, result: score(rulesFor(record.rulesetVersion), record) };
}

/**
 * What re-scoring with the current ruleset would change, before the owner accepts it. `from` is
 * the version on the record, even when this server does not know it (it is then scored with the
 * current rules, and `from.known` is false).
 */
export function previewRescore(record: StoredAssessment) {
	const pinned = pinnedRuleset(record.rulesetVersion);
	const preview = rescorePreview(rulesFor(record.rulesetVersion), currentRules(), record);
	return {
		/** False when the record is already scored with the current ruleset: nothing to apply. */
		needed: !pinned.isCurrent,
		revision: record.revision,
		...preview,
		from: { ...preview.from, version: record.rulesetVersion, known: pinned.known },
		to: { ...preview.to, known: true }
	};
}
export type RescorePreviewView = ReturnType<typeof previewRescore>;

/**
 * Moves a record to the current ruleset. Returns the record and the version it had, or null for an
 * unknown id; a record already current is returned unchanged (`from` equals the current version).
 */
export async function rescore(id: string, now = new Date()) {
	let from: string | null = null;
	const record = await getStore().update(id, (current) => {
		from = current.rulesetVersion;
		if (current.rulesetVersion === rules.ruleset.version) return current;
		return {
			...current,
			rulesetVersion: rules.ruleset.version,
			revision: current.revision + 1,
			updatedAt: now.toISOString()
		};
	});
	return record && from !== null ? { record, from: from as string } : null;
}
