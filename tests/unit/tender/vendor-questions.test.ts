import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { isQuestionOf } from '../../../src/lib/server/evidence';
import * as tenders from '../../../src/lib/server/tenders';
import { readQuestionnaire } from '../../../src/lib/tender/xlsx';
import { useTempDataDir } from '../api/temp-data-dir';

useTempDataDir();

/**
 * rules/ruleset.yaml 2.1.0: 44 questions in six areas; its `localProfiles` template asks in the SIM
 * area. rules/countries.yaml: Brazil's rule is `banned` (a local profile cures it), Germany's
 * `none_known` (nothing to ask).
 */
const tender = (countries: string[]) =>
	tenders.create(
		tenders.tenderSchemasFor().createBody.parse({
			title: 'Trackers 2027',
			fleet: { devices: 100, countries, lifetimeYears: 5 },
			offers: [{ vendor: 'A' }, { vendor: 'B' }]
		})
	);

/** The template's text filled in by hand for Brazil ({kind} of `banned`: "a ban on permanent roaming"). */
const BRAZIL = {
	id: 'local_profile_br',
	area: 'SIM portability',
	text: "Can the offer give devices in Brazil a local operator's profile (or local IMSI) once they are in the field?",
	why: "Brazil limits how long a foreign SIM may stay on its networks (a ban on permanent roaming). A local operator's profile keeps devices there connected; switching between foreign identities (multi-IMSI) does not help, because a foreign IMSI stays foreign.",
	options: [
		{ id: 'available', label: 'Yes, available now, loaded over the air' },
		{
			id: 'on_request',
			label:
				'On request; the provider must first contract a local operator (give the lead time in the note)'
		},
		{ id: 'none', label: 'No local profile for this country' }
	]
};

describe("the vendor's questions", () => {
	it("ask Brazil's local-profile question in the SIM area when the fleet goes to Germany and Brazil, and none for Germany", async () => {
		const record = await tender(['DE', 'BR']);
		const questions = tenders.templateQuestions(record);
		expect(questions).toHaveLength(45);
		expect(questions.find((q) => q.id === 'local_profile_br')).toEqual(BRAZIL);
		expect(questions.some((q) => q.id === 'local_profile_de')).toBe(false);
		// Last of the SIM area, as the buyer's page and an assessment ask it.
		const sim = questions.filter((q) => q.area === 'SIM portability');
		expect(sim.at(-1)!.id).toBe('local_profile_br');
		expect(isQuestionOf(record, 'local_profile_br')).toBe(true);
		expect(isQuestionOf(record, 'local_profile_de')).toBe(false);
	});

	it("ask no local-profile question for a fleet in Germany only: the ruleset's 44", async () => {
		const questions = tenders.templateQuestions(await tender(['DE']));
		expect(questions).toHaveLength(44);
		expect(questions.filter((q) => q.id.startsWith('local_profile_'))).toEqual([]);
	});

	it('are the buyer\'s questions in the same order, without the "not sure" the vendor\'s page and spreadsheet add themselves', async () => {
		const record = await tender(['BR', 'DE']);
		const buyer = tenders
			.questionSections(record)
			.flatMap((s) => s.questions.map((q) => ({ id: q.id, options: q.options.slice(0, -1) })));
		expect(
			tenders.templateQuestions(record).map((q) => ({ id: q.id, options: q.options }))
		).toEqual(buyer);
	});

	it('put a row for Brazil in the spreadsheet, and read it back', async () => {
		const record = await tender(['DE', 'BR']);
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.load(
			(await tenders.questionnaireWorkbook(
				record,
				record.offers[0]!,
				'en'
			)) as unknown as ArrayBuffer
		);
		const sheet = workbook.getWorksheet('Questionnaire')!;
		expect(sheet.rowCount).toBe(1 + 45);
		let brazil: ExcelJS.Row | undefined;
		sheet.eachRow((row) => {
			if (row.getCell(1).value === 'local_profile_br') brazil = row;
		});
		expect(brazil).toBeDefined();
		expect([2, 3].map((c) => brazil!.getCell(c).value)).toEqual(['SIM portability', BRAZIL.text]);
		const [range] = brazil!.getCell(5).dataValidation.formulae as string[];
		const answersRow = Number(/\$(\d+):/.exec(range!)![1]);
		expect(
			(workbook.getWorksheet('Answers')!.getRow(answersRow).values as unknown[]).slice(1)
		).toEqual([...BRAZIL.options.map((o) => o.label), 'Not sure']);

		brazil!.getCell(5).value = 'No local profile for this country';
		brazil!.getCell(7).value = 'Coverage annex, section 2';
		const read = await readQuestionnaire(
			Buffer.from(await workbook.xlsx.writeBuffer()),
			tenders.templateQuestions(record),
			'en'
		);
		expect(read).toEqual({
			answers: [
				{
					row: brazil!.number,
					questionId: 'local_profile_br',
					option: 'none',
					evidence: 'Coverage annex, section 2'
				}
			],
			issues: []
		});
	});
});
