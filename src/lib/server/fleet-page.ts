import type { Fleet } from '$lib/assessment/schema';
import { deviceFieldName } from '$lib/assessment/form';
import { restrictsRoaming } from '$lib/rules/restrictions';
import { DEFAULT_CURRENCY } from '$lib/scoring/costs';
import { currentRules } from './rules';

/**
 * What the fleet form needs to draw: every pickable country, marked when it restricts roaming,
 * with the other names its search box accepts.
 */
export function countryChoices() {
	// Names and search aliases in the request's language (every language's names stay searchable).
	const rules = currentRules();
	return rules.countries.all
		.map(({ code, name }) => {
			const kind = rules.countryRules.get(code)?.kind ?? 'none_known';
			const aliases = rules.countries.aliases[code] ?? [];
			return { code, name, restricted: restrictsRoaming(kind), aliases };
		})
		.sort((a, b) => a.name.localeCompare(b.name, rules.locale));
}

export interface FleetFormValues {
	title: string;
	organisation: string;
	vendor: string;
	/** ISO code of the buyer's organisation, or '' when not given. */
	buyerCountry: string;
	/** ISO 4217 code the costs are shown in. */
	currency: string;
	/** 'routine', 'dedicated' or '' (not sure). */
	siteVisits: string;
	devices: string;
	countries: string[];
	devicesByCountry: Record<string, string>;
	lifetimeYears: string;
	monthlyMbPerDevice: string;
}

const str = (n: number | undefined) => (n === undefined || Number.isNaN(n) ? '' : String(n));

/** Form values from a saved assessment (or the defaults for a new one). */
export function fleetFormValues(saved?: {
	title: string;
	organisation: string;
	vendor: string;
	buyerCountry?: string;
	currency?: string;
	fleet: Fleet;
}): FleetFormValues {
	return {
		title: saved?.title ?? '',
		organisation: saved?.organisation ?? '',
		vendor: saved?.vendor ?? '',
		buyerCountry: saved?.buyerCountry ?? '',
		currency: saved?.currency ?? DEFAULT_CURRENCY,
		siteVisits: saved?.fleet.siteVisits ?? '',
		devices: str(saved?.fleet.devices),
		countries: saved?.fleet.countries ?? [],
		devicesByCountry: Object.fromEntries(
			Object.entries(saved?.fleet.devicesByCountry ?? {}).map(([k, v]) => [k, String(v)])
		),
		lifetimeYears: str(saved?.fleet.lifetimeYears ?? 10),
		monthlyMbPerDevice: str(saved?.fleet.monthlyMbPerDevice)
	};
}

/** Echoes what the user typed back into the form after a failed submit, so nothing is retyped. */
export function fleetFormValuesFromSubmission(form: FormData): FleetFormValues {
	const get = (name: string) => {
		const value = form.get(name);
		return typeof value === 'string' ? value : '';
	};
	const countries = form.getAll('countries').filter((v): v is string => typeof v === 'string');
	return {
		title: get('title'),
		organisation: get('organisation'),
		vendor: get('vendor'),
		buyerCountry: get('buyerCountry'),
		currency: get('currency'),
		siteVisits: get('siteVisits'),
		devices: get('devices'),
		countries,
		devicesByCountry: Object.fromEntries(countries.map((c) => [c, get(deviceFieldName(c))])),
		lifetimeYears: get('lifetimeYears'),
		monthlyMbPerDevice: get('monthlyMbPerDevice')
	};
}
