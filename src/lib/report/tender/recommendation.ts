import { countByKind } from '../../tender/clarifications';
import { COLORS, SIZES } from '../theme';
import { m } from '../../paraglide/messages';
import { openSection, type TenderReportContext } from './context';
import { questionsWord } from './words';

/** The decision and its reasons: what the consultant signs off, before any table. */
export function drawRecommendation(ctx: TenderReportContext) {
	const { w, model } = ctx;
	const rec = model.recommendation;
	const { locale } = ctx;
	const o = { locale };
	openSection(ctx, m.tpdf_rec_heading({}, o));
	w.paragraph(rec.headline, { size: SIZES.h3, bold: true }, { after: 3 });

	w.heading(m.tpdf_rec_why({}, o), 2);
	w.list(rec.reasons);

	if (rec.cautions.length) {
		w.heading(m.tpdf_rec_cautions({}, o), 2);
		w.list(rec.cautions, { style: rec.restsOnUnverified ? { color: COLORS.high } : {} });
	}

	if (rec.weakest.length) {
		w.heading(
			rec.outcome === 'recommended'
				? m.tpdf_rec_weakest({}, o)
				: rec.outcome === 'tie'
					? m.tpdf_rec_weakest_each({}, o)
					: m.tpdf_rec_weakest_least({}, o),
			2
		);
		w.list(rec.weakest);
	}

	if (rec.demands.length) {
		w.heading(
			rec.outcome === 'recommended' ? m.tpdf_rec_demands({}, o) : m.tpdf_rec_must_change({}, o),
			2
		);
		w.list(rec.demands, { numbered: true });
	}

	w.heading(m.tpdf_rec_questions({}, o), 2);
	w.paragraph(m.tpdf_rec_questions_intro({}, o), { size: SIZES.small, color: COLORS.muted });
	w.table({
		head: [
			[
				m.tpdf_col_offer({}, o),
				m.tpdf_col_disputed({}, o),
				m.tpdf_col_rejected({}, o),
				m.tpdf_col_not_sure({}, o),
				m.tpdf_col_not_answered({}, o),
				m.tpdf_col_unverified({}, o)
			]
		],
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
		w.paragraph(m.tpdf_rec_nothing({}, o), {
			size: SIZES.small
		});
	else
		w.paragraph(m.tpdf_rec_in_all({ questions: questionsWord(total, locale) }, o), {
			size: SIZES.small,
			color: COLORS.muted
		});
}
