import type { Floor, Rating, Ruleset } from '../rules/schema';
import { CONFIDENCE_NAME, money } from '../text/verdict';
import { openAppendix, type ReportContext } from './context';
import { COLORS, SIZES } from './theme';

const pct = (risk: number) => `${Math.round(risk * 100)}/100`;
const number = (n: number) => n.toLocaleString('en', { maximumFractionDigits: 2 });

/** A floor's condition in words, from the rule itself (its reason has placeholders for the case). */
function floorCondition(ruleset: Ruleset, floor: Floor): string {
	const question = (id: string) =>
		ruleset.areas.flatMap((a) => a.questions).find((q) => q.id === id);
	const answered = (id: string, options: string[]) => {
		const q = question(id);
		const labels = options.map((o) => `“${q?.options.find((x) => x.id === o)?.label ?? o}”`);
		return `${q?.text ?? id} ${labels.join(' or ')}`;
	};
	const parts: string[] = [];
	if (floor.when.lockInSign) {
		parts.push(
			`A lock-in sign is ${floor.when.lockInSign === 'present' ? 'present' : 'partly present'} (it applies once per sign)`
		);
	}
	if (floor.when.answers) {
		parts.push(
			Object.entries(floor.when.answers)
				.map(([id, options]) => answered(id, options))
				.join('; and ')
		);
	}
	if (floor.when.anyAnswers) {
		const any = Object.entries(floor.when.anyAnswers).map(([id, options]) => answered(id, options));
		parts.push(any.length === 1 ? any[0]! : `Any of: ${any.join('; ')}`);
	}
	if (floor.when.devicesAtLeast !== undefined)
		parts.push(`with at least ${number(floor.when.devicesAtLeast)} devices`);
	return parts.join(', ');
}

const bandWords = (
	bands: readonly { atLeast: number; rating: Rating }[],
	unit: (n: number) => string
) => bands.map((b) => `${unit(b.atLeast)} or more: at least ${b.rating}`).join('; ');

/** Floors, cost bands, roaming floors, conflicts and the provisional range, from the ruleset. */
function drawRatingRules(ctx: ReportContext) {
	const { w, ruleset, result } = ctx;
	const { currency, conversion } = result.switchingCost;
	// The bands are amounts in the model's own currency; an assessment in another sees both.
	const bandMoney = (n: number) =>
		conversion
			? `${money(conversion.from, n)} (about ${money(currency, n * conversion.rate)})`
			: money(currency, n);
	const { ratingThresholds: t } = ruleset;

	w.heading('Provisional range', 2);
	w.paragraph(
		'While questions are open the rating is provisional. The range shown beside it is the score with every open question, the per-country local-profile questions included, answered at its best and then at its worst; the final score lies within it. Open questions are not counted as risks in the score itself, so a provisional low rating can still end high.',
		{ size: SIZES.small }
	);

	if (!ruleset.floors && !ruleset.costBands && !ruleset.roamingFloors) {
		w.heading('Floors', 2);
		w.paragraph(
			`Permanent roaming sets a floor: when devices in a deployment country would be cut off on roaming SIMs and the offer has no local profiles, the overall score is raised to at least ${t.critical} (critical), whatever the other answers say.`,
			{ size: SIZES.small }
		);
		return;
	}

	w.heading('Floors: when one answer outweighs the average', 2);
	w.paragraph(
		`A weighted average can hide a single answer that locks the buyer in. So the rating is at least the highest floor that applies, and the score is raised to that rating's lower bound (moderate ${t.moderate}, high ${t.high}, critical ${t.critical}); the answers' own score is shown beside it. Every floor that applies is listed with its reason and confidence wherever the rating appears.`,
		{ size: SIZES.small }
	);
	if (ruleset.floors?.length) {
		w.table({
			head: [['When', 'Rating at least', 'Confidence']],
			body: ruleset.floors.map((floor) => [
				floorCondition(ruleset, floor),
				floor.rating,
				CONFIDENCE_NAME[floor.confidence]
			]),
			styles: { fontSize: SIZES.tiny },
			columnStyles: { 1: { cellWidth: 24 }, 2: { cellWidth: 28 } }
		});
	}

	const bands = ruleset.costBands;
	if (bands) {
		w.heading('Cost bands: the cost to leave feeds the rating', 2);
		w.list(
			[
				`Total cost to leave: ${bandWords(bands.total, bandMoney)}.`,
				`Per device: ${bandWords(bands.perDevice, bandMoney)}. Per device counts only the costs that grow with each device, so a bigger fleet never rates lower.`,
				'The bands read what the offer adds to leaving: not the profile fees, the visits to devices an over-the-air campaign misses or the shortest notice, which any switch pays.',
				'Only cost lines that rest on answers count towards a band; lines assumed for open questions are left to the provisional range.',
				`${bands.basis.trim()} (${CONFIDENCE_NAME[bands.confidence]}).`,
				'The estimate is shown rounded to two significant figures, with a range from the low and high ends of the assumptions below.'
			],
			{ style: { size: SIZES.small } }
		);
	}

	const roaming = ruleset.roamingFloors;
	if (roaming) {
		const cap = roaming.maxRatingByConfidence;
		w.heading('Permanent roaming and the confidence of country rules', 2);
		w.list(
			[
				`A country whose rule blocks foreign SIMs (a ban, a time limit or a local-profile requirement), where the offer has no local profile (answered no, or not sure), sets the rating to at least ${roaming.blocking.rating}.`,
				`A country where permanent roaming needs approval or depends on carrier terms raises the rating by ${roaming.conditional.raiseBands === 1 ? 'one band' : `${roaming.conditional.raiseBands} bands`}, or to at least ${roaming.barred.rating} where its rule bars the offer's way of working (for example above a carrier's device count).`,
				`Weak evidence never forces the worst rating: a rule graded high confidence may force at most ${cap.high}, medium ${cap.medium}, low ${cap.low}, unverified ${cap.unverified}. Every country line names its rule's confidence.`,
				ruleset.localProfiles
					? 'Each restricting country has its own local-profile question; a yes for one country says nothing about another. An unanswered country question is not counted as a no: it widens the provisional range instead.'
					: 'One answer on local profiles covers every restricting country.'
			],
			{ style: { size: SIZES.small } }
		);
	}

	if (ruleset.conflicts.length) {
		w.heading('Answers that contradict each other', 2);
		w.paragraph(
			`The ruleset names ${ruleset.conflicts.length} pairs of answers that cannot both be true. When both are given, the stronger claim counts as "${ruleset.notSure.label}" (and stays on the ask-the-vendor list) until one of them is corrected; a contradiction is never a free pass. The pairs:`,
			{ size: SIZES.small }
		);
		w.list(
			ruleset.conflicts.map((c) => c.message.trim().split(/(?<=\.)\s/)[0]!),
			{ style: { size: SIZES.tiny }, after: 0.8 }
		);
	}
}

/** How scores, weights, ratings, the roaming floor and the cost model work; versions and assumptions. */
export function drawMethodology(ctx: ReportContext) {
	const { w, ruleset, result, assessment, dataVersions } = ctx;
	const { moderate, high, critical } = ruleset.ratingThresholds;
	openAppendix(ctx, 'B', 'Methodology');

	w.heading('How the scores work', 2);
	w.list([
		`Every answer carries a lock-in risk from 0 (keeps you free to leave) to 100 (locks you in), fixed in the ruleset. "${ruleset.notSure.label}" counts as ${pct(ruleset.notSure.risk)}${ruleset.notSure.capAtWorstOption ? ", but never more than the question's worst answer, so confirming the worst answer never improves the score" : ''}: an unknown is treated as a risk until the vendor answers it.`,
		'An area’s score is the average risk of its answered questions, weighted by how much each question matters. Unanswered questions are left out, and the result is marked provisional until all are answered (see "Provisional range").',
		'The overall score is the average of the area scores, weighted by area (table below).',
		`Ratings: low below ${moderate}, moderate from ${moderate}, high from ${high}, critical from ${critical}.`,
		`An answer with a risk of ${pct(ruleset.findingRiskThreshold)} or more becomes a finding (high from ${pct(ruleset.highRiskThreshold)}, otherwise medium), ranked by area weight × question weight × risk; a roaming finding is critical when its country forces a critical rating.`
	]);

	w.table({
		head: [['Area', 'Area weight', 'Questions', 'Question weights']],
		body: ruleset.areas.map((area) => {
			const weights = area.questions.map((q) => q.weight);
			return [
				area.title,
				number(area.weight),
				String(area.questions.length),
				`${number(Math.min(...weights))} to ${number(Math.max(...weights))}`
			];
		}),
		columnStyles: { 1: { halign: 'right' }, 2: { halign: 'right' } }
	});

	drawRatingRules(ctx);

	w.heading('How the switching cost is estimated', 2);
	w.paragraph(
		'Leaving the provider costs either a site visit per device to swap SIMs (on a routine round or a dedicated trip, as the fleet says; a trip when it does not) or an over-the-air switch (profile fees, moving the eIM or SM-SR unless you control it, and a visit to each device the campaign misses); both providers billing until the notice period answered ends; rebuilding platform data, integrations and automation (scaled by the platform area score); and what the contract still owes on exit, from the term, volume and exit-terms answers only. The figures below are defaults from published sources or our assumptions, and can be overridden per assessment; overridden values are marked.',
		{ size: SIZES.small }
	);
	const cost = result.switchingCost;
	if (cost.conversion) {
		w.paragraph(
			`Amounts are in ${cost.currency}, converted from the model's ${cost.conversion.from} figures at ${cost.conversion.rate} ${cost.currency} per ${cost.conversion.from} (rate of ${cost.conversion.asOf}, ${CONFIDENCE_NAME[cost.conversion.confidence]}). ${cost.conversion.basis}`,
			{ size: SIZES.small }
		);
	}
	w.table({
		head: [['Assumption', 'Value used', 'Default', 'Confidence', 'Basis and sources']],
		body: cost.assumptions.map((a) => [
			a.label,
			`${number(a.value)} ${a.unit}${a.overridden ? ' (set for this assessment)' : ''}`,
			number(a.defaultValue),
			a.confidence,
			[a.basis, ...a.sources].join('\n')
		]),
		styles: { fontSize: SIZES.tiny },
		columnStyles: {
			0: { cellWidth: 30 },
			1: { cellWidth: 28 },
			2: { cellWidth: 16, halign: 'right' },
			3: { cellWidth: 21 }
		}
	});

	w.heading('Versions and sources', 2);
	const versions = [
		`Scored with ruleset version ${result.rulesetVersion} (published ${ruleset.published}).`,
		assessment.rulesetVersion !== result.rulesetVersion
			? `The answers were last saved against ruleset ${assessment.rulesetVersion}; answers to options that no longer exist count as open.`
			: `The answers were last saved against the same ruleset, on ${assessment.updatedAt.slice(0, 10)}.`
	];
	if (dataVersions.countries)
		versions.push(`Country roaming rules: data version ${dataVersions.countries}.`);
	if (dataVersions.costs)
		versions.push(`Cost defaults: data version ${dataVersions.costs}, in ${cost.currency}.`);
	versions.push(
		'Country rules change and some are graded low confidence or unverified: confirm the rules that matter with the vendor and local operators before you sign.'
	);
	w.list(versions, { style: { size: SIZES.small } });
	w.paragraph(`Report generated by Lock-in Radar on ${ctx.date}.`, {
		size: SIZES.small,
		color: COLORS.muted
	});
}
