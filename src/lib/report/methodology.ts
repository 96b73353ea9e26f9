import type { Locale } from '$lib/paraglide/runtime';
import { m } from '$lib/paraglide/messages';
import type { Floor, Rating, Ruleset } from '../rules/schema';
import { openAppendix, type ReportContext, reportLocale } from './context';
import { gradeWord } from '../text/roaming-words';
import { eitherWords, quoted } from '../text/template';
import { COLORS, SIZES } from './theme';
import { confidenceName, money as roundedMoney } from '../text/verdict';
import { decimal, plainNumber, ratingInline, shortDate } from './wording';

const pct = (risk: number) => `${Math.round(risk * 100)}/100`;

/** A floor's condition in words, from the rule itself (its reason has placeholders for the case). */
function floorCondition(ruleset: Ruleset, floor: Floor, locale: Locale): string {
	const question = (id: string) =>
		ruleset.areas.flatMap((a) => a.questions).find((q) => q.id === id);
	const answered = (id: string, options: string[]) => {
		const q = question(id);
		const labels = options.map((o) =>
			quoted(q?.options.find((x) => x.id === o)?.label ?? o, locale)
		);
		return `${q?.text ?? id} ${eitherWords(labels, locale)}`;
	};
	const parts: string[] = [];
	if (floor.when.lockInSign) {
		parts.push(
			floor.when.lockInSign === 'present'
				? m.report_floor_sign_present({}, { locale })
				: m.report_floor_sign_partly({}, { locale })
		);
	}
	if (floor.when.answers) {
		parts.push(
			Object.entries(floor.when.answers)
				.map(([id, options]) => answered(id, options))
				.join(`; ${m.report_floor_and({}, { locale })} `)
		);
	}
	if (floor.when.anyAnswers) {
		const any = Object.entries(floor.when.anyAnswers).map(([id, options]) => answered(id, options));
		parts.push(
			any.length === 1 ? any[0]! : m.report_floor_any_of({ items: any.join('; ') }, { locale })
		);
	}
	if (floor.when.devicesAtLeast !== undefined)
		parts.push(
			m.report_floor_devices_at_least(
				{ devices: decimal(floor.when.devicesAtLeast, locale) },
				{ locale }
			)
		);
	return parts.join(', ');
}

const bandWords = (
	bands: readonly { atLeast: number; rating: Rating }[],
	unit: (n: number) => string,
	locale: Locale
) =>
	bands
		.map((b) =>
			m.report_band({ amount: unit(b.atLeast), rating: ratingInline(b.rating, locale) }, { locale })
		)
		.join('; ');

/** Floors, cost bands, roaming floors, conflicts and the provisional range, from the ruleset. */
function drawRatingRules(ctx: ReportContext) {
	const { w, ruleset, result } = ctx;
	const locale = reportLocale(ctx);
	const { currency, conversion } = result.switchingCost;
	// The bands are amounts in the model's own currency; an assessment in another sees both.
	const bandMoney = (n: number) =>
		conversion
			? m.report_band_money_converted(
					{
						amount: roundedMoney(conversion.from, n, locale),
						converted: roundedMoney(currency, n * conversion.rate, locale)
					},
					{ locale }
				)
			: roundedMoney(currency, n, locale);
	const { ratingThresholds: t } = ruleset;
	const thresholds = {
		moderate: String(t.moderate),
		high: String(t.high),
		critical: String(t.critical)
	};
	const small = { size: SIZES.small };

	w.heading(m.report_method_provisional_heading({}, { locale }), 2);
	w.paragraph(m.report_method_provisional({}, { locale }), small);

	if (!ruleset.floors && !ruleset.costBands && !ruleset.roamingFloors) {
		w.heading(m.report_method_floors_heading_old({}, { locale }), 2);
		w.paragraph(m.report_method_floors_old({ critical: thresholds.critical }, { locale }), small);
		return;
	}

	w.heading(m.report_method_floors_heading({}, { locale }), 2);
	w.paragraph(m.report_method_floors(thresholds, { locale }), small);
	if (ruleset.floors?.length) {
		w.table({
			head: [
				[
					m.report_col_when({}, { locale }),
					m.report_col_rating_at_least({}, { locale }),
					m.report_col_confidence({}, { locale })
				]
			],
			body: ruleset.floors.map((floor) => [
				floorCondition(ruleset, floor, locale),
				ratingInline(floor.rating, locale),
				confidenceName(floor.confidence, locale)
			]),
			styles: { fontSize: SIZES.tiny },
			columnStyles: { 1: { cellWidth: 24 }, 2: { cellWidth: 28 } }
		});
	}

	const bands = ruleset.costBands;
	if (bands) {
		w.heading(m.report_method_bands_heading({}, { locale }), 2);
		w.list(
			[
				m.report_method_bands_total(
					{ bands: bandWords(bands.total, bandMoney, locale) },
					{ locale }
				),
				m.report_method_bands_per_device(
					{ bands: bandWords(bands.perDevice, bandMoney, locale) },
					{ locale }
				),
				m.report_method_bands_offer_adds({}, { locale }),
				m.report_method_bands_answers_only({}, { locale }),
				`${bands.basis.trim()} (${confidenceName(bands.confidence, locale)}).`,
				m.report_method_bands_rounding({}, { locale })
			],
			{ style: small }
		);
	}

	const roaming = ruleset.roamingFloors;
	if (roaming) {
		const cap = roaming.maxRatingByConfidence;
		const raise =
			roaming.conditional.raiseBands === 1
				? m.report_one_band({}, { locale })
				: m.report_bands({ count: String(roaming.conditional.raiseBands) }, { locale });
		w.heading(m.report_method_roaming_heading({}, { locale }), 2);
		w.list(
			[
				m.report_method_roaming_blocking(
					{ rating: ratingInline(roaming.blocking.rating, locale) },
					{ locale }
				),
				m.report_method_roaming_conditional(
					{ raise, rating: ratingInline(roaming.barred.rating, locale) },
					{ locale }
				),
				m.report_method_roaming_caps(
					{
						high: ratingInline(cap.high, locale),
						medium: ratingInline(cap.medium, locale),
						low: ratingInline(cap.low, locale),
						unverified: ratingInline(cap.unverified, locale)
					},
					{ locale }
				),
				ruleset.localProfiles
					? m.report_method_roaming_per_country({}, { locale })
					: m.report_method_roaming_one_answer({}, { locale })
			],
			{ style: small }
		);
	}

	if (ruleset.conflicts.length) {
		w.heading(m.report_conflicts_heading({}, { locale }), 2);
		w.paragraph(
			m.report_method_conflicts(
				{ count: String(ruleset.conflicts.length), notSure: ruleset.notSure.label },
				{ locale }
			),
			small
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
	const locale = reportLocale(ctx);
	const { moderate, high, critical } = ruleset.ratingThresholds;
	const small = { size: SIZES.small };
	openAppendix(ctx, 'B', m.report_methodology_heading({}, { locale }));

	w.heading(m.report_method_scores_heading({}, { locale }), 2);
	w.list([
		m.report_method_answer_risk(
			{
				notSure: ruleset.notSure.label,
				risk: pct(ruleset.notSure.risk),
				cap: ruleset.notSure.capAtWorstOption ? m.report_method_not_sure_cap({}, { locale }) : ''
			},
			{ locale }
		),
		m.report_method_area_score({}, { locale }),
		m.report_method_overall_score({}, { locale }),
		m.report_method_ratings(
			{ moderate: String(moderate), high: String(high), critical: String(critical) },
			{ locale }
		),
		m.report_method_findings(
			{ threshold: pct(ruleset.findingRiskThreshold), high: pct(ruleset.highRiskThreshold) },
			{ locale }
		)
	]);

	w.table({
		head: [
			[
				m.report_col_area({}, { locale }),
				m.report_col_area_weight({}, { locale }),
				m.report_col_questions({}, { locale }),
				m.report_col_question_weights({}, { locale })
			]
		],
		body: ruleset.areas.map((area) => {
			const weights = area.questions.map((q) => q.weight);
			return [
				area.title,
				decimal(area.weight, locale),
				String(area.questions.length),
				m.report_weights_range(
					{
						low: decimal(Math.min(...weights), locale),
						high: decimal(Math.max(...weights), locale)
					},
					{ locale }
				)
			];
		}),
		columnStyles: { 1: { halign: 'right' }, 2: { halign: 'right' } }
	});

	drawRatingRules(ctx);

	w.heading(m.report_method_cost_heading({}, { locale }), 2);
	w.paragraph(m.report_method_cost_model({}, { locale }), small);
	const cost = result.switchingCost;
	if (cost.conversion) {
		w.paragraph(
			`${m.report_method_conversion(
				{
					currency: cost.currency,
					from: cost.conversion.from,
					rate: plainNumber(cost.conversion.rate, locale),
					asOf: shortDate(cost.conversion.asOf, locale),
					confidence: confidenceName(cost.conversion.confidence, locale)
				},
				{ locale }
			)} ${cost.conversion.basis}`,
			small
		);
	}
	w.table({
		head: [
			[
				m.report_col_assumption({}, { locale }),
				m.report_col_value_used({}, { locale }),
				m.report_col_default({}, { locale }),
				m.report_col_confidence({}, { locale }),
				m.report_col_basis({}, { locale })
			]
		],
		body: cost.assumptions.map((a) => [
			a.label,
			`${decimal(a.value, locale)} ${a.unit}${a.overridden ? m.report_set_for_assessment({}, { locale }) : ''}`,
			decimal(a.defaultValue, locale),
			gradeWord(a.confidence, locale),
			[a.basis, ...a.sources].join('\n')
		]),
		styles: { fontSize: SIZES.tiny },
		// Wide enough for the longer German heads ("Standard", "Verlässlichkeit") on one line.
		columnStyles: {
			0: { cellWidth: 30 },
			1: { cellWidth: 28 },
			2: { cellWidth: 18, halign: 'right' },
			3: { cellWidth: 25 }
		}
	});

	w.heading(m.report_method_versions_heading({}, { locale }), 2);
	const versions = [
		m.report_method_scored_with(
			{ version: result.rulesetVersion, published: shortDate(ruleset.published, locale) },
			{ locale }
		),
		assessment.rulesetVersion !== result.rulesetVersion
			? m.report_method_saved_other({ version: assessment.rulesetVersion }, { locale })
			: m.report_method_saved_same({ date: shortDate(assessment.updatedAt, locale) }, { locale })
	];
	if (dataVersions.countries)
		versions.push(
			m.report_method_countries_version({ version: dataVersions.countries }, { locale })
		);
	if (dataVersions.costs)
		versions.push(
			m.report_method_costs_version(
				{ version: dataVersions.costs, currency: cost.currency },
				{ locale }
			)
		);
	versions.push(m.report_method_confirm_rules({}, { locale }));
	w.list(versions, { style: small });
	w.paragraph(m.report_generated_on({ date: ctx.date }, { locale }), {
		size: SIZES.small,
		color: COLORS.muted
	});
}
