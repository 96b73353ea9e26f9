import ExcelJS from 'exceljs';
import type { Rules } from '../rules/load';
import { NOT_SURE } from '../rules/constants';
import { csvField } from '../simulation/csv';
import { tenderQuestionAreas } from './questions';
import type { StoredTender } from './schema';

/**
 * The question-by-question matrix of a tender: every question it asks (questions.ts: its ruleset's
 * and the fleet's local-profile ones), each offer's answer (as its label), who gave it and its
 * state, and whether the offers differ there. The same rows make the CSV and the XLSX download.
 */
export interface MatrixCell {
	offerId: string;
	/** The answer's label, "Not sure", or '' when the offer has not answered. */
	answer: string;
	state: string;
	by: string;
}
export interface MatrixRow {
	questionId: string;
	area: string;
	question: string;
	/** The offers' answers are not all the same (an unanswered question counts as its own answer). */
	differs: boolean;
	cells: MatrixCell[];
}
export interface AnswerMatrix {
	title: string;
	offers: { id: string; vendor: string }[];
	rows: MatrixRow[];
}

export function answerMatrix(
	rules: Rules,
	tender: Pick<StoredTender, 'title' | 'fleet' | 'offers'>
): AnswerMatrix {
	const rows: MatrixRow[] = tenderQuestionAreas(rules, tender.fleet.countries).flatMap((area) =>
		area.questions.map((question) => {
			const cells = tender.offers.map((offer): MatrixCell => {
				const answer = offer.answers[question.id];
				const option = answer?.option;
				const label =
					option === undefined
						? ''
						: option === NOT_SURE
							? 'Not sure'
							: (question.options.find((o) => o.id === option)?.label ?? option);
				return {
					offerId: offer.id,
					answer: label,
					state: option === undefined ? '' : answer!.state,
					by: option === undefined ? '' : answer!.by
				};
			});
			const given = new Set(tender.offers.map((o) => o.answers[question.id]?.option ?? ''));
			return {
				questionId: question.id,
				area: area.title,
				question: question.text,
				differs: given.size > 1,
				cells
			};
		})
	);
	return {
		title: tender.title,
		offers: tender.offers.map((o) => ({ id: o.id, vendor: o.vendor })),
		rows
	};
}

function header(matrix: AnswerMatrix): string[] {
	return [
		'Question id',
		'Area',
		'Question',
		'Offers differ',
		...matrix.offers.flatMap((o) => [`${o.vendor}: answer`, `${o.vendor}: state`])
	];
}

function values(row: MatrixRow): string[] {
	return [
		row.questionId,
		row.area,
		row.question,
		row.differs ? 'yes' : 'no',
		...row.cells.flatMap((c) => [c.answer, c.state ? `${c.state} (${c.by})` : ''])
	];
}

/** The matrix as CSV (formulas defused, as every CSV this app writes). */
export function matrixCsv(matrix: AnswerMatrix): string {
	return (
		[header(matrix), ...matrix.rows.map(values)]
			.map((fields) => fields.map(csvField).join(','))
			.join('\n') + '\n'
	);
}

/** The matrix as an .xlsx: the rows where the offers differ are highlighted. */
export async function matrixXlsx(matrix: AnswerMatrix): Promise<Buffer> {
	const workbook = new ExcelJS.Workbook();
	workbook.creator = 'Lock-in Radar';
	workbook.title = `${matrix.title}: answers side by side`;
	const sheet = workbook.addWorksheet('Answers', {
		views: [{ state: 'frozen', xSplit: 3, ySplit: 1 }]
	});
	const head = header(matrix);
	sheet.columns = head.map((name, i) => ({
		header: name,
		width: i === 2 ? 60 : i < 2 ? 24 : i === 3 ? 12 : 36
	}));
	sheet.getRow(1).font = { bold: true };
	for (const row of matrix.rows) {
		const added = sheet.addRow(values(row));
		added.alignment = { vertical: 'top', wrapText: true };
		if (row.differs)
			added.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
	}
	return Buffer.from(await workbook.xlsx.writeBuffer());
}
