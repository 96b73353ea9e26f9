import type { RuleLocale } from './locales';
import type { Confidence, RestrictionKind } from './schema';

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

/**
 * How a rule reads inside a sentence ("{country} has a ban on permanent roaming"), in every rules
 * language, for texts that fill {kind} (roaming floors, local profile questions, the report's
 * local-profile answers). German reads after "In {country} gibt es …".
 */
const KIND_PHRASES: Record<RuleLocale, Record<RestrictionKind, string>> = {
	en: {
		banned: 'a ban on permanent roaming',
		time_limited: 'a time limit on roaming',
		local_profile_required: 'a local-profile requirement',
		intermittent: 'recurring short blocks on foreign SIMs',
		approval_required: 'prior approval',
		carrier_specific: 'the local carriers’ policy',
		registration_only: 'registration rules',
		none_known: 'no known rule'
	},
	de: {
		banned: 'ein Verbot permanenten Roamings',
		time_limited: 'eine zeitliche Begrenzung des Roamings',
		local_profile_required: 'eine Pflicht zu lokalen Profilen',
		intermittent: 'wiederkehrende kurze Sperren ausländischer SIMs',
		approval_required: 'eine vorherige Genehmigung',
		carrier_specific: 'die Richtlinie der lokalen Netzbetreiber',
		registration_only: 'Registrierungsregeln',
		none_known: 'keine bekannte Regel'
	}
};

/** How a rule reads inside a sentence of the rules' language. */
export const kindPhrase = (kind: RestrictionKind, locale: RuleLocale) => KIND_PHRASES[locale][kind];

/** A rule's confidence as the {confidence} placeholder of a roaming floor reads it. */
const CONFIDENCE_WORDS: Record<RuleLocale, Record<Confidence, string>> = {
	en: { high: 'high', medium: 'medium', low: 'low', unverified: 'unverified' },
	de: { high: 'hoch', medium: 'mittel', low: 'gering', unverified: 'ungeprüft' }
};

export const confidenceWord = (confidence: Confidence, locale: RuleLocale) =>
	CONFIDENCE_WORDS[locale][confidence];
