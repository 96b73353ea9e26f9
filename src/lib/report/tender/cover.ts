import { preparedBy } from '../branding';
import { ReportInputError } from '../errors';
import { lineHeight } from '../layout';
import { COLORS, MARGINS, SIZES } from '../theme';
import { formatNumber } from '../../format/locale-format';
import { m } from '../../paraglide/messages';
import { ratingBackground, ratingColor } from '../wording';
import type { TenderReportContext } from './context';
import { scoringWords, weightsSummary } from './words';

const LOGO_BOX = { width: 60, height: 24 };

/** The consultant's logo in the same box as on the assessment report's cover. */
function drawLogo(ctx: TenderReportContext) {
	const logo = ctx.branding.logo;
	if (!logo) return;
	const scale = Math.min(LOGO_BOX.width / logo.width, LOGO_BOX.height / logo.height);
	try {
		ctx.doc.addImage(
			logo.bytes,
			logo.format,
			MARGINS.left,
			20,
			logo.width * scale,
			logo.height * scale,
			'logo',
			'FAST'
		);
	} catch {
		throw new ReportInputError([
			{
				path: 'logo',
				message: m.tpdf_logo_damaged({ format: logo.format }, { locale: ctx.locale })
			}
		]);
	}
}

/** Page 1: title, client, offers, consultant, date, ruleset, and the recommendation in a box. */
export function drawTenderCover(ctx: TenderReportContext) {
	const { w, doc, model, branding } = ctx;
	const { recommendation: rec, comparison } = model;
	const { locale } = ctx;
	const o = { locale };
	doc.setFillColor(COLORS.accent);
	doc.rect(0, 0, 6, w.pageHeight, 'F');
	drawLogo(ctx);

	w.y = 56;
	w.paragraph(m.tpdf_cover_kicker({}, o), {
		size: SIZES.small,
		color: COLORS.muted
	});
	w.paragraph(
		ctx.title,
		{ size: ctx.title.length > 90 ? SIZES.h1 : SIZES.title, bold: true },
		{ after: 3 }
	);
	w.paragraph(m.tpdf_cover_subtitle({}, o), { size: SIZES.h2, color: COLORS.muted }, { after: 10 });

	// The decision, in a box coloured by the chosen offer's rating (neutral when none is chosen).
	const chosen = model.ranked.find((r) => r.comparison.id === rec.offerId);
	const rating = chosen ? chosen.comparison[comparison.scoredAs].rating : null;
	const big = chosen
		? chosen.comparison.vendor
		: rec.outcome === 'tie'
			? m.tpdf_cover_no_winner({}, o)
			: rec.outcome === 'nothing_answered'
				? m.tpdf_cover_no_answers({}, o)
				: m.tpdf_cover_all_breakers({}, o);
	const bigLines = w.split(big, w.width - 12, { size: SIZES.h1, bold: true });
	const text = w.split(rec.headline, w.width - 12, { size: SIZES.small });
	const boxHeight =
		12 + bigLines.length * lineHeight(SIZES.h1) + text.length * lineHeight(SIZES.small);
	doc.setFillColor(ratingBackground(rating));
	doc.roundedRect(w.left, w.y, w.width, boxHeight, 2, 2, 'F');
	w.line(
		chosen ? m.tpdf_cover_recommended({}, o) : m.tpdf_cover_recommendation({}, o),
		w.left + 6,
		w.y + 3.5,
		{
			size: SIZES.tiny,
			color: COLORS.muted
		}
	);
	bigLines.forEach((line, i) =>
		w.line(line, w.left + 6, w.y + 8 + i * lineHeight(SIZES.h1), {
			size: SIZES.h1,
			bold: true,
			color: ratingColor(rating)
		})
	);
	const textTop = w.y + 9 + bigLines.length * lineHeight(SIZES.h1);
	text.forEach((line, i) =>
		w.line(line, w.left + 6, textTop + i * lineHeight(SIZES.small), { size: SIZES.small })
	);
	w.y += boxHeight + 10;

	const { fleet } = model;
	const clientLabel = m.tpdf_fact_client({}, o);
	const devices =
		fleet.devices === 1
			? m.tpdf_devices_one({}, o)
			: m.tpdf_devices_many({ count: formatNumber(fleet.devices, locale) }, o);
	const countries =
		fleet.countries.length === 1
			? m.tpdf_countries_one({}, o)
			: m.tpdf_countries_many({ count: fleet.countries.length }, o);
	const facts: [string, string][] = [
		[clientLabel, model.organisation || m.tpdf_fact_not_stated({}, o)],
		[m.tpdf_fact_tender({}, o), model.title],
		[
			m.tpdf_fact_offers({}, o),
			m.tpdf_fact_offers_value(
				{
					count: model.ranked.length,
					vendors: model.ranked.map((r) => r.comparison.vendor).join(', ')
				},
				o
			)
		],
		[
			m.tpdf_fact_fleet({}, o),
			m.tpdf_fact_fleet_value(
				{ devices, countries, years: formatNumber(fleet.lifetimeYears, locale, 1) },
				o
			)
		],
		[m.tpdf_fact_scored({}, o), scoringWords(comparison.scoring, locale)],
		[m.tpdf_fact_weights({}, o), weightsSummary(model.weights, locale)]
	];
	const by = preparedBy(branding);
	if (by) facts.push([m.tpdf_fact_prepared_by({}, o), by]);
	facts.push([m.tpdf_fact_date({}, o), ctx.date]);
	facts.push([
		m.tpdf_fact_ruleset({}, o),
		m.tpdf_fact_ruleset_value(
			{ version: model.rulesetVersion, published: ctx.rules.ruleset.published },
			o
		)
	]);

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
