import ExcelJS from 'exceljs';
import { formatNumber } from '../format/locale-format';
import { m } from '../paraglide/messages';
import { locales, type Locale } from '../paraglide/runtime';
import { NOT_SURE } from '../rules/constants';

/**
 * The spreadsheet route for a vendor's bid team: a questionnaire workbook to fill in offline, and a
 * reader that checks every row before anything is saved. Plain data in and out (a Buffer, the
 * questions, rows and issues), so the server decides what to store.
 *
 * The workbook is written in the buyer's language (sheet name, headings, "Not sure"); the reader
 * knows the columns by position and accepts the headings, sheet name and "Not sure" of any of the
 * app's languages, so a German workbook uploads on an English page and the other way round.
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

const OPTIONS_SHEET = 'Answers';
type Words = { locale: Locale };
const sheetName = (o: Words) => m.tender_xlsx_sheet({}, o);
const notSureLabel = (o: Words) => m.tender_xlsx_not_sure({}, o);
/** The columns in their fixed order; `key` never changes, the header is in the workbook's language. */
const COLUMNS = [
	{ header: (o: Words) => m.tender_xlsx_h_id({}, o), key: 'id', width: 30 },
	{ header: (o: Words) => m.tender_xlsx_h_area({}, o), key: 'area', width: 18 },
	{ header: (o: Words) => m.tender_xlsx_h_text({}, o), key: 'text', width: 60 },
	{ header: (o: Words) => m.tender_xlsx_h_why({}, o), key: 'why', width: 60 },
	{ header: (o: Words) => m.tender_xlsx_h_answer({}, o), key: 'answer', width: 45 },
	{ header: (o: Words) => m.tender_xlsx_h_statement({}, o), key: 'statement', width: 50 },
	{ header: (o: Words) => m.tender_xlsx_h_evidence({}, o), key: 'evidence', width: 40 }
] as const;
/** What a word reads in each of the app's languages, for recognising it in an uploaded file. */
const inEveryLocale = (word: (o: Words) => string) => locales.map((locale) => word({ locale }));
const ANSWER_COLUMN = 5;
const STATEMENT_COLUMN = 6;
const EVIDENCE_COLUMN = 7;

/** An .xlsx workbook: one row per question, the answer picked from that question's own options. */
export async function questionnaireTemplate(input: {
	title: string;
	vendor: string;
	questions: readonly TemplateQuestion[];
	answers?: Readonly<Record<string, VendorAnswer>>;
	/** The workbook's language. */
	locale: Locale;
}): Promise<Buffer> {
	const o = { locale: input.locale };
	const workbook = new ExcelJS.Workbook();
	workbook.creator = 'Lock-in Radar';
	workbook.title = m.tender_xlsx_book_title({ title: input.title, vendor: input.vendor }, o);

	const sheet = workbook.addWorksheet(sheetName(o), { views: [{ state: 'frozen', ySplit: 1 }] });
	sheet.columns = COLUMNS.map((c) => ({ header: c.header(o), key: c.key, width: c.width }));
	sheet.getRow(1).font = { bold: true };

	// Each question's answer labels on a hidden sheet, one row per question, so a label with a
	// comma still makes a clean drop-down (a list typed into the rule would split it).
	const choices = workbook.addWorksheet(OPTIONS_SHEET, { state: 'hidden' });

	input.questions.forEach((question, index) => {
		const labels = [...question.options.map((option) => option.label), notSureLabel(o)];
		choices.getRow(index + 1).values = labels;
		const answer = input.answers?.[question.id];
		const row = sheet.addRow({
			id: question.id,
			area: question.area,
			text: question.text,
			why: question.why,
			answer: answer?.option ? labelOf(question, answer.option, o) : undefined,
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
			errorTitle: m.tender_xlsx_pick_title({}, o),
			error: m.tender_xlsx_pick_error({ notSure: notSureLabel(o) }, o)
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
 * an issue naming the row and column. Empty answers are skipped; nothing is stored here. The
 * issues and errors are worded in `locale`, whatever language the workbook was written in.
 */
export async function readQuestionnaire(
	buffer: Uint8Array,
	questions: readonly TemplateQuestion[],
	locale: Locale
): Promise<{ answers: ParsedAnswer[]; issues: RowIssue[] }> {
	const o = { locale };
	if (buffer.byteLength > XLSX_LIMITS.bytes) {
		throw new WorkbookError(m.tender_xlsx_err_large({ mb: XLSX_LIMITS.bytes / 1024 / 1024 }, o));
	}
	// An .xlsx is a zip: refuse anything else before the parser sees it.
	if (!(buffer[0] === 0x50 && buffer[1] === 0x4b && buffer[2] === 0x03 && buffer[3] === 0x04)) {
		throw new WorkbookError(m.tender_xlsx_err_not_xlsx({}, o));
	}
	const workbook = new ExcelJS.Workbook();
	try {
		await workbook.xlsx.load(Buffer.from(buffer) as unknown as ArrayBuffer);
	} catch {
		throw new WorkbookError(m.tender_xlsx_err_unreadable({}, o));
	}
	const sheet = inEveryLocale(sheetName)
		.map((name) => workbook.getWorksheet(name))
		.find((found) => found !== undefined);
	if (!sheet) throw new WorkbookError(m.tender_xlsx_err_no_sheet({ sheet: sheetName(o) }, o));
	const headers = COLUMNS.map((_, i) => text(sheet.getRow(1).getCell(i + 1).value));
	const missing = COLUMNS.filter((c, i) => !inEveryLocale(c.header).includes(headers[i]!)).map(
		(c) => c.header(o)
	);
	if (missing.length > 0) {
		throw new WorkbookError(
			m.tender_xlsx_err_columns(
				{ sheet: sheet.name, columns: missing.map((name) => `"${name}"`).join(', ') },
				o
			)
		);
	}

	const byId = new Map(questions.map((q) => [q.id, q]));
	const seen = new Map<string, number>();
	const answers: ParsedAnswer[] = [];
	const issues: RowIssue[] = [];
	const header = (column: number) => COLUMNS[column - 1]!.header(o);

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
				message: id ? m.tender_xlsx_err_unknown_id({ id }, o) : m.tender_xlsx_err_missing_id({}, o)
			});
			return;
		}
		const earlier = seen.get(id);
		if (earlier !== undefined) {
			issues.push({
				row: number,
				column: header(1),
				message: m.tender_xlsx_err_twice({ id, row: earlier }, o)
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
					message: m.tender_xlsx_err_not_option({ answer: answerText }, o)
				});
			} else parsed.option = option;
		}
		if (statement.length > XLSX_LIMITS.statementLength) {
			issues.push({
				row: number,
				column: header(STATEMENT_COLUMN),
				message: m.tender_xlsx_err_too_long(
					{ count: formatNumber(XLSX_LIMITS.statementLength, locale) },
					o
				)
			});
		} else if (statement) parsed.statement = statement;
		if (evidence.length > XLSX_LIMITS.evidenceLength) {
			issues.push({
				row: number,
				column: header(EVIDENCE_COLUMN),
				message: m.tender_xlsx_err_too_long(
					{ count: formatNumber(XLSX_LIMITS.evidenceLength, locale) },
					o
				)
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

function labelOf(question: TemplateQuestion, option: string, o: Words): string | undefined {
	if (option === NOT_SURE) return notSureLabel(o);
	return question.options.find((o) => o.id === option)?.label;
}

/** A label as the list shows it; an option id or "not sure" typed by hand are taken too. */
function optionOf(question: TemplateQuestion, value: string): string | undefined {
	const wanted = value.trim().toLowerCase();
	const notSure = inEveryLocale(notSureLabel).map((label) => label.toLowerCase());
	if (notSure.includes(wanted) || wanted === NOT_SURE) return NOT_SURE;
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
