import { countByKind } from '../../tender/clarifications';
import { COLORS, SIZES } from '../theme';
import { plural } from '../wording';
import { openSection, type TenderReportContext } from './context';

/** The decision and its reasons: what the consultant signs off, before any table. */
export function drawRecommendation(ctx: TenderReportContext) {
	const { w, model } = ctx;
	const rec = model.recommendation;
	openSection(ctx, 'Recommendation');
	w.paragraph(rec.headline, { size: SIZES.h3, bold: true }, { after: 3 });

	w.heading('Why', 2);
	w.list(rec.reasons);

	if (rec.cautions.length) {
		w.heading('Claimed against verified', 2);
		w.list(rec.cautions, { style: rec.restsOnUnverified ? { color: COLORS.high } : {} });
	}

	if (rec.weakest.length) {
		w.heading(
			rec.outcome === 'recommended'
				? 'Where it is weakest'
				: rec.outcome === 'tie'
					? 'Where each is weakest'
					: 'Where the least locked-in offer is weakest',
			2
		);
		w.list(rec.weakest);
	}

	if (rec.demands.length) {
		w.heading(
			rec.outcome === 'recommended'
				? 'What to demand in the contract'
				: 'What the least locked-in offer must change',
			2
		);
		w.list(rec.demands, { numbered: true });
	}

	w.heading('Questions to settle with each vendor', 2);
	w.paragraph(
		'Counted from each offer’s answers; the questions themselves, ready to forward, are in a section per vendor.',
		{ size: SIZES.small, color: COLORS.muted }
	);
	w.table({
		head: [['Offer', 'Disputed', 'Rejected', 'Not sure', 'Not answered', 'Unverified claims']],
		body: model.clarifications.map((c) => {
			const n = countByKind(c.items);
			return [
				c.vendor,
				String(n.disputed),
				String(n.rejected),
				String(n.not_sure),
				String(n.unanswered),
				String(n.unverified)
			];
		}),
		columnStyles: {
			1: { halign: 'right' },
			2: { halign: 'right' },
			3: { halign: 'right' },
			4: { halign: 'right' },
			5: { halign: 'right' }
		}
	});
	const total = model.clarifications.reduce((sum, c) => sum + c.items.length, 0);
	if (total === 0)
		w.paragraph('Nothing to ask: every answer of every offer is verified or your own.', {
			size: SIZES.small
		});
	else
		w.paragraph(`${plural(total, 'question', 'questions')} in all.`, {
			size: SIZES.small,
			color: COLORS.muted
		});
}
