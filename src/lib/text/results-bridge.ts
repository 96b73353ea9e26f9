import type { ScoreResult } from '../scoring/types';
import { listWords } from './template';
import { money, moneyRange } from './verdict';

/**
 * Why the simulated fleet's figures differ from the results beside it (audit M6): the results
 * count devices exposed and price a switch as a whole; the simulation counts days lost until each
 * cure and money as events happen. Two sentences, with the results' own figures.
 */
export function resultsBridge(result: Pick<ScoreResult, 'roaming' | 'switchingCost'>): {
	devices: string;
	cost: string;
} {
	const exposed = result.roaming.filter((r) => r.restricted && !r.mitigated && r.devices > 0);
	const count = exposed.reduce((sum, r) => sum + r.devices, 0);
	const devices =
		exposed.length === 0
			? 'The results find no devices that a roaming restriction would cut off, so no roaming blocks are simulated for the assessed offer.'
			: `The results find ${count.toLocaleString('en')} devices on roaming SIMs that a restriction can cut off, in ${listWords(exposed.map((r) => r.name))}. Here those devices go offline on the rule's day and come back when they are cured: over the air where a local profile is available or on request (after contracting the local operator), by a site visit otherwise. So the availability below counts the days lost until each cure, not devices lost for good.`;
	const cost = result.switchingCost;
	const platform = cost.lines.find((l) => l.id === 'platform_exit');
	const range =
		cost.estimate.low === cost.estimate.high
			? ''
			: ` (${moneyRange(cost.currency, cost.estimate.low, cost.estimate.high)})`;
	// A ruleset before 2.1.0 keeps the older cost model, which priced no over-the-air switch or notice.
	if (!cost.lines.some((l) => l.id === 'ota_switch')) {
		return {
			devices,
			cost: `The results put the cost to leave at about ${money(cost.currency, cost.estimate.total)}${range}, with the cost model of the ruleset this assessment is pinned to. The simulation prices a switch with today's model (profile fees, moving the eIM, visits to the devices a campaign misses, both providers billing through the notice), so its figures differ; re-scoring the assessment with the current ruleset brings the results in line.`
		};
	}
	const costWords = `The results put the cost to leave at about ${money(cost.currency, cost.estimate.total)}${range}. The simulation spends money only as things happen: choose a year to leave and it pays the same switch the results price (site visits or the over-the-air campaign, exit payouts), with both providers billing only for the devices already moved${platform && platform.amount > 0 ? `, and without rebuilding the platform (${money(cost.currency, platform.amount)} in the results)` : ''}. Without a year to leave it shows no cost to leave at all, and its running costs add roaming cures and data overage, which the results do not price.`;
	return { devices, cost: costWords };
}
