import { LIMITS } from '../assessment/schema';
import type { Rules } from '../rules/load';
import type { Currency } from '../rules/schema';
import { DEFAULT_CURRENCY, shortestNoticeDays } from '../scoring/costs';
import { simulationMeta } from './assumptions';
import type { TypedFleetDefaults } from './client-input';
import { costValues, countryTable, DEFAULT_MONTHLY_MB, simulationParams } from './inputs';
import { BROWSER_MAX_DEVICES } from './request';

/** What every fleet page hands the browser besides the input: figures, their sources, limits. */
export function fleetPageBasics(rules: Rules, currency: Currency = DEFAULT_CURRENCY) {
	return {
		meta: simulationMeta(rules, LIMITS.costValue, currency),
		currency,
		maxDevices: BROWSER_MAX_DEVICES
	};
}

/**
 * What the standalone fleet page needs to build an input in the browser: every country with the
 * day its roaming block falls (the same table the server simulates with), the defaults and
 * the limits of the fleet schema.
 */
export function typedFleetDefaults(rules: Rules): TypedFleetDefaults {
	return {
		countries: countryTable(rules),
		costs: costValues(rules),
		params: simulationParams(rules),
		defaultMonthlyMb: DEFAULT_MONTHLY_MB,
		shortestNoticeDays: shortestNoticeDays(rules.costs),
		limits: {
			maxDevices: BROWSER_MAX_DEVICES,
			maxLifetimeYears: LIMITS.lifetimeYears,
			maxMonthlyMb: LIMITS.monthlyMb
		}
	};
}
