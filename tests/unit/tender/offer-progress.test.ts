import { describe, expect, it } from 'vitest';
import * as tenders from '../../../src/lib/server/tenders';
import { useTempDataDir } from '../api/temp-data-dir';

useTempDataDir();

/** rules/ruleset.yaml 2.1.0: 44 questions in six areas; Brazil restricts roaming, Germany does not. */
const tender = (countries: string[]) =>
	tenders.create(
		tenders.tenderSchemasFor().createBody.parse({
			title: 'Progress',
			fleet: { devices: 100, countries, lifetimeYears: 5 },
			offers: [
				{
					vendor: 'A',
					answers: {
						sim_ota_switching: { option: 'any_provider' },
						contract_notice_period: { option: 'not_sure' }
					}
				},
				{ vendor: 'B' }
			]
		})
	);

describe("an offer's questions and progress", () => {
	it('asks the 44 questions of the ruleset, with "Not sure" as every last option', async () => {
		const record = await tender(['DE']);
		const sections = tenders.questionSections(record);
		expect(sections.map((s) => s.id)).toEqual([
			'network',
			'sim',
			'data',
			'platform',
			'contract',
			'security'
		]);
		expect(sections.flatMap((s) => s.questions)).toHaveLength(44);
		for (const q of sections.flatMap((s) => s.questions))
			expect(q.options.at(-1)).toEqual({ id: 'not_sure', label: 'Not sure' });
	});

	it("adds Brazil's local-profile question to the SIM area when the fleet goes there", async () => {
		const record = await tender(['DE', 'BR']);
		const sim = tenders.questionSections(record).find((s) => s.id === 'sim')!;
		expect(sim.questions.at(-1)!.id).toBe('local_profile_br');
		expect(tenders.offerProgress(record, record.offers[0]!)).toEqual({
			answered: 2,
			total: 45,
			awaiting: 2
		});
		expect(tenders.offerProgress(record, record.offers[1]!)).toEqual({
			answered: 0,
			total: 45,
			awaiting: 0
		});
	});

	it('counts a verified claim as answered and no longer awaiting', async () => {
		const record = await tender(['DE']);
		await tenders.patchAnswer(record.id, record.offers[0]!.id, 'sim_ota_switching', {
			state: 'verified'
		});
		const after = (await tenders.read(record.id))!;
		expect(tenders.offerProgress(after, after.offers[0]!)).toEqual({
			answered: 2,
			total: 44,
			awaiting: 1
		});
	});
});
