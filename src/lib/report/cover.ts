import { preparedBy } from './branding';
import type { ReportContext } from './context';
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
import { count, plural, RATING_MEANING, ratingBackground, ratingColor } from './wording';

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
				message: `The logo could not be read: its ${logo.format} image data is damaged. Save it again or choose another file.`
			}
		]);
	}
}

/** Page 1: title, client, offer, consultant, date, ruleset version, logo, and the verdict. */
export function drawCover(ctx: ReportContext) {
	const { w, doc, assessment, result, branding } = ctx;
	doc.setFillColor(COLORS.accent);
	doc.rect(0, 0, 6, w.pageHeight, 'F');

	drawLogo(ctx, MARGINS.left, 20);
	w.y = 56;
	w.paragraph('Lock-in Radar · IoT connectivity lock-in assessment', {
		size: SIZES.small,
		color: COLORS.muted
	});
	w.paragraph(
		ctx.title,
		{ size: ctx.title.length > 90 ? SIZES.h1 : SIZES.title, bold: true },
		{ after: 3 }
	);
	w.paragraph('Consultant report', { size: SIZES.h2, color: COLORS.muted }, { after: 10 });

	// The verdict, in a coloured box.
	const { rating, score } = result.overall;
	const meaning = RATING_MEANING[rating];
	const text = w.split(meaning.meaning, w.width - 48, { size: SIZES.small });
	const boxHeight = Math.max(26, 14 + text.length * lineHeight(SIZES.small));
	doc.setFillColor(ratingBackground(rating));
	doc.roundedRect(w.left, w.y, w.width, boxHeight, 2, 2, 'F');
	w.line(String(Math.round(score)), w.left + 6, w.y + 4, {
		size: 30,
		bold: true,
		color: ratingColor(rating)
	});
	w.line('out of 100', w.left + 6, w.y + 17, { size: SIZES.tiny, color: COLORS.muted });
	w.line(
		`${meaning.headline}${result.overall.provisional ? ' so far' : ''}`,
		w.left + 42,
		w.y + 5,
		{ size: SIZES.h2, bold: true, color: ratingColor(rating) }
	);
	text.forEach((line, i) =>
		w.line(line, w.left + 42, w.y + 12 + i * lineHeight(SIZES.small), { size: SIZES.small })
	);
	w.y += boxHeight + 12;

	const { fleet } = assessment;
	const facts: [string, string][] = [
		['Client organisation', assessment.organisation || 'Not stated'],
		['Offer assessed', assessment.vendor || 'Offer not named'],
		['Assessment', assessment.title],
		[
			'Fleet',
			`${plural(fleet.devices, 'device', 'devices')} in ${plural(fleet.countries.length, 'country', 'countries')}, ${fleet.lifetimeYears}-year lifetime`
		]
	];
	const by = preparedBy(branding);
	if (by) facts.push(['Prepared by', by]);
	facts.push(['Date', ctx.date]);
	facts.push(['Ruleset', `Version ${result.rulesetVersion}, published ${ctx.ruleset.published}`]);
	facts.push([
		'Completeness',
		provisionalLine(result, 'en') ?? `All ${count(result.completeness.total)} questions answered`
	]);
	const cost = result.switchingCost;
	facts.push([
		'Cost to leave',
		[`${costHeadline(cost, 'en')}.`, costAssumedNote(cost, 'en')].filter(Boolean).join(' ')
	]);
	// The cover has room for three reasons; the executive summary lists every one.
	const raising = result.overall.floors.filter((f) => f.raises);
	const shown = raising.slice(0, 3).map((f, i) => `${i + 1}. ${floorLine(f, 'en')}`);
	if (raising.length > shown.length) {
		shown.push(
			`${plural(raising.length - shown.length, 'further reason is', 'further reasons are')} in the executive summary.`
		);
	}
	facts.push(['Why this rating', [ratingExplanation(result, 'en'), ...shown].join('\n')]);

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
