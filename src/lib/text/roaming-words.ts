/**
 * What a deployment country's roaming rule does to this offer's rating, in words shared by the
 * results page, the share page and the PDF. Every line names the rule's confidence.
 */
import type { RoamingExposure } from '../scoring/types';
import { CONFIDENCE_NAME } from './verdict';

export const LOCAL_PROFILE_WORD: Record<NonNullable<RoamingExposure['localProfile']>, string> = {
	available: 'Local profile: available now',
	on_request: 'Local profile: on request',
	none: 'Local profile: none',
	not_sure: 'Local profile: not sure',
	open: 'Local profile: not answered yet'
};

/** The rule's weight of evidence: "rule graded medium confidence". */
export const ruleConfidence = (r: Pick<RoamingExposure, 'confidence'>) =>
	`rule graded ${CONFIDENCE_NAME[r.confidence]}`;

/** The countries worth a line next to the rating: where service is at risk or terms need checking. */
export const exposedCountries = (roaming: readonly RoamingExposure[]) =>
	roaming.filter((r) => r.devices > 0 && (r.severity === 'critical' || r.severity === 'warning'));

/**
 * One line per exposed country: "Brazil (10,000 devices): devices on roaming SIMs will be cut off;
 * this sets the rating to at least critical (rule graded medium confidence)."
 */
export function roamingLine(r: RoamingExposure): string {
	const who = `${r.name} (${r.devices.toLocaleString('en')} devices)`;
	const evidence = ruleConfidence(r);
	if (r.localProfile === 'open') {
		return `${who}: not answered yet whether the offer has a local profile there. Until it is, the country counts only in the provisional range (${evidence}).`;
	}
	const effect =
		r.severity === 'critical'
			? `devices on roaming SIMs ${r.forces === 'critical' || r.confidence === 'high' ? 'will' : 'may'} be cut off`
			: 'permanent roaming depends on approval or carrier terms';
	const forces = r.forces ? `; this sets the rating to at least ${r.forces}` : '';
	return `${who}: ${effect}${forces} (${evidence}).`;
}

/** What each kind of caveat is called where it is listed with a country. */
export const CAVEAT_WORD: Record<RoamingExposure['caveats'][number]['kind'], string> = {
	imei_registration: 'Device registration',
	sim_registration: 'SIM registration',
	data_localisation: 'Data localisation',
	local_control: 'Local control of SIMs',
	local_entity: 'Local entity',
	sanctions: 'Sanctions',
	other: 'Also'
};
