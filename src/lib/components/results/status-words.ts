/**
 * The short status words of the results tables, in the reader's language. The PDF keeps its own
 * English words in report/wording.ts until the report is translated.
 */
import type { ArchitectureComparison, LockInSignStatus, RoamingExposure } from '$lib/scoring/types';
import { m } from '$lib/paraglide/messages';

const ARCH: Record<ArchitectureComparison['status'], () => string> = {
	met: m.results_arch_met,
	partial: m.results_arch_partial,
	missing: m.results_arch_missing
};

const SIGN: Record<LockInSignStatus['status'], () => string> = {
	present: m.results_sign_present,
	partly: m.results_sign_partly,
	absent: m.results_sign_absent,
	unknown: m.results_sign_unknown
};

const KIND: Record<RoamingExposure['kind'], () => string> = {
	banned: m.results_kind_banned,
	time_limited: m.results_kind_time_limited,
	local_profile_required: m.results_kind_local_profile_required,
	intermittent: m.results_kind_intermittent,
	approval_required: m.results_kind_approval_required,
	carrier_specific: m.results_kind_carrier_specific,
	registration_only: m.results_kind_registration_only,
	none_known: m.results_kind_none_known
};

export const archWord = (status: ArchitectureComparison['status']) => ARCH[status]();
export const signWord = (status: LockInSignStatus['status']) => SIGN[status]();
export const kindWord = (kind: RoamingExposure['kind']) => KIND[kind]();
