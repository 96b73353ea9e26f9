import type { Answer, Fleet } from '../assessment/schema';
import type { Rules } from '../rules/load';
import {
	BLOCKING_KINDS,
	CONDITIONAL_KINDS,
	INTERMITTENT_KINDS,
	confidenceWord,
	kindPhrase
} from '../rules/restrictions';
import { NOT_SURE } from '../rules/constants';
import { RATINGS, type Floor, type Rating } from '../rules/schema';
import { notSureRisk } from './answers';
import { formatNumber } from '../format/locale-format';
import { m } from '../paraglide/messages';
import { fill, listWords, quoted } from '../text/template';
import { money, moneyRange } from '../text/verdict';
import { rateFor } from './money';
import type { AppliedFloor, LockInSignStatus, RoamingExposure, SwitchingCost } from './types';

const rank = (rating: Rating) => RATINGS.indexOf(rating);

export const maxRating = (ratings: readonly Rating[]): Rating =>
	ratings.reduce((top, r) => (rank(r) > rank(top) ? r : top), 'low' as Rating);

const minRating = (a: Rating, b: Rating): Rating => (rank(a) <= rank(b) ? a : b);

const raise = (rating: Rating, bands: number): Rating =>
	RATINGS[Math.min(RATINGS.length - 1, rank(rating) + bands)]!;

export interface FloorInputs {
	fleet: Fleet;
	/** The answers as scored (contradicted claims already count as "not sure"). */
	answers: Record<string, Answer>;
	signs: LockInSignStatus[];
	roaming: RoamingExposure[];
	cost: SwitchingCost;
	answersRating: Rating;
}

function labelOf(rules: Rules, questionId: string, option: string): string {
	return rules.questionsById.get(questionId)?.options.find((o) => o.id === option)?.label ?? option;
}

/** The answers a condition matched, or null when it does not hold. */
function matchedAnswers(
	rules: Rules,
	floor: Floor,
	answers: Record<string, Answer>
): string[] | null {
	const labels: string[] = [];
	for (const [questionId, options] of Object.entries(floor.when.answers ?? {})) {
		const option = answers[questionId]?.option;
		if (!option || !options.includes(option)) return null;
		labels.push(labelOf(rules, questionId, option));
	}
	if (floor.when.anyAnswers) {
		const any = Object.entries(floor.when.anyAnswers).flatMap(([questionId, options]) => {
			const option = answers[questionId]?.option;
			return option && options.includes(option) ? [labelOf(rules, questionId, option)] : [];
		});
		if (any.length === 0) return null;
		labels.push(...any);
	}
	return labels;
}

function answerFloors(rules: Rules, inputs: FloorInputs): Omit<AppliedFloor, 'raises'>[] {
	const applied: Omit<AppliedFloor, 'raises'>[] = [];
	const devices = formatNumber(inputs.fleet.devices, rules.locale);
	for (const floor of rules.ruleset.floors ?? []) {
		if (floor.when.devicesAtLeast !== undefined && inputs.fleet.devices < floor.when.devicesAtLeast)
			continue;
		const labels = matchedAnswers(rules, floor, inputs.answers);
		if (labels === null) continue;
		const answer = listWords(
			labels.map((label) => quoted(label, rules.locale)),
			rules.locale
		);
		const base = { rating: floor.rating, confidence: floor.confidence, source: 'answers' as const };
		if (floor.when.lockInSign) {
			for (const sign of inputs.signs) {
				const counted = signAsScored(rules, sign, inputs.answers);
				if (counted.status !== floor.when.lockInSign) continue;
				const reason = fill(floor.reason, { devices, answer, sign: sign.title });
				applied.push({
					...base,
					id: `${floor.id}:${sign.id}`,
					reason: counted.unsure
						? `${reason} ${m.textde_floor_not_sure_note({}, { locale: rules.locale })}`
						: reason
				});
			}
		} else {
			applied.push({
				...base,
				id: floor.id,
				reason: fill(floor.reason, { devices, answer, sign: '' })
			});
		}
	}
	return applied;
}

/**
 * A sign's status as the floors read it: "not sure" counts as a risk, as it does in the score, so
 * being unsure of an answer never rates lower than giving the risky answer itself.
 */
function signAsScored(
	rules: Rules,
	sign: LockInSignStatus,
	answers: Record<string, Answer>
): { status: LockInSignStatus['status']; unsure: boolean } {
	let risky = 0;
	let unsure = false;
	for (const item of sign.evidence) {
		const question = rules.questionsById.get(item.questionId);
		const isUnsure =
			!item.risky &&
			answers[item.questionId]?.option === NOT_SURE &&
			!!question &&
			notSureRisk(rules.ruleset, question) >= rules.ruleset.findingRiskThreshold;
		if (item.risky || isUnsure) risky += 1;
		if (isUnsure) unsure = true;
	}
	const status = risky === sign.evidence.length ? 'present' : risky > 0 ? 'partly' : sign.status;
	return { status, unsure };
}

function bandFor(
	bands: readonly { atLeast: number; rating: Rating }[],
	amount: number
): Rating | null {
	let found: Rating | null = null;
	for (const band of bands) if (amount >= band.atLeast) found = band.rating;
	return found;
}

function costFloors(
	rules: Rules,
	cost: SwitchingCost,
	devices: number
): Omit<AppliedFloor, 'raises'>[] {
	const bands = rules.ruleset.costBands;
	if (!bands) return [];
	const { estimate, currency } = cost;
	const values = {
		currency,
		total: money(currency, estimate.total, rules.locale),
		perDevice: money(currency, estimate.perDevice, rules.locale),
		range: ''
	};
	const applied: Omit<AppliedFloor, 'raises'>[] = [];
	// The bands are amounts in the rules' currency; the cost is in the assessment's.
	const rate = rateFor(rules.costs, currency);
	const total = bandFor(bands.total, cost.rated.total / rate);
	if (total) {
		applied.push({
			id: 'cost_total',
			rating: total,
			reason: fill(bands.reasonTotal, {
				...values,
				range: moneyRange(currency, estimate.low, estimate.high, rules.locale)
			}),
			confidence: bands.confidence,
			source: 'cost'
		});
	}
	const perDevice = devices > 0 ? bandFor(bands.perDevice, cost.rated.perDevice / rate) : null;
	if (perDevice) {
		applied.push({
			id: 'cost_per_device',
			rating: perDevice,
			reason: fill(bands.reasonPerDevice, {
				...values,
				range: moneyRange(currency, estimate.perDeviceLow, estimate.perDeviceHigh, rules.locale)
			}),
			confidence: bands.confidence,
			source: 'cost'
		});
	}
	return applied;
}

/** A roaming-only offer in a restricting country: what the rule forces, capped by its confidence. */
function roamingFloors(rules: Rules, inputs: FloorInputs): Omit<AppliedFloor, 'raises'>[] {
	const settings = rules.ruleset.roamingFloors;
	const applied: Omit<AppliedFloor, 'raises'>[] = [];
	for (const exposure of inputs.roaming) {
		if (exposure.devices === 0 || exposure.mitigated) continue;
		// An unanswered per-country question is open, not a "no": the provisional range covers it.
		if (exposure.localProfile === 'open') continue;
		const values = {
			country: exposure.name,
			kind: kindPhrase(exposure.kind, rules.locale),
			confidence: confidenceWord(exposure.confidence, rules.locale),
			devices: formatNumber(exposure.devices, rules.locale),
			barred: ''
		};
		const id = `roaming:${exposure.country}`;
		if (!settings) {
			// Rulesets before 2.0.0: any blocking country without local profiles forced critical.
			if (!BLOCKING_KINDS.has(exposure.kind)) continue;
			applied.push({
				id,
				rating: 'critical',
				reason: `Permanent-roaming exposure in ${exposure.name} without local profiles`,
				confidence: exposure.confidence,
				source: 'roaming'
			});
			continue;
		}
		const cap = settings.maxRatingByConfidence[exposure.confidence];
		if (BLOCKING_KINDS.has(exposure.kind)) {
			applied.push({
				id,
				rating: minRating(settings.blocking.rating, cap),
				reason: fill(settings.blocking.reason, values),
				confidence: exposure.confidence,
				source: 'roaming'
			});
		} else if (INTERMITTENT_KINDS.has(exposure.kind)) {
			const intermittent = settings.intermittent ?? {
				raiseBands: 1,
				reason: settings.conditional.reason
			};
			applied.push({
				id,
				rating: minRating(raise(inputs.answersRating, intermittent.raiseBands), cap),
				reason: fill(intermittent.reason, values),
				confidence: exposure.confidence,
				source: 'roaming'
			});
		} else if (CONDITIONAL_KINDS.has(exposure.kind)) {
			const rule = rules.countryRules.get(exposure.country);
			const bar = rule?.barsRoaming;
			const barred = !!bar && (bar.devicesOver === undefined || exposure.devices > bar.devicesOver);
			// One band up in any case; where the rule bars a roaming-only offer, at least `barred`
			// too: the higher of the two, so more devices never lower the rating.
			const raised = minRating(raise(inputs.answersRating, settings.conditional.raiseBands), cap);
			const rating = barred ? maxRating([raised, minRating(settings.barred.rating, cap)]) : raised;
			applied.push({
				id,
				rating,
				reason: barred
					? fill(settings.barred.reason, { ...values, barred: bar!.reason })
					: fill(settings.conditional.reason, values),
				confidence: exposure.confidence,
				source: 'roaming'
			});
		}
	}
	return applied;
}

/**
 * Every minimum rating the answers, the cost to leave and the fleet's countries force, highest
 * first. A floor "raises" when it is above what the weighted answers alone rate.
 */
export function applyFloors(rules: Rules, inputs: FloorInputs): AppliedFloor[] {
	const applied = [
		...answerFloors(rules, inputs),
		...costFloors(rules, inputs.cost, inputs.fleet.devices),
		...roamingFloors(rules, inputs)
	];
	return applied
		.map((floor) => ({ ...floor, raises: rank(floor.rating) > rank(inputs.answersRating) }))
		.sort((a, b) => rank(b.rating) - rank(a.rating) || a.id.localeCompare(b.id));
}
