import type { CostOverrides } from '../assessment/schema';
import type { RuleLocale } from '../rules/locales';
import { COST_KEYS, type CostsFile, type Currency } from '../rules/schema';

/**
 * A default amount in another currency: whole above 100 (a 258 visit), otherwise to four decimals,
 * so cents survive (a 1.29 fee) and so does a unit price (0.043 per MB), without float noise.
 */
export function convertAmount(amount: number, rate: number): number {
	if (rate === 1) return amount;
	const n = amount * rate;
	return n >= 100 ? Math.round(n) : Math.round(n * 1e4) / 1e4;
}

/** Units of `currency` per unit of the rules' currency, at the rules' dated rate. */
export function rateFor(costs: CostsFile, currency: Currency): number {
	if (currency === costs.currency) return 1;
	const rate = costs.conversions.rates[currency];
	// The loader refuses a costs file without a rate for every currency, so this is a broken invariant.
	if (rate === undefined) throw new Error(`No conversion rate for ${currency}`);
	return rate;
}

/** The cost keys whose values are amounts of money (the others are counts, shares or durations). */
export function moneyKeys(costs: CostsFile): ReadonlySet<string> {
	return new Set(COST_KEYS.filter((key) => costs.defaults[key].money));
}

/**
 * Saved overrides are amounts in the assessment's currency: when the currency changes they are
 * converted, so "300 a visit" in USD does not silently become 300 in GBP.
 */
export function convertOverrides(
	costs: CostsFile,
	overrides: CostOverrides,
	from: Currency,
	to: Currency
): CostOverrides {
	if (from === to) return overrides;
	const factor = rateFor(costs, to) / rateFor(costs, from);
	const money = moneyKeys(costs);
	const converted: CostOverrides = {};
	for (const [key, value] of Object.entries(overrides) as [keyof CostOverrides, number][]) {
		// Unit prices keep four decimals (a 0.004 fee per MB stays one); larger sums keep cents.
		const scale = value * factor < 100 ? 1e4 : 100;
		converted[key] = money.has(key) ? Math.round(value * factor * scale) / scale : value;
	}
	return converted;
}

/**
 * Amount with its currency code, cents only where the amount has them (unit prices): "USD 1,234.50"
 * in English, "1.234,50 USD" in German.
 */
export function formatMoney(currency: string, n: number, locale: RuleLocale = 'en'): string {
	const figure = n.toLocaleString(locale === 'en' ? 'en' : 'de-DE', {
		minimumFractionDigits: Number.isInteger(n) ? 0 : 2,
		maximumFractionDigits: 2
	});
	return locale === 'en' ? `${currency} ${figure}` : `${figure} ${currency}`;
}
