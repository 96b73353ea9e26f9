/**
 * The data of a tender's simulated-fleet page (/t/{id}/fleet): the chosen offer's simulation input
 * for the browser (as an assessment's fleet page hands it over), and every offer's headline
 * figures side by side, simulated on the server so the table is there without JavaScript.
 */
import { displayText } from '$lib/display-text';
import { score } from '$lib/scoring/score';
import { inputFromAssessment } from '$lib/simulation/inputs';
import { fleetPageBasics } from '$lib/simulation/page-data';
import { API_MAX_DEVICE_YEARS, API_MAX_DEVICES } from '$lib/simulation/request';
import type { ArchitectureTotals } from '$lib/simulation/types';
import {
	offerAsAssessment,
	selectedOffer,
	sideBySide,
	SIMULATED_AS,
	simulatedView,
	type FleetFigures,
	type OfferFigures,
	type SideBySideRow
} from '$lib/tender/fleet';
import type { StoredTender } from '$lib/tender/schema';
import { resultsBridge } from '$lib/text/results-bridge';
import { getLocale } from '$lib/paraglide/runtime';
import { JobQueueFullError, JobTimeoutError, runJob } from './jobs/pool';
import { rulesFor } from './rules';

/** The seed every run of the page uses, in the table and in the browser: the same figures in both. */
export const FLEET_SEED = 1;

const figures = (totals: ArchitectureTotals): FleetFigures => ({
	lostMoney: totals.cost.total,
	offlineDeviceDays: totals.offlineDeviceDays.total,
	availability: totals.availability
});

export type SideBySide =
	| { ok: true; rows: SideBySideRow[]; recommended: FleetFigures & { label: string } }
	| { ok: false; reason: string };

/**
 * Every offer simulated in the job pool (off the event loop, bounded like /api/simulate), within
 * the API's size limits. A full queue or a run past its time limit leaves the table out with the
 * reason; the chosen offer's own simulation still runs in the browser.
 */
async function simulateEvery(record: StoredTender): Promise<SideBySide> {
	const { devices, lifetimeYears } = record.fleet;
	if (devices > API_MAX_DEVICES || devices * lifetimeYears > API_MAX_DEVICE_YEARS) {
		return {
			ok: false,
			reason: `The server compares offers side by side for fleets of at most ${API_MAX_DEVICES.toLocaleString('en')} devices and ${API_MAX_DEVICE_YEARS.toLocaleString('en')} device-years; this one is bigger, so run each offer's simulation in your browser below.`
		};
	}
	const rules = rulesFor(record.rulesetVersion);
	try {
		const runs = await Promise.all(
			record.offers.map(async (offer) => {
				const asAssessment = offerAsAssessment(rulesFor(record.rulesetVersion), record, offer);
				const outcome = await runJob({
					kind: 'simulate',
					body: { seed: FLEET_SEED, assessmentId: offer.id, resolution: 'month' },
					record: asAssessment
				});
				const run = JSON.parse(outcome.json) as {
					assessed: { totals: ArchitectureTotals };
					recommended: { architecture: { label: string }; totals: ArchitectureTotals };
				};
				const offerFigures: OfferFigures = {
					offerId: offer.id,
					vendor: offer.vendor,
					...figures(run.assessed.totals),
					costToLeave: score(rules, asAssessment).switchingCost.estimate.total
				};
				return {
					offerFigures,
					recommended: {
						label: run.recommended.architecture.label,
						...figures(run.recommended.totals)
					}
				};
			})
		);
		// The recommended architecture runs beside every offer with the tender's one fleet and seed;
		// the first offer's run stands for it.
		return {
			ok: true,
			rows: sideBySide(
				runs.map((r) => r.offerFigures),
				runs[0]!.recommended
			),
			recommended: runs[0]!.recommended
		};
	} catch (error) {
		if (error instanceof JobQueueFullError || error instanceof JobTimeoutError) {
			return {
				ok: false,
				reason:
					'The server is busy, so the offers are not compared side by side right now: reload the page in a minute.'
			};
		}
		throw error;
	}
}

/** The page's data, or null when the tender has no offer with the id `?offer=` names. */
export async function tenderFleetPage(record: StoredTender, offerId: string | null) {
	const offer = selectedOffer(record, offerId);
	if (!offer) return null;
	const rules = rulesFor(record.rulesetVersion);
	const asAssessment = offerAsAssessment(rulesFor(record.rulesetVersion), record, offer);
	const result = score(rules, asAssessment);
	const input = inputFromAssessment(rules, asAssessment, result, { seed: FLEET_SEED });
	// The page names the offer by its vendor where an assessment's says "the assessed offer".
	const vendor = displayText(offer.vendor);
	input.architectures.assessed = {
		...input.architectures.assessed,
		label: `Offer: ${vendor}`,
		subject: `${vendor}'s offer`
	};
	return {
		tender: { id: record.id, title: record.title },
		offers: record.offers.map((o) => ({ id: o.id, vendor: o.vendor })),
		offer: { id: offer.id, vendor: offer.vendor },
		simulatedAs: SIMULATED_AS[simulatedView(record.scoring)],
		input,
		...fleetPageBasics(rules, result.currency),
		bridge: resultsBridge(result, getLocale()),
		sideBySide: await simulateEvery(record)
	};
}
