import { localProfileQuestionId } from '../assessment/local-profiles';
import type { Answer, Fleet } from '../assessment/schema';
import { formatNumber } from '../format/locale-format';
import { m } from '../paraglide/messages';
import type { Rules } from '../rules/load';
import type { RuleLocale } from '../rules/locales';
import {
	BLOCKING_KINDS,
	CONDITIONAL_KINDS,
	INTERMITTENT_KINDS,
	confidenceWord
} from '../rules/restrictions';
import { NOT_SURE, type CountryRule, type RestrictionKind } from '../rules/schema';
import type { OfferCapabilities } from './capabilities';
import type { RoamingExposure } from './types';

/** Devices per country: explicit counts first, the rest spread evenly over the other countries. */
export function devicesPerCountry(fleet: Fleet): Map<string, number> {
	const explicit = fleet.devicesByCountry ?? {};
	const unassigned = fleet.countries.filter((code) => explicit[code] === undefined);
	const assigned = Object.values(explicit).reduce((sum, n) => sum + n, 0);
	const remaining = Math.max(0, fleet.devices - assigned);
	const share = unassigned.length ? Math.floor(remaining / unassigned.length) : 0;
	let leftover = unassigned.length ? remaining - share * unassigned.length : 0;
	const result = new Map<string, number>();
	for (const code of fleet.countries) {
		if (explicit[code] !== undefined) {
			result.set(code, explicit[code]);
		} else {
			result.set(code, share + (leftover > 0 ? 1 : 0));
			leftover -= 1;
		}
	}
	return result;
}

const TRIGGER_WORDS = {
	arrival: m.textde_trigger_arrival,
	idle: m.textde_trigger_idle,
	network_change: m.textde_trigger_network_change
} as const;

const days = (n: number, locale: RuleLocale) =>
	n === 1 ? m.textde_day_one({}, { locale }) : m.textde_days({ count: String(n) }, { locale });

/** When the rule bites, in the rules' language: "After about 90 days of roaming, …". */
function describeByWhen(
	rule: CountryRule | undefined,
	kind: RestrictionKind,
	lifetimeYears: number,
	locale: RuleLocale
): string {
	const say = { locale };
	if (rule?.intermittent) {
		const { blockHours, triggers, idleDays } = rule.intermittent;
		const when = triggers.map((t) =>
			t === 'idle' && idleDays
				? m.textde_trigger_idle_days({ days: days(idleDays, locale) }, say)
				: TRIGGER_WORDS[t]({}, say)
		);
		return m.textde_by_when_blocks({ hours: String(blockHours), when: when.join(', ') }, say);
	}
	if (!BLOCKING_KINDS.has(kind) && !CONDITIONAL_KINDS.has(kind))
		return m.textde_by_when_no_deadline({}, say);
	const afterDays = rule?.afterDays ?? null;
	const timingUnsure = rule?.timingConfidence === 'unverified';
	if (afterDays === null || timingUnsure) return m.textde_by_when_not_published({}, say);
	const lifetimeDays = Math.round(lifetimeYears * 365);
	const within = afterDays <= lifetimeDays;
	const window = rule?.afterDaysMax
		? m.textde_days_span({ from: String(afterDays), to: days(rule.afterDaysMax, locale) }, say)
		: days(afterDays, locale);
	const lifetime = within
		? m.textde_by_when_within_lifetime({ years: formatNumber(lifetimeYears, locale, 2) }, say)
		: '';
	const graded =
		rule?.timingConfidence && rule.timingConfidence !== rule.confidence
			? m.textde_by_when_timing_graded(
					{ confidence: confidenceWord(rule.timingConfidence, locale) },
					say
				)
			: '';
	return m.textde_by_when_after({ window, lifetime, graded }, say);
}

function mitigationOf(
	kind: RestrictionKind,
	capabilities: OfferCapabilities,
	locale: RuleLocale
): Pick<RoamingExposure, 'mitigated' | 'mitigation' | 'mitigationNote'> {
	const say = { locale };
	if (!BLOCKING_KINDS.has(kind) && !CONDITIONAL_KINDS.has(kind)) {
		return {
			mitigated: true,
			mitigation: 'not_needed',
			mitigationNote: m.textde_mitigation_not_needed({}, say)
		};
	}
	if (capabilities.proven.has('local_profiles')) {
		return {
			mitigated: true,
			mitigation: 'local_profiles',
			mitigationNote: m.textde_mitigation_can_move({}, say)
		};
	}
	if (capabilities.unconfirmed.has('local_profiles')) {
		return {
			mitigated: false,
			mitigation: 'not_proven',
			mitigationNote: m.textde_mitigation_not_sure_any({}, say)
		};
	}
	if (capabilities.unanswered.has('local_profiles')) {
		return {
			mitigated: false,
			mitigation: 'not_proven',
			mitigationNote: m.textde_mitigation_open_any({}, say)
		};
	}
	const notes: string[] = [m.textde_mitigation_none_market({}, say)];
	if (capabilities.proven.has('multi_imsi')) notes.push(m.textde_mitigation_multi_imsi({}, say));
	if (capabilities.proven.has('euicc')) notes.push(m.textde_mitigation_euicc({}, say));
	return { mitigated: false, mitigation: 'none', mitigationNote: notes.join(' ') };
}

type Mitigation = Pick<
	RoamingExposure,
	'mitigated' | 'mitigation' | 'mitigationNote' | 'localProfile'
>;

/** Ruleset 2.0.0 on: the country's own local-profile answer decides, not one global yes. */
function perCountryMitigation(
	kind: RestrictionKind,
	answer: Answer | undefined,
	locale: RuleLocale
): Mitigation {
	const say = { locale };
	if (INTERMITTENT_KINDS.has(kind)) {
		return {
			mitigated: false,
			mitigation: 'none',
			mitigationNote: m.textde_mitigation_intermittent({}, say),
			localProfile: null
		};
	}
	if (!BLOCKING_KINDS.has(kind) && !CONDITIONAL_KINDS.has(kind)) {
		return {
			mitigated: true,
			mitigation: 'not_needed',
			mitigationNote: m.textde_mitigation_not_needed({}, say),
			localProfile: null
		};
	}
	switch (answer?.option) {
		case 'available':
			return {
				mitigated: true,
				mitigation: 'local_profiles',
				mitigationNote: m.textde_mitigation_available({}, say),
				localProfile: 'available'
			};
		case 'on_request': {
			const lead = answer.note?.trim();
			return {
				mitigated: true,
				mitigation: 'on_request',
				mitigationNote: m.textde_mitigation_on_request(
					{ lead: lead ? ` (${lead.slice(0, 200)})` : '' },
					say
				),
				localProfile: 'on_request'
			};
		}
		case 'none':
			return {
				mitigated: false,
				mitigation: 'none',
				mitigationNote: m.textde_mitigation_none_here({}, say),
				localProfile: 'none'
			};
		case NOT_SURE:
			return {
				mitigated: false,
				mitigation: 'not_proven',
				mitigationNote: m.textde_mitigation_not_sure_here({}, say),
				localProfile: 'not_sure'
			};
		default:
			return {
				mitigated: false,
				mitigation: 'not_proven',
				mitigationNote: m.textde_mitigation_open_here({}, say),
				localProfile: 'open'
			};
	}
}

/** Permanent-roaming exposure for each deployment country, in the order the user listed them. */
export function roamingExposure(
	rules: Rules,
	fleet: Fleet,
	capabilities: OfferCapabilities,
	answers: Record<string, Answer> = {}
): RoamingExposure[] {
	const devices = devicesPerCountry(fleet);
	const perCountry = !!rules.ruleset.localProfiles;
	return fleet.countries.map((code) => {
		const rule = rules.countryRules.get(code);
		const fallback = rules.countries.noKnownRestriction;
		const kind: RestrictionKind = rule?.kind ?? 'none_known';
		const afterDays = rule?.afterDays ?? null;
		const blocking = BLOCKING_KINDS.has(kind);
		const conditional = CONDITIONAL_KINDS.has(kind) || INTERMITTENT_KINDS.has(kind);
		const mitigation: Mitigation = perCountry
			? perCountryMitigation(kind, answers[localProfileQuestionId(code)], rules.locale)
			: { ...mitigationOf(kind, capabilities, rules.locale), localProfile: null };
		const count = devices.get(code) ?? 0;
		let severity: RoamingExposure['severity'] = 'none';
		if (blocking) severity = mitigation.mitigated ? 'info' : 'critical';
		else if (conditional) severity = mitigation.mitigated ? 'info' : 'warning';
		else if (kind === 'registration_only') severity = 'info';
		if (count === 0 && severity !== 'none') severity = 'info';
		return {
			country: code,
			name: rules.countryNames.get(code) ?? rule?.name ?? code,
			devices: count,
			kind,
			restricted: blocking || conditional,
			severity,
			afterDays,
			byWhen: describeByWhen(rule, kind, fleet.lifetimeYears, rules.locale),
			summary: rule?.summary ?? fallback.summary,
			whatHappens: rule?.foreignSimImpact ?? fallback.foreignSimImpact,
			...mitigation,
			forces: null,
			caveats: (rule?.caveats ?? []).map(({ kind, text, sources, confidence }) => ({
				kind,
				text,
				sources,
				confidence
			})),
			confidence: rule?.confidence ?? 'unverified',
			timingConfidence: rule?.timingConfidence ?? rule?.confidence ?? 'unverified',
			sources: rule?.sources ?? [],
			reviewed: rule?.reviewed ?? fallback.reviewed
		};
	});
}
