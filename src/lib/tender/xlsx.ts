import ExcelJS from 'exceljs';
import { NOT_SURE } from '../rules/constants';

/**
 * The spreadsheet route for a vendor's bid team: a questionnaire workbook to fill in offline, and a
 * reader that checks every row before anything is saved. Plain data in and out (a Buffer, the
 * questions, rows and issues), so the server decides what to store.
 */

export interface TemplateQuestion {
	id: string;
	area: string;
	text: string;
	why: string;
	options: readonly { id: string; label: string }[];
}

export interface VendorAnswer {
	option?: string;
	statement?: string;
	evidence?: string;
}

export interface ParsedAnswer extends VendorAnswer {
	/** The worksheet row it came from (1-based, as the spreadsheet shows it). */
	row: number;
	questionId: string;
}

export interface RowIssue {
	row: number;
	/** The column's header, as the vendor sees it. */
	column: string;
	message: string;
}

export class WorkbookError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'WorkbookError';
	}
}

export const XLSX_LIMITS = {
	/** A filled questionnaire is tens of KB; anything near this is not one. */
	bytes: 2 * 1024 * 1024,
	statementLength: 10_000,
	evidenceLength: 500
} as const;

const SHEET = 'Questionnaire';
const OPTIONS_SHEET = 'Answers';
const NOT_SURE_LABEL = 'Not sure';
const COLUMNS = [
	{ header: 'Question id', key: 'id', width: 30 },
	{ header: 'Area', key: 'area', width: 18 },
	{ header: 'Question', key: 'text', width: 60 },
	{ header: 'Why it matters', key: 'why', width: 60 },
	{ header: 'Your answer', key: 'answer', width: 45 },
	{ header: 'Statement', key: 'statement', width: 50 },
	{ header: 'Evidence (document and section)', key: 'evidence', width: 40 }
] as const;
const ANSWER_COLUMN = 5;
const STATEMENT_COLUMN = 6;
const EVIDENCE_COLUMN = 7;

/** An .xlsx workbook: one row per question, the answer picked from that question's own options. */
export async function questionnaireTemplate(input: {
	title: string;
	vendor: string;
	questions: readonly TemplateQuestion[];
	answers?: Readonly<Record<string, VendorAnswer>>;
}): Promise<Buffer> {
	const workbook = new ExcelJS.Workbook();
	workbook.creator = 'Lock-in Radar';
	workbook.title = `${input.title}: questionnaire for ${input.vendor}`;

	const sheet = workbook.addWorksheet(SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
	sheet.columns = COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }));
	sheet.getRow(1).font = { bold: true };

	// Each question's answer labels on a hidden sheet, one row per question, so a label with a
	// comma still makes a clean drop-down (a list typed into the rule would split it).
	const choices = workbook.addWorksheet(OPTIONS_SHEET, { state: 'hidden' });

	input.questions.forEach((question, index) => {
		const labels = [...question.options.map((o) => o.label), NOT_SURE_LABEL];
		choices.getRow(index + 1).values = labels;
		const answer = input.answers?.[question.id];
		const row = sheet.addRow({
			id: question.id,
			area: question.area,
			text: question.text,
			why: question.why,
			answer: answer?.option ? labelOf(question, answer.option) : undefined,
			statement: answer?.statement,
			evidence: answer?.evidence
		});
		row.alignment = { vertical: 'top', wrapText: true };
		const last = columnName(labels.length);
		row.getCell(ANSWER_COLUMN).dataValidation = {
			type: 'list',
			allowBlank: true,
			formulae: [`'${OPTIONS_SHEET}'!$A$${index + 1}:$${last}$${index + 1}`],
			showErrorMessage: true,
			errorTitle: 'Pick an answer',
			error: 'Choose one of the answers in the list, or "Not sure".'
		};
		for (const column of [ANSWER_COLUMN, STATEMENT_COLUMN, EVIDENCE_COLUMN]) {
			row.getCell(column).protection = { locked: false };
		}
	});
	// The questions are locked so rows still match their ids on the way back; no password, as this
	// guards against slips, not against the vendor.
	await sheet.protect('', {
		selectLockedCells: true,
		selectUnlockedCells: true,
		formatColumns: true,
		formatRows: true
	});

	return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * Reads a filled questionnaire. Every row is checked against the questions: an unknown id, an
 * answer that is not one of the question's own, a row given twice or text over its limit becomes
 * an issue naming the row and column. Empty answers are skipped; nothing is stored here.
 */
export async function readQuestionnaire(
	buffer: Uint8Array,
	questions: readonly TemplateQuestion[]
): Promise<{ answers: ParsedAnswer[]; issues: RowIssue[] }> {
	if (buffer.byteLength > XLSX_LIMITS.bytes) {
		throw new WorkbookError(
			`The file is larger than ${XLSX_LIMITS.bytes / 1024 / 1024} MB; a filled questionnaire is far smaller.`
		);
	}
	// An .xlsx is a zip: refuse anything else before the parser sees it.
	if (!(buffer[0] === 0x50 && buffer[1] === 0x4b && buffer[2] === 0x03 && buffer[3] === 0x04)) {
		throw new WorkbookError(
			'This is not an .xlsx workbook. Upload the questionnaire file you were sent, saved as .xlsx.'
		);
	}
	const workbook = new ExcelJS.Workbook();
	try {
		await workbook.xlsx.load(Buffer.from(buffer) as unknown as ArrayBuffer);
	} catch {
		throw new WorkbookError(
			'The workbook could not be read. Save it again as .xlsx and upload it once more.'
		);
	}
	const sheet = workbook.getWorksheet(SHEET);
	if (!sheet)
		throw new WorkbookError(
			`The workbook has no sheet named "${SHEET}". Use the questionnaire file you were sent.`
		);
	const headers = COLUMNS.map((_, i) => text(sheet.getRow(1).getCell(i + 1).value));
	const missing = COLUMNS.filter((c, i) => headers[i] !== c.header).map((c) => c.header);
	if (missing.length > 0) {
		throw new WorkbookError(
			`The "${SHEET}" sheet's columns were changed (expected ${missing.map((m) => `"${m}"`).join(', ')}). Use the questionnaire file you were sent.`
		);
	}

	const byId = new Map(questions.map((q) => [q.id, q]));
	const seen = new Map<string, number>();
	const answers: ParsedAnswer[] = [];
	const issues: RowIssue[] = [];
	const header = (column: number) => COLUMNS[column - 1]!.header;

	sheet.eachRow((row, number) => {
		if (number === 1) return;
		const id = text(row.getCell(1).value);
		const answerText = text(row.getCell(ANSWER_COLUMN).value);
		const statement = text(row.getCell(STATEMENT_COLUMN).value);
		const evidence = text(row.getCell(EVIDENCE_COLUMN).value);
		if (!id && !answerText && !statement && !evidence) return;
		const question = byId.get(id);
		if (!question) {
			issues.push({
				row: number,
				column: header(1),
				message: id ? `Unknown question id "${id}"` : 'The question id is missing'
			});
			return;
		}
		const earlier = seen.get(id);
		if (earlier !== undefined) {
			issues.push({
				row: number,
				column: header(1),
				message: `Question "${id}" is also on row ${earlier}`
			});
			return;
		}
		seen.set(id, number);
		const parsed: ParsedAnswer = { row: number, questionId: id };
		if (answerText) {
			const option = optionOf(question, answerText);
			if (option === undefined) {
				issues.push({
					row: number,
					column: header(ANSWER_COLUMN),
					message: `"${answerText}" is not one of this question's answers`
				});
			} else parsed.option = option;
		}
		if (statement.length > XLSX_LIMITS.statementLength) {
			issues.push({
				row: number,
				column: header(STATEMENT_COLUMN),
				message: `At most ${XLSX_LIMITS.statementLength.toLocaleString('en')} characters`
			});
		} else if (statement) parsed.statement = statement;
		if (evidence.length > XLSX_LIMITS.evidenceLength) {
			issues.push({
				row: number,
				column: header(EVIDENCE_COLUMN),
				message: `At most ${XLSX_LIMITS.evidenceLength} characters`
			});
		} else if (evidence) parsed.evidence = evidence;
		if (
			parsed.option !== undefined ||
			parsed.statement !== undefined ||
			parsed.evidence !== undefined
		)
			answers.push(parsed);
	});
	return { answers, issues };
}

function labelOf(question: TemplateQuestion, option: string): string | undefined {
	if (option === NOT_SURE) return NOT_SURE_LABEL;
	return question.options.find((o) => o.id === option)?.label;
}

/** A label as the list shows it; an option id or "not sure" typed by hand are taken too. */
function optionOf(question: TemplateQuestion, value: string): string | undefined {
	const wanted = value.trim().toLowerCase();
	if (wanted === NOT_SURE_LABEL.toLowerCase() || wanted === NOT_SURE) return NOT_SURE;
	return question.options.find((o) => o.label.trim().toLowerCase() === wanted || o.id === wanted)
		?.id;
}

/** A cell's value as trimmed text, whatever the spreadsheet made of it (rich text, numbers, formulas). */
function text(value: ExcelJS.CellValue): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'string') return value.trim();
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	if (value instanceof Date) return value.toISOString().slice(0, 10);
	if (typeof value === 'object') {
		if ('richText' in value && Array.isArray(value.richText))
			return value.richText
				.map((r) => r.text)
				.join('')
				.trim();
		if ('text' in value && typeof value.text === 'string') return value.text.trim();
		if ('result' in value && value.result !== undefined && value.result !== null)
			return text(value.result as ExcelJS.CellValue);
	}
	return '';
}

/** 1 → A, 27 → AA. */
function columnName(n: number): string {
	let name = '';
	for (let k = n; k > 0; k = Math.floor((k - 1) / 26))
		name = String.fromCharCode(65 + ((k - 1) % 26)) + name;
	return name;
}
