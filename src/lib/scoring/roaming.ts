import { localProfileQuestionId } from '../assessment/local-profiles';
import type { Answer, Fleet } from '../assessment/schema';
import type { Rules } from '../rules/load';
import { BLOCKING_KINDS, CONDITIONAL_KINDS, INTERMITTENT_KINDS } from '../rules/restrictions';
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
	arrival: 'on arrival',
	idle: 'after idle days',
	network_change: 'after every change of network'
} as const;

function days(n: number) {
	return n === 1 ? '1 day' : `${n} days`;
}

function describeByWhen(
	rule: CountryRule | undefined,
	kind: RestrictionKind,
	lifetimeYears: number
): string {
	if (rule?.intermittent) {
		const { blockHours, triggers, idleDays } = rule.intermittent;
		const when = triggers.map((t) =>
			t === 'idle' && idleDays ? `after ${days(idleDays)} without traffic` : TRIGGER_WORDS[t]
		);
		return `Blocks of ${blockHours} hours ${when.join(', ')}, again and again`;
	}
	if (!BLOCKING_KINDS.has(kind) && !CONDITIONAL_KINDS.has(kind)) return 'No deadline known';
	const afterDays = rule?.afterDays ?? null;
	const timingUnsure = rule?.timingConfidence === 'unverified';
	if (afterDays === null || timingUnsure) return 'Timing not published';
	const lifetimeDays = Math.round(lifetimeYears * 365);
	const within = afterDays <= lifetimeDays;
	const window = rule?.afterDaysMax
		? `${afterDays} to ${days(rule.afterDaysMax)}`
		: days(afterDays);
	const graded =
		rule?.timingConfidence && rule.timingConfidence !== rule.confidence
			? ` (timing: ${rule.timingConfidence} confidence)`
			: '';
	return `After about ${window} of roaming${within ? `, well inside the ${lifetimeYears}-year device lifetime` : ''}${graded}`;
}

function mitigationOf(
	kind: RestrictionKind,
	capabilities: OfferCapabilities
): Pick<RoamingExposure, 'mitigated' | 'mitigation' | 'mitigationNote'> {
	if (!BLOCKING_KINDS.has(kind) && !CONDITIONAL_KINDS.has(kind)) {
		return { mitigated: true, mitigation: 'not_needed', mitigationNote: 'No mitigation needed.' };
	}
	if (capabilities.proven.has('local_profiles')) {
		return {
			mitigated: true,
			mitigation: 'local_profiles',
			mitigationNote:
				'The offer can move devices to a local operator profile, which meets the rule.'
		};
	}
	if (capabilities.unconfirmed.has('local_profiles')) {
		return {
			mitigated: false,
			mitigation: 'not_proven',
			mitigationNote:
				'You are not sure the offer has local profiles: until the vendor confirms it, assume devices here will be cut off.'
		};
	}
	if (capabilities.unanswered.has('local_profiles')) {
		return {
			mitigated: false,
			mitigation: 'not_proven',
			mitigationNote:
				'Not answered yet whether the offer has local profiles: until it is, assume devices here will be cut off.'
		};
	}
	const notes: string[] = ['The offer has no local profiles for this market.'];
	if (capabilities.proven.has('multi_imsi')) {
		notes.push(
			'Multi-IMSI switches networks, but a foreign IMSI stays foreign, so it does not satisfy the rule.'
		);
	}
	if (capabilities.proven.has('euicc')) {
		notes.push('The eUICC could hold a local profile, but the offer does not provide one.');
	}
	return { mitigated: false, mitigation: 'none', mitigationNote: notes.join(' ') };
}

type Mitigation = Pick<
	RoamingExposure,
	'mitigated' | 'mitigation' | 'mitigationNote' | 'localProfile'
>;

/** Ruleset 2.0.0 on: the country's own local-profile answer decides, not one global yes. */
function perCountryMitigation(kind: RestrictionKind, answer: Answer | undefined): Mitigation {
	if (INTERMITTENT_KINDS.has(kind)) {
		return {
			mitigated: false,
			mitigation: 'none',
			mitigationNote:
				'A local profile is not a sure cure: local SIMs face similar blocks. No site visit is needed, but plan for the outages, and avoid network changes that restart the block.',
			localProfile: null
		};
	}
	if (!BLOCKING_KINDS.has(kind) && !CONDITIONAL_KINDS.has(kind)) {
		return {
			mitigated: true,
			mitigation: 'not_needed',
			mitigationNote: 'No mitigation needed.',
			localProfile: null
		};
	}
	switch (answer?.option) {
		case 'available':
			return {
				mitigated: true,
				mitigation: 'local_profiles',
				mitigationNote: 'The offer has a local operator profile here, which meets the rule.',
				localProfile: 'available'
			};
		case 'on_request': {
			const lead = answer.note?.trim();
			return {
				mitigated: true,
				mitigation: 'on_request',
				mitigationNote: `A local profile is available on request${lead ? ` (${lead.slice(0, 200)})` : ''}: agree its lead time and price before devices reach the limit.`,
				localProfile: 'on_request'
			};
		}
		case 'none':
			return {
				mitigated: false,
				mitigation: 'none',
				mitigationNote: 'The offer has no local profile here: devices stay on roaming SIMs.',
				localProfile: 'none'
			};
		case NOT_SURE:
			return {
				mitigated: false,
				mitigation: 'not_proven',
				mitigationNote:
					'You are not sure the offer has a local profile here: until the vendor confirms it, assume devices here stay on roaming SIMs.',
				localProfile: 'not_sure'
			};
		default:
			return {
				mitigated: false,
				mitigation: 'not_proven',
				mitigationNote: 'Not answered yet whether the offer has a local profile here.',
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
			? perCountryMitigation(kind, answers[localProfileQuestionId(code)])
			: { ...mitigationOf(kind, capabilities), localProfile: null };
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
			byWhen: describeByWhen(rule, kind, fleet.lifetimeYears),
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
