import { preparedBy } from '../branding';
import { ReportInputError } from '../errors';
import { lineHeight } from '../layout';
import { COLORS, MARGINS, SIZES } from '../theme';
import { plural, ratingBackground, ratingColor } from '../wording';
import type { TenderReportContext } from './context';
import { SCORING_WORDS, weightsSummary } from './words';

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
				message: `The logo could not be read: its ${logo.format} image data is damaged. Save it again or choose another file.`
			}
		]);
	}
}

/** Page 1: title, client, offers, consultant, date, ruleset, and the recommendation in a box. */
export function drawTenderCover(ctx: TenderReportContext) {
	const { w, doc, model, branding } = ctx;
	const { recommendation: rec, comparison } = model;
	doc.setFillColor(COLORS.accent);
	doc.rect(0, 0, 6, w.pageHeight, 'F');
	drawLogo(ctx);

	w.y = 56;
	w.paragraph('Lock-in Radar · IoT connectivity tender comparison', {
		size: SIZES.small,
		color: COLORS.muted
	});
	w.paragraph(
		ctx.title,
		{ size: ctx.title.length > 90 ? SIZES.h1 : SIZES.title, bold: true },
		{ after: 3 }
	);
	w.paragraph(
		'Comparison and recommendation',
		{ size: SIZES.h2, color: COLORS.muted },
		{ after: 10 }
	);

	// The decision, in a box coloured by the chosen offer's rating (neutral when none is chosen).
	const chosen = model.ranked.find((r) => r.comparison.id === rec.offerId);
	const rating = chosen ? chosen.comparison[comparison.scoredAs].rating : null;
	const big = chosen
		? chosen.comparison.vendor
		: rec.outcome === 'tie'
			? 'No single winner'
			: rec.outcome === 'nothing_answered'
				? 'No answers yet'
				: 'No offer without a deal-breaker';
	const bigLines = w.split(big, w.width - 12, { size: SIZES.h1, bold: true });
	const text = w.split(rec.headline, w.width - 12, { size: SIZES.small });
	const boxHeight =
		12 + bigLines.length * lineHeight(SIZES.h1) + text.length * lineHeight(SIZES.small);
	doc.setFillColor(ratingBackground(rating));
	doc.roundedRect(w.left, w.y, w.width, boxHeight, 2, 2, 'F');
	w.line(chosen ? 'Recommended offer' : 'Recommendation', w.left + 6, w.y + 3.5, {
		size: SIZES.tiny,
		color: COLORS.muted
	});
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
	const facts: [string, string][] = [
		['Client organisation', model.organisation || 'Not stated'],
		['Tender', model.title],
		[
			'Offers compared',
			`${model.ranked.length}, from the least locked-in: ${model.ranked.map((r) => r.comparison.vendor).join(', ')}`
		],
		[
			'Fleet',
			`${plural(fleet.devices, 'device', 'devices')} in ${plural(fleet.countries.length, 'country', 'countries')}, ${fleet.lifetimeYears}-year lifetime`
		],
		['Scored', SCORING_WORDS[comparison.scoring]],
		['Area weights', weightsSummary(model.weights)]
	];
	const by = preparedBy(branding);
	if (by) facts.push(['Prepared by', by]);
	facts.push(['Date', ctx.date]);
	facts.push([
		'Ruleset',
		`Version ${model.rulesetVersion}, published ${ctx.rules.ruleset.published}`
	]);

	const labelWidth = 42;
	for (const [label, value] of facts) {
		const lines = w.split(value, w.width - labelWidth, { size: SIZES.body });
		w.ensure(lines.length * lineHeight(SIZES.body));
		w.line(label, w.left, w.y, { size: SIZES.small, color: COLORS.muted });
		lines.forEach((line, i) =>
			w.line(line, w.left + labelWidth, w.y + i * lineHeight(SIZES.body), {
				size: SIZES.body,
				bold: i === 0 && label === 'Client organisation'
			})
		);
		w.y += lines.length * lineHeight(SIZES.body) + 2.2;
	}
}
