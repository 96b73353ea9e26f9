import { formatNumber } from '../format/locale-format';
import { m } from '../paraglide/messages';
import type { Locale } from '../paraglide/runtime';
import type { ScoreResult } from '../scoring/types';
import { listWords } from './template';
import { money, moneyRange } from './verdict';

/**
 * Why the simulated fleet's figures differ from the results beside it (audit M6): the results
 * count devices exposed and price a switch as a whole; the simulation counts days lost until each
 * cure and money as events happen. Two sentences, with the results' own figures.
 */
export function resultsBridge(
	result: Pick<ScoreResult, 'roaming' | 'switchingCost'>,
	locale: Locale
): {
	devices: string;
	cost: string;
} {
	const exposed = result.roaming.filter((r) => r.restricted && !r.mitigated && r.devices > 0);
	const count = exposed.reduce((sum, r) => sum + r.devices, 0);
	const devices =
		exposed.length === 0
			? m.results_bridge_no_devices({}, { locale })
			: m.results_bridge_devices(
					{
						count: formatNumber(count, locale),
						countries: listWords(
							exposed.map((r) => r.name),
							locale
						)
					},
					{ locale }
				);
	const cost = result.switchingCost;
	const platform = cost.lines.find((l) => l.id === 'platform_exit');
	const total = money(cost.currency, cost.estimate.total, locale);
	const range =
		cost.estimate.low === cost.estimate.high
			? ''
			: ` (${moneyRange(cost.currency, cost.estimate.low, cost.estimate.high, locale)})`;
	// A ruleset before 2.1.0 keeps the older cost model, which priced no over-the-air switch or notice.
	if (!cost.lines.some((l) => l.id === 'ota_switch')) {
		return { devices, cost: m.results_bridge_cost_legacy({ total, range }, { locale }) };
	}
	const platformWords =
		platform && platform.amount > 0
			? m.results_bridge_platform(
					{ amount: money(cost.currency, platform.amount, locale) },
					{ locale }
				)
			: '';
	return {
		devices,
		cost: m.results_bridge_cost({ total, range, platform: platformWords }, { locale })
	};
}
