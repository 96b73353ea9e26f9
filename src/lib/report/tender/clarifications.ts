import { CLARIFICATION_KINDS, type ClarificationItem } from '../../tender/clarifications';
import { COLORS, SIZES } from '../theme';
import { plural } from '../wording';
import { openSection, type TenderReportContext } from './context';
import { CLARIFICATION_HEADING } from './words';

/** Unverified claims shown in full, the ones that move the score most; the rest go in a table. */
const UNVERIFIED_IN_FULL = 8;

function drawItem(ctx: TenderReportContext, item: ClarificationItem, number: number) {
	const { w, doc } = ctx;
	w.ensure(30);
	w.paragraph(`${number}.  ${item.question}`, { size: SIZES.h3, bold: true }, { after: 1 });
	w.paragraph(
		`${item.area} · question ${item.questionId}`,
		{ size: SIZES.tiny, color: COLORS.muted },
		{ indent: 6, after: 1 }
	);
	w.labelled('Please tell us', item.ask, {}, { indent: 6, after: 1.2 });
	if (item.answer !== null)
		w.labelled('Your answer so far', item.answer, { size: SIZES.small }, { indent: 6, after: 1 });
	if (item.statement)
		w.labelled('Your statement', item.statement, { size: SIZES.small }, { indent: 6, after: 1 });
	if (item.evidence)
		w.labelled('Evidence you gave', item.evidence, { size: SIZES.small }, { indent: 6, after: 1 });
	if (item.buyerNote)
		w.labelled(
			item.kind === 'disputed' ? 'Why we dispute it' : 'Why we rejected it',
			item.buyerNote,
			{ size: SIZES.small, color: COLORS.high },
			{ indent: 6, after: 1 }
		);
	w.labelled(
		'Why it matters',
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
	const { w, model } = ctx;
	for (const vendor of model.clarifications) {
		openSection(ctx, `Clarification questions: ${vendor.vendor}`);
		const who = model.organisation || 'the buyer';
		if (vendor.items.length === 0) {
			w.paragraph(`Nothing to ask ${vendor.vendor}: every answer of its offer is settled.`);
			continue;
		}
		w.paragraph(
			`For the bid team of ${vendor.vendor}: ${plural(vendor.items.length, 'question', 'questions')} from ${who} on your offer for “${model.title}”. Please answer each in writing, with the document and section that backs your answer.`,
			{},
			{ after: 3 }
		);
		let number = 1;
		for (const kind of CLARIFICATION_KINDS) {
			const items = vendor.items.filter((i) => i.kind === kind);
			if (items.length === 0) continue;
			// A group's heading and intro stay with its first question.
			w.ensure(50);
			w.heading(CLARIFICATION_HEADING[kind].title, 2);
			w.paragraph(
				CLARIFICATION_HEADING[kind].intro,
				{ size: SIZES.small, color: COLORS.muted },
				{ after: 2.5 }
			);
			// A bid of vendor claims has one per question: the weightiest in full, the rest as a list.
			const full = kind === 'unverified' ? items.slice(0, UNVERIFIED_IN_FULL) : items;
			for (const item of full) drawItem(ctx, item, number++);
			const rest = items.slice(full.length);
			if (rest.length) {
				w.heading('The other claims to back with evidence', 3);
				w.table({
					head: [['', 'Question', 'Your answer']],
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
