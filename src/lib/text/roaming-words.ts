/**
 * What a deployment country's roaming rule does to this offer's rating, in words shared by the
 * results page, the share page and the PDF. Every line names the rule's confidence.
 */
import { formatNumber } from '../format/locale-format';
import { m } from '../paraglide/messages';
import type { Locale } from '../paraglide/runtime';
import type { RoamingExposure } from '../scoring/types';
import { confidenceName, ratingWord } from './verdict';

type LocalProfile = NonNullable<RoamingExposure['localProfile']>;
type CaveatKind = RoamingExposure['caveats'][number]['kind'];

const LOCAL_PROFILE_MESSAGE: Record<LocalProfile, typeof m.results_profile_available> = {
	available: m.results_profile_available,
	on_request: m.results_profile_on_request,
	none: m.results_profile_none,
	not_sure: m.results_profile_not_sure,
	open: m.results_profile_open
};

const CAVEAT_MESSAGE: Record<CaveatKind, typeof m.results_caveat_other> = {
	imei_registration: m.results_caveat_imei_registration,
	sim_registration: m.results_caveat_sim_registration,
	data_localisation: m.results_caveat_data_localisation,
	local_control: m.results_caveat_local_control,
	local_entity: m.results_caveat_local_entity,
	sanctions: m.results_caveat_sanctions,
	other: m.results_caveat_other
};

/** A confidence grade on its own ("medium", "mittel"), as the rules files spell it. */
const GRADE_MESSAGE: Record<RoamingExposure['confidence'], typeof m.report_grade_high> = {
	high: m.report_grade_high,
	medium: m.report_grade_medium,
	low: m.report_grade_low,
	unverified: m.report_grade_unverified
};

export const gradeWord = (grade: RoamingExposure['confidence'], locale: Locale) =>
	GRADE_MESSAGE[grade]({}, { locale });

/** "Local profile: on request". */
export const localProfileWord = (profile: LocalProfile, locale: Locale) =>
	LOCAL_PROFILE_MESSAGE[profile]({}, { locale });

/** What each kind of caveat is called where it is listed with a country. */
export const caveatWord = (kind: CaveatKind, locale: Locale) =>
	CAVEAT_MESSAGE[kind]({}, { locale });

/** The rule's weight of evidence: "rule graded medium confidence". */
export const ruleConfidence = (r: Pick<RoamingExposure, 'confidence'>, locale: Locale) =>
	m.results_rule_graded({ confidence: confidenceName(r.confidence, locale) }, { locale });

/** The countries worth a line next to the rating: where service is at risk or terms need checking. */
export const exposedCountries = (roaming: readonly RoamingExposure[]) =>
	roaming.filter((r) => r.devices > 0 && (r.severity === 'critical' || r.severity === 'warning'));

/**
 * One line per exposed country: "Brazil (10,000 devices): devices on roaming SIMs will be cut off;
 * this sets the rating to at least critical (rule graded medium confidence)."
 */
export function roamingLine(r: RoamingExposure, locale: Locale): string {
	const who = m.results_roaming_who(
		{ name: r.name, count: formatNumber(r.devices, locale) },
		{ locale }
	);
	const evidence = ruleConfidence(r, locale);
	if (r.localProfile === 'open') {
		return m.results_roaming_line_open({ who, evidence }, { locale });
	}
	const effect =
		r.severity === 'critical'
			? (r.forces === 'critical' || r.confidence === 'high'
					? m.results_roaming_will_cut
					: m.results_roaming_may_cut)({}, { locale })
			: m.results_roaming_depends({}, { locale });
	const rating = r.forces ? ratingWord(r.forces, locale) : '';
	const forces = r.forces
		? m.results_roaming_sets(
				{ rating: locale === 'en' ? rating.toLowerCase() : rating },
				{ locale }
			)
		: '';
	return m.results_roaming_line({ who, effect, forces, evidence }, { locale });
}
