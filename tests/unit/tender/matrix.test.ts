import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { StoredTender } from '../../../src/lib/tender/schema';
import { answerMatrix, matrixCsv, matrixXlsx } from '../../../src/lib/tender/matrix';
import { shippedRules } from '../rules/read-rules';

const rules = shippedRules();
const at = '2026-12-02T10:00:00.000Z';
const tender = {
	title: 'Meters 2027',
	fleet: { devices: 1000, countries: ['DE'], lifetimeYears: 10 },
	offers: [
		{
			id: 'A',
			vendor: '=Alpha',
			answers: {
				sim_ota_switching: {
					option: 'any_provider',
					by: 'vendor',
					state: 'claimed',
					updatedAt: at
				},
				platform_api: { option: 'full_api', by: 'vendor', state: 'verified', updatedAt: at }
			}
		},
		{
			id: 'B',
			vendor: 'Bravo',
			answers: {
				sim_ota_switching: {
					option: 'physical_swap',
					by: 'buyer',
					state: 'verified',
					updatedAt: at
				},
				platform_api: { option: 'full_api', by: 'vendor', state: 'disputed', updatedAt: at },
				contract_sla: { option: 'not_sure', by: 'vendor', state: 'claimed', updatedAt: at }
			}
		}
	]
} as unknown as StoredTender;

describe('the answers side by side', () => {
	const matrix = answerMatrix(rules, tender);
	const row = (id: string) => matrix.rows.find((r) => r.questionId === id)!;

	it('has every question of the ruleset, and says where the offers differ', () => {
		expect(matrix.rows).toHaveLength(44);
		expect(row('sim_ota_switching')).toMatchObject({
			area: 'SIM portability',
			differs: true,
			cells: [
				{
					offerId: 'A',
					answer: 'Yes, to a profile from any operator or provider we choose',
					state: 'claimed',
					by: 'vendor'
				},
				{
					offerId: 'B',
					answer: 'No; changing provider means replacing the SIM on site',
					state: 'verified',
					by: 'buyer'
				}
			]
		});
		// The same answer, whatever its state, is no difference.
		expect(row('platform_api').differs).toBe(false);
		// "Not sure" against nothing is a difference; nothing against nothing is not.
		expect(row('contract_sla')).toMatchObject({
			differs: true,
			cells: [{ answer: '' }, { answer: 'Not sure' }]
		});
		expect(row('data_pooling').differs).toBe(false);
	});

	it('writes CSV with one column pair per offer, and defuses a vendor name that looks like a formula', () => {
		const lines = matrixCsv(matrix).trim().split('\n');
		expect(lines[0]).toBe(
			"Question id,Area,Question,Offers differ,'=Alpha: answer,'=Alpha: state,Bravo: answer,Bravo: state"
		);
		expect(lines).toHaveLength(45);
		const ota = lines.find((l) => l.startsWith('sim_ota_switching,'))!;
		expect(
			ota.endsWith(
				',yes,"Yes, to a profile from any operator or provider we choose",claimed (vendor),No; changing provider means replacing the SIM on site,verified (buyer)'
			)
		).toBe(true);
	});

	it('writes an .xlsx with the differing rows highlighted', async () => {
		const book = new ExcelJS.Workbook();
		await book.xlsx.load((await matrixXlsx(matrix)) as unknown as ArrayBuffer);
		const sheet = book.getWorksheet('Answers')!;
		expect(sheet.rowCount).toBe(45);
		let ota: ExcelJS.Row | undefined;
		let api: ExcelJS.Row | undefined;
		sheet.eachRow((r) => {
			if (r.getCell(1).value === 'sim_ota_switching') ota = r;
			if (r.getCell(1).value === 'platform_api') api = r;
		});
		// Said in words in the "Offers differ" column, as in the CSV, not by the fill alone.
		expect(sheet.getRow(1).getCell(4).value).toBe('Offers differ');
		expect(ota!.getCell(4).value).toBe('yes');
		expect(api!.getCell(4).value).toBe('no');
		expect((ota!.getCell(1).fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFF2CC');
		expect(
			api!.getCell(1).fill?.type === 'pattern' &&
				(api!.getCell(1).fill as ExcelJS.FillPattern).fgColor?.argb === 'FFFFF2CC'
		).toBe(false);
	});
});

describe('the answers side by side, for a fleet that goes to Brazil', () => {
	// rules/countries.yaml: Brazil's rule is `banned`, which a local profile cures, so the tender asks
	// local_profile_br in the SIM area (rules/ruleset.yaml localProfiles); Germany's asks nothing.
	const brazil = answerMatrix(rules, {
		...tender,
		fleet: { devices: 1000, countries: ['DE', 'BR'], lifetimeYears: 10 },
		offers: [
			tender.offers[0]!,
			{
				...tender.offers[1]!,
				answers: {
					...tender.offers[1]!.answers,
					local_profile_br: { option: 'on_request', by: 'vendor', state: 'claimed', updatedAt: at }
				}
			}
		]
	});

	it("has a row for Brazil's local-profile question, last of the SIM area, with the answers by their labels", () => {
		expect(brazil.rows).toHaveLength(45);
		expect(brazil.rows.some((r) => r.questionId === 'local_profile_de')).toBe(false);
		const sim = brazil.rows.filter((r) => r.area === 'SIM portability');
		expect(sim.at(-1)).toEqual({
			questionId: 'local_profile_br',
			area: 'SIM portability',
			question:
				"Can the offer give devices in Brazil a local operator's profile (or local IMSI) once they are in the field?",
			differs: true,
			cells: [
				{ offerId: 'A', answer: '', state: '', by: '' },
				{
					offerId: 'B',
					answer:
						'On request; the provider must first contract a local operator (give the lead time in the note)',
					state: 'claimed',
					by: 'vendor'
				}
			]
		});
	});
});
