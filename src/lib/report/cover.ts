import { m } from '$lib/paraglide/messages';
import { preparedBy } from './branding';
import { reportLocale, type ReportContext } from './context';
import { ReportInputError } from './errors';
import { lineHeight } from './layout';
import { COLORS, MARGINS, SIZES } from './theme';
import {
	costAssumedNote,
	costHeadline,
	floorLine,
	provisionalLine,
	ratingExplanation
} from '../text/verdict';
import {
	count,
	pluralOf,
	ratingBackground,
	ratingColor,
	ratingMeaning,
	shortDate
} from './wording';

const LOGO_BOX = { width: 60, height: 24 };

/** The consultant's logo, scaled to fit its box without distortion. */
function drawLogo(ctx: ReportContext, x: number, y: number) {
	const logo = ctx.branding.logo;
	if (!logo) return;
	const scale = Math.min(LOGO_BOX.width / logo.width, LOGO_BOX.height / logo.height);
	try {
		ctx.doc.addImage(
			logo.bytes,
			logo.format,
			x,
			y,
			logo.width * scale,
			logo.height * scale,
			'logo',
			'FAST'
		);
	} catch {
		// The headers were valid but the image data is not: say so rather than ship a broken page.
		throw new ReportInputError([
			{
				path: 'logo',
				message: m.report_logo_damaged({ format: logo.format }, { locale: reportLocale(ctx) })
			}
		]);
	}
}

/** Page 1: title, client, offer, consultant, date, ruleset version, logo, and the verdict. */
export function drawCover(ctx: ReportContext) {
	const { w, doc, assessment, result, branding } = ctx;
	const locale = reportLocale(ctx);
	doc.setFillColor(COLORS.accent);
	doc.rect(0, 0, 6, w.pageHeight, 'F');

	drawLogo(ctx, MARGINS.left, 20);
	w.y = 56;
	w.paragraph(m.report_cover_kicker({}, { locale }), {
		size: SIZES.small,
		color: COLORS.muted
	});
	w.paragraph(
		ctx.title,
		{ size: ctx.title.length > 90 ? SIZES.h1 : SIZES.title, bold: true },
		{ after: 3 }
	);
	w.paragraph(
		m.report_cover_subtitle({}, { locale }),
		{ size: SIZES.h2, color: COLORS.muted },
		{ after: 10 }
	);

	// The verdict, in a coloured box.
	const { rating, score } = result.overall;
	const meaning = ratingMeaning(rating, locale);
	const text = w.split(meaning.meaning, w.width - 48, { size: SIZES.small });
	const boxHeight = Math.max(26, 14 + text.length * lineHeight(SIZES.small));
	doc.setFillColor(ratingBackground(rating));
	doc.roundedRect(w.left, w.y, w.width, boxHeight, 2, 2, 'F');
	w.line(String(Math.round(score)), w.left + 6, w.y + 4, {
		size: 30,
		bold: true,
		color: ratingColor(rating)
	});
	w.line(m.report_out_of_100({}, { locale }), w.left + 6, w.y + 17, {
		size: SIZES.tiny,
		color: COLORS.muted
	});
	w.line(
		result.overall.provisional
			? m.report_headline_so_far({ headline: meaning.headline }, { locale })
			: meaning.headline,
		w.left + 42,
		w.y + 5,
		{ size: SIZES.h2, bold: true, color: ratingColor(rating) }
	);
	text.forEach((line, i) =>
		w.line(line, w.left + 42, w.y + 12 + i * lineHeight(SIZES.small), { size: SIZES.small })
	);
	w.y += boxHeight + 12;

	const { fleet } = assessment;
	const say = (label: (inputs: Record<string, never>, o: { locale: typeof locale }) => string) =>
		label({}, { locale });
	const clientLabel = say(m.report_cover_client);
	const facts: [string, string][] = [
		[clientLabel, assessment.organisation || say(m.report_cover_client_not_stated)],
		[say(m.report_cover_offer), assessment.vendor || say(m.report_cover_offer_not_named)],
		[say(m.report_cover_assessment), assessment.title],
		[
			say(m.report_cover_fleet),
			m.report_cover_fleet_value(
				{
					devices: pluralOf(fleet.devices, locale, m.report_devices_one, m.report_devices_many),
					countries: pluralOf(
						fleet.countries.length,
						locale,
						m.report_countries_one,
						m.report_countries_many
					),
					years: count(fleet.lifetimeYears, locale)
				},
				{ locale }
			)
		]
	];
	const by = preparedBy(branding);
	if (by) facts.push([say(m.report_cover_prepared_by), by]);
	facts.push([say(m.report_cover_date), ctx.date]);
	facts.push([
		say(m.report_cover_ruleset),
		m.report_cover_ruleset_value(
			{ version: result.rulesetVersion, published: shortDate(ctx.ruleset.published, locale) },
			{ locale }
		)
	]);
	facts.push([
		say(m.report_cover_completeness),
		provisionalLine(result, locale) ??
			m.report_cover_all_answered({ total: count(result.completeness.total, locale) }, { locale })
	]);
	const cost = result.switchingCost;
	facts.push([
		say(m.report_cover_cost),
		[`${costHeadline(cost, locale)}.`, costAssumedNote(cost, locale)].filter(Boolean).join(' ')
	]);
	// The cover has room for three reasons; the executive summary lists every one.
	const raising = result.overall.floors.filter((f) => f.raises);
	const shown = raising.slice(0, 3).map((f, i) => `${i + 1}. ${floorLine(f, locale)}`);
	if (raising.length > shown.length) {
		shown.push(
			pluralOf(
				raising.length - shown.length,
				locale,
				m.report_cover_further_reason_one,
				m.report_cover_further_reason_many
			)
		);
	}
	facts.push([say(m.report_cover_why), [ratingExplanation(result, locale), ...shown].join('\n')]);

	const labelWidth = 42;
	for (const [label, value] of facts) {
		const lines = w.split(value, w.width - labelWidth, { size: SIZES.body });
		w.ensure(lines.length * lineHeight(SIZES.body));
		w.line(label, w.left, w.y, { size: SIZES.small, color: COLORS.muted });
		lines.forEach((line, i) =>
			w.line(line, w.left + labelWidth, w.y + i * lineHeight(SIZES.body), {
				size: SIZES.body,
				bold: i === 0 && label === clientLabel
			})
		);
		w.y += lines.length * lineHeight(SIZES.body) + 2.2;
	}
}
