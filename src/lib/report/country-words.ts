/**
 * What a deployment country's roaming rule does to this offer, in the report's language: the same
 * sentences as the pages' (src/lib/text/roaming-words.ts) in English. Every line names the rule's
 * confidence.
 */
import type { Locale } from '$lib/paraglide/runtime';
import { m } from '$lib/paraglide/messages';
import type { RoamingExposure } from '../scoring/types';
import { confidenceName } from './verdict-words';
import { count, ratingInline } from './wording';

type Say = (inputs: Record<string, never>, options: { locale: Locale }) => string;

const LOCAL_PROFILE: Record<NonNullable<RoamingExposure['localProfile']>, Say> = {
	available: m.report_local_profile_available,
	on_request: m.report_local_profile_on_request,
	none: m.report_local_profile_none,
	not_sure: m.report_local_profile_not_sure,
	open: m.report_local_profile_open
};

export const localProfileWord = (
	answer: NonNullable<RoamingExposure['localProfile']>,
	locale: Locale
) => LOCAL_PROFILE[answer]({}, { locale });

/** A confidence grade on its own ("medium"), as the rules files spell it. */
const GRADE: Record<RoamingExposure['confidence'], Say> = {
	high: m.report_grade_high,
	medium: m.report_grade_medium,
	low: m.report_grade_low,
	unverified: m.report_grade_unverified
};

export const gradeWord = (grade: RoamingExposure['confidence'], locale: Locale) =>
	GRADE[grade]({}, { locale });

/** The rule's weight of evidence: "rule graded medium confidence". */
export const ruleConfidence = (r: Pick<RoamingExposure, 'confidence'>, locale: Locale) =>
	m.report_rule_confidence(
		{ confidence: confidenceName(r.confidence, locale), grade: gradeWord(r.confidence, locale) },
		{ locale }
	);

/** The countries worth a line next to the rating: where service is at risk or terms need checking. */
export const exposedCountries = (roaming: readonly RoamingExposure[]) =>
	roaming.filter((r) => r.devices > 0 && (r.severity === 'critical' || r.severity === 'warning'));

/**
 * One line per exposed country: "Brazil (10,000 devices): devices on roaming SIMs will be cut off;
 * this sets the rating to at least critical (rule graded medium confidence)."
 */
export function roamingLine(r: RoamingExposure, locale: Locale): string {
	const who = m.report_roaming_who(
		{ country: r.name, devices: count(r.devices, locale) },
		{ locale }
	);
	const evidence = ruleConfidence(r, locale);
	if (r.localProfile === 'open') return m.report_roaming_line_open({ who, evidence }, { locale });
	const effect =
		r.severity !== 'critical'
			? m.report_roaming_effect_conditional({}, { locale })
			: r.forces === 'critical' || r.confidence === 'high'
				? m.report_roaming_effect_will({}, { locale })
				: m.report_roaming_effect_may({}, { locale });
	if (!r.forces) return m.report_roaming_line({ who, effect, evidence }, { locale });
	return m.report_roaming_line_forces(
		{ who, effect, rating: ratingInline(r.forces, locale), evidence },
		{ locale }
	);
}

const CAVEAT: Record<RoamingExposure['caveats'][number]['kind'], Say> = {
	imei_registration: m.report_caveat_imei_registration,
	sim_registration: m.report_caveat_sim_registration,
	data_localisation: m.report_caveat_data_localisation,
	local_control: m.report_caveat_local_control,
	local_entity: m.report_caveat_local_entity,
	sanctions: m.report_caveat_sanctions,
	other: m.report_caveat_other
};

export const caveatWord = (kind: RoamingExposure['caveats'][number]['kind'], locale: Locale) =>
	CAVEAT[kind]({}, { locale });
