import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import {
	questionnaireTemplate,
	readQuestionnaire,
	WorkbookError,
	type TemplateQuestion
} from '../../../src/lib/tender/xlsx';
import { shippedRules } from '../rules/read-rules';

const rules = shippedRules();
const questions: TemplateQuestion[] = rules.ruleset.areas.flatMap((area) =>
	area.questions.map((q) => ({
		id: q.id,
		area: area.title,
		text: q.text,
		why: q.why,
		options: q.options.map((o) => ({ id: o.id, label: o.label }))
	}))
);
const ota = questions.find((q) => q.id === 'sim_ota_switching')!;

async function open(buffer: Buffer) {
	const workbook = new ExcelJS.Workbook();
	await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
	return workbook;
}
async function save(workbook: ExcelJS.Workbook) {
	return Buffer.from(await workbook.xlsx.writeBuffer());
}
const rowOf = (sheet: ExcelJS.Worksheet, id: string) => {
	let found: ExcelJS.Row | undefined;
	sheet.eachRow((row) => {
		if (row.getCell(1).value === id) found = row;
	});
	return found!;
};

describe('the questionnaire workbook a vendor fills in', () => {
	it('has one row per question, with its own answers as a drop-down and only the answer columns editable', async () => {
		const workbook = await open(
			await questionnaireTemplate({
				title: 'Meters 2027',
				vendor: 'Example Connect',
				questions,
				locale: 'en'
			})
		);
		const sheet = workbook.getWorksheet('Questionnaire')!;
		expect(sheet.getRow(1).values).toEqual([
			undefined,
			'Question id',
			'Area',
			'Question',
			'Why it matters',
			'Your answer',
			'Statement',
			'Evidence (document and section)'
		]);
		expect(sheet.rowCount).toBe(1 + questions.length); // 44 questions in ruleset 2.1.0
		const row = rowOf(sheet, 'sim_ota_switching');
		expect(row.getCell(3).value).toBe(ota.text);
		const validation = row.getCell(5).dataValidation;
		expect(validation.type).toBe('list');
		// The list is that question's four answers and "Not sure", on the hidden sheet.
		const [range] = validation.formulae as string[];
		const answersRow = Number(/\$(\d+):/.exec(range!)![1]);
		const labels = (workbook.getWorksheet('Answers')!.getRow(answersRow).values as unknown[]).slice(
			1
		);
		expect(labels).toEqual([...ota.options.map((o) => o.label), 'Not sure']);
		expect(workbook.getWorksheet('Answers')!.state).toBe('hidden');
		expect(row.getCell(3).protection?.locked).not.toBe(false);
		expect([5, 6, 7].map((c) => row.getCell(c).protection?.locked)).toEqual([false, false, false]);
	});

	it('is written in German for a German buyer, and reads back on an English page as on a German one', async () => {
		const workbook = await open(
			await questionnaireTemplate({ title: 'Zähler 2027', vendor: 'V', questions, locale: 'de' })
		);
		const sheet = workbook.getWorksheet('Fragebogen')!;
		expect(sheet.getRow(1).values).toEqual([
			undefined,
			'Fragen-ID',
			'Bereich',
			'Frage',
			'Warum es wichtig ist',
			'Ihre Antwort',
			'Erklärung',
			'Nachweis (Dokument und Abschnitt)'
		]);
		const row = rowOf(sheet, 'sim_ota_switching');
		const [range] = row.getCell(5).dataValidation.formulae as string[];
		const answersRow = Number(/\$(\d+):/.exec(range!)![1]);
		expect(
			(workbook.getWorksheet('Answers')!.getRow(answersRow).values as unknown[]).slice(-1)
		).toEqual(['Nicht sicher']);
		row.getCell(5).value = 'Nicht sicher';
		row.getCell(6).value = 'Wird mit dem Vertrag geklärt.';
		const core = rowOf(sheet, 'network_core_redundancy');
		core.getCell(5).value = 'Vielleicht';
		const german = await save(workbook);

		// The column keys, not the headings' language, decide what each cell is.
		for (const locale of ['en', 'de'] as const) {
			const { answers } = await readQuestionnaire(german, questions, locale);
			expect(answers).toEqual([
				{
					row: row.number,
					questionId: 'sim_ota_switching',
					option: 'not_sure',
					statement: 'Wird mit dem Vertrag geklärt.'
				}
			]);
		}
		// Problems are said in the page's language, naming the column as that language heads it.
		expect((await readQuestionnaire(german, questions, 'de')).issues).toEqual([
			{
				row: core.number,
				column: 'Ihre Antwort',
				message: '„Vielleicht“ ist keine der Antworten dieser Frage'
			}
		]);
		expect((await readQuestionnaire(german, questions, 'en')).issues).toEqual([
			{
				row: core.number,
				column: 'Your answer',
				message: '"Vielleicht" is not one of this question\'s answers'
			}
		]);
	});

	it('reads the answers back as option ids, with statements and evidence', async () => {
		const workbook = await open(
			await questionnaireTemplate({ title: 'T', vendor: 'V', questions, locale: 'en' })
		);
		const sheet = workbook.getWorksheet('Questionnaire')!;
		const row = rowOf(sheet, 'sim_ota_switching');
		row.getCell(5).value = ota.options[0]!.label;
		row.getCell(6).value = 'Any operator, tested with Vodafone and Telefónica profiles.';
		row.getCell(7).value = 'Technical annex B, section 4.2';
		rowOf(sheet, 'contract_notice_period').getCell(5).value = 'Not sure';
		const { answers, issues } = await readQuestionnaire(await save(workbook), questions, 'en');
		expect(issues).toEqual([]);
		expect(answers).toEqual([
			{
				row: row.number,
				questionId: 'sim_ota_switching',
				option: ota.options[0]!.id,
				statement: 'Any operator, tested with Vodafone and Telefónica profiles.',
				evidence: 'Technical annex B, section 4.2'
			},
			{
				row: rowOf(sheet, 'contract_notice_period').number,
				questionId: 'contract_notice_period',
				option: 'not_sure'
			}
		]);
	});

	it('fills in the answers already given, so a vendor can continue where it stopped', async () => {
		const buffer = await questionnaireTemplate({
			title: 'T',
			vendor: 'V',
			questions,
			answers: { sim_ota_switching: { option: 'physical_swap', statement: 'Site visit needed.' } },
			locale: 'en'
		});
		const { answers } = await readQuestionnaire(buffer, questions, 'en');
		expect(answers).toEqual([
			expect.objectContaining({
				questionId: 'sim_ota_switching',
				option: 'physical_swap',
				statement: 'Site visit needed.'
			})
		]);
	});

	it('names the row and column of every problem, and keeps the good rows', async () => {
		const workbook = await open(
			await questionnaireTemplate({ title: 'T', vendor: 'V', questions, locale: 'en' })
		);
		const sheet = workbook.getWorksheet('Questionnaire')!;
		const otaRow = rowOf(sheet, 'sim_ota_switching');
		otaRow.getCell(5).value = 'Yes, by magic';
		const notice = rowOf(sheet, 'contract_notice_period');
		notice.getCell(5).value = 'short_notice'; // an option id typed by hand is fine
		notice.getCell(7).value = 'x'.repeat(501);
		const extra = sheet.addRow(['made_up_question', '', '', '', 'Yes']);
		const twice = sheet.addRow(['contract_notice_period', '', '', '', 'medium_notice']);
		const { answers, issues } = await readQuestionnaire(await save(workbook), questions, 'en');
		expect(issues).toEqual([
			{
				row: otaRow.number,
				column: 'Your answer',
				message: '"Yes, by magic" is not one of this question\'s answers'
			},
			{
				row: notice.number,
				column: 'Evidence (document and section)',
				message: 'At most 500 characters'
			},
			{
				row: extra.number,
				column: 'Question id',
				message: 'Unknown question id "made_up_question"'
			},
			{
				row: twice.number,
				column: 'Question id',
				message: `Question "contract_notice_period" is also on row ${notice.number}`
			}
		]);
		expect(answers).toEqual([
			{ row: notice.number, questionId: 'contract_notice_period', option: 'short_notice' }
		]);
	});

	it('refuses a file that is not the questionnaire before parsing it', async () => {
		await expect(
			readQuestionnaire(Buffer.from('<html><script>alert(1)</script></html>'), questions, 'en')
		).rejects.toThrow(WorkbookError);
		await expect(
			readQuestionnaire(Buffer.alloc(3 * 1024 * 1024, 0x50), questions, 'en')
		).rejects.toThrow(/larger than 2 MB/);
		const other = new ExcelJS.Workbook();
		other.addWorksheet('Sheet1').addRow(['hello']);
		await expect(readQuestionnaire(await save(other), questions, 'en')).rejects.toThrow(
			/no sheet named "Questionnaire"/
		);
		const renamed = await open(
			await questionnaireTemplate({ title: 'T', vendor: 'V', questions, locale: 'en' })
		);
		renamed.getWorksheet('Questionnaire')!.getCell('E1').value = 'Answer';
		await expect(readQuestionnaire(await save(renamed), questions, 'en')).rejects.toThrow(
			/columns were changed \(expected "Your answer"\)/
		);
		// A zip that is not a workbook.
		const zip = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]);
		await expect(readQuestionnaire(zip, questions, 'en')).rejects.toThrow(/could not be read/);
	});
});
