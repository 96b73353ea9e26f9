import { CLARIFICATION_KINDS, type ClarificationItem } from '../../tender/clarifications';
import { COLORS, SIZES } from '../theme';
import { m } from '../../paraglide/messages';
import { openSection, type TenderReportContext } from './context';
import { clarificationHeading, questionsWord } from './words';

/** Unverified claims shown in full, the ones that move the score most; the rest go in a table. */
const UNVERIFIED_IN_FULL = 8;

function drawItem(ctx: TenderReportContext, item: ClarificationItem, number: number) {
	const { w, doc } = ctx;
	const o = { locale: ctx.locale };
	w.ensure(30);
	w.paragraph(`${number}.  ${item.question}`, { size: SIZES.h3, bold: true }, { after: 1 });
	w.paragraph(
		m.tpdf_clar_question_ref({ area: item.area, id: item.questionId }, o),
		{ size: SIZES.tiny, color: COLORS.muted },
		{ indent: 6, after: 1 }
	);
	w.labelled(m.tpdf_clar_tell_us({}, o), item.ask, {}, { indent: 6, after: 1.2 });
	if (item.answer !== null)
		w.labelled(
			m.tpdf_clar_your_answer({}, o),
			item.answer,
			{ size: SIZES.small },
			{ indent: 6, after: 1 }
		);
	if (item.statement)
		w.labelled(
			m.tpdf_clar_your_statement({}, o),
			item.statement,
			{ size: SIZES.small },
			{ indent: 6, after: 1 }
		);
	if (item.evidence)
		w.labelled(
			m.tpdf_clar_your_evidence({}, o),
			item.evidence,
			{ size: SIZES.small },
			{ indent: 6, after: 1 }
		);
	if (item.buyerNote)
		w.labelled(
			item.kind === 'disputed' ? m.tpdf_clar_why_dispute({}, o) : m.tpdf_clar_why_reject({}, o),
			item.buyerNote,
			{ size: SIZES.small, color: COLORS.high },
			{ indent: 6, after: 1 }
		);
	w.labelled(
		m.tpdf_clar_why_matters({}, o),
		item.why,
		{ size: SIZES.small, color: COLORS.muted },
		{ indent: 6, after: 2 }
	);
	doc.setDrawColor(COLORS.line);
	doc.setLineWidth(0.2);
	if (w.y + 2 < w.limit) doc.line(w.left, w.y, w.left + w.width, w.y);
	w.space(3);
}

/**
 * One section per vendor, each starting on its own page and addressed to the vendor's bid team,
 * so a consultant can forward it as it is: no scores, weights, other offers or internal notes
 * beyond the reason for a dispute or a rejection.
 */
export function drawClarifications(ctx: TenderReportContext) {
	const { w, model, locale } = ctx;
	const o = { locale };
	for (const vendor of model.clarifications) {
		openSection(ctx, m.tpdf_clar_heading({ vendor: vendor.vendor }, o));
		const who = model.organisation || m.tpdf_clar_the_buyer({}, o);
		if (vendor.items.length === 0) {
			w.paragraph(m.tpdf_clar_nothing({ vendor: vendor.vendor }, o));
			continue;
		}
		w.paragraph(
			m.tpdf_clar_intro(
				{
					vendor: vendor.vendor,
					questions: questionsWord(vendor.items.length, locale),
					who,
					title: model.title
				},
				o
			),
			{},
			{ after: 3 }
		);
		let number = 1;
		for (const kind of CLARIFICATION_KINDS) {
			const items = vendor.items.filter((i) => i.kind === kind);
			if (items.length === 0) continue;
			// A group's heading and intro stay with its first question.
			w.ensure(50);
			const heading = clarificationHeading(kind, locale);
			w.heading(heading.title, 2);
			w.paragraph(heading.intro, { size: SIZES.small, color: COLORS.muted }, { after: 2.5 });
			// A bid of vendor claims has one per question: the weightiest in full, the rest as a list.
			const full = kind === 'unverified' ? items.slice(0, UNVERIFIED_IN_FULL) : items;
			for (const item of full) drawItem(ctx, item, number++);
			const rest = items.slice(full.length);
			if (rest.length) {
				w.heading(m.tpdf_clar_other_claims({}, o), 3);
				w.table({
					head: [['', m.tpdf_col_question({}, o), m.tpdf_col_your_answer({}, o)]],
					body: rest.map((item) => [
						`${number++}.`,
						`${item.question}\n${item.area} · ${item.questionId}`,
						item.answer ?? ''
					]),
					styles: { fontSize: SIZES.tiny },
					columnStyles: { 0: { cellWidth: 9, halign: 'right' }, 2: { cellWidth: 62 } }
				});
			}
		}
	}
}
