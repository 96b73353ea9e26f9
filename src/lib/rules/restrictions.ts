import type { RestrictionKind } from './schema';

/** Kinds that end service for a roaming-only SIM unless it moves to a local profile. */
export const BLOCKING_KINDS: ReadonlySet<RestrictionKind> = new Set([
	'banned',
	'time_limited',
	'local_profile_required'
]);

/** Kinds that restrict through approval or carrier terms rather than a hard block. */
export const CONDITIONAL_KINDS: ReadonlySet<RestrictionKind> = new Set([
	'approval_required',
	'carrier_specific'
]);

/** Kinds that interrupt service for hours, again and again, without ending it for good. */
export const INTERMITTENT_KINDS: ReadonlySet<RestrictionKind> = new Set(['intermittent']);

/** Whether a country limits permanent roaming at all (registration rules alone do not). */
export const restrictsRoaming = (kind: RestrictionKind) =>
	BLOCKING_KINDS.has(kind) || CONDITIONAL_KINDS.has(kind) || INTERMITTENT_KINDS.has(kind);

/** Whether a local operator's profile is the cure, so the questionnaire asks for one per country. */
export const curedByLocalProfile = (kind: RestrictionKind) =>
	BLOCKING_KINDS.has(kind) || CONDITIONAL_KINDS.has(kind);

/** How a rule reads inside a sentence: "{country} has a ban on permanent roaming". */
export const KIND_PHRASE: Record<RestrictionKind, string> = {
	banned: 'a ban on permanent roaming',
	time_limited: 'a time limit on roaming',
	local_profile_required: 'a local-profile requirement',
	intermittent: 'recurring short blocks on foreign SIMs',
	approval_required: 'prior approval',
	carrier_specific: 'the local carriers’ policy',
	registration_only: 'registration rules',
	none_known: 'no known rule'
};
