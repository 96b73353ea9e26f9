import { deviceFieldName } from '$lib/assessment/form';
import { countryChoices } from '$lib/server/fleet-page';
import { rules } from '$lib/server/rules';
import { fleetPageBasics, typedFleetDefaults } from '$lib/simulation/page-data';
import type { PageServerLoad } from './$types';

const defaults = typedFleetDefaults(rules);
const known = new Set(defaults.countries.map((c) => c.code));

// The typed fleet lives in the query string, so a simulation can be bookmarked or sent on.
export const load: PageServerLoad = ({ url }) => {
	const q = url.searchParams;
	const selected = [...new Set(q.getAll('countries').map((c) => c.trim().toUpperCase()))].filter(
		(c) => known.has(c)
	);
	return {
		defaults,
		choices: countryChoices(),
		...fleetPageBasics(rules),
		submitted: q.has('devices'),
		values: {
			devices: q.get('devices') ?? '',
			lifetimeYears: q.get('lifetimeYears') ?? '10',
			monthlyMbPerDevice: q.get('monthlyMbPerDevice') ?? '',
			countries: selected,
			devicesByCountry: Object.fromEntries(
				selected.flatMap((code) => {
					const value = q.get(deviceFieldName(code));
					return value ? [[code, value]] : [];
				})
			)
		}
	};
};
