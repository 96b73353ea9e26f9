import type { Fleet } from '../assessment/schema';
import type { Rules } from '../rules/load';
import type { Confidence } from '../rules/schema';
import { m } from '../paraglide/messages';
import { listWords } from '../text/template';
import type { ApplicableRegulation } from './types';

const KIND_ORDER = { right: 0, duty: 1 } as const;
const CONFIDENCE_ORDER: Record<Confidence, number> = { high: 0, medium: 1, low: 2, unverified: 3 };

/**
 * The rules in rules/regulations.yaml that reach this fleet's deployment countries or the buyer's
 * own country, each with why it applies. Rights come first, then duties; within each, the better
 * sourced first, then the file's order. Pure: the same rules and inputs give the same list.
 */
export function regulationsFor(
	rules: Pick<Rules, 'regulations' | 'countryNames' | 'locale'>,
	fleet: Pick<Fleet, 'countries'>,
	buyerCountry?: string
): ApplicableRegulation[] {
	const name = (code: string) => rules.countryNames.get(code) ?? code;
	const found: (ApplicableRegulation & { order: number })[] = [];
	rules.regulations.regulations.forEach((regulation, order) => {
		const reaches = new Set(regulation.countries);
		const deployed = fleet.countries.filter((code) => reaches.has(code));
		const buyer =
			buyerCountry !== undefined && reaches.has(buyerCountry) ? buyerCountry : undefined;
		if (deployed.length === 0 && buyer === undefined) return;
		const reasons: string[] = [];
		const say = { locale: rules.locale };
		if (deployed.length > 0)
			reasons.push(
				m.textde_regulation_deployment(
					{ countries: listWords(deployed.map(name), rules.locale) },
					say
				)
			);
		if (buyer !== undefined) reasons.push(m.textde_regulation_buyer({ country: name(buyer) }, say));
		found.push({
			id: regulation.id,
			title: regulation.title,
			region: regulation.region,
			kind: regulation.kind,
			appliesTo: [...regulation.appliesTo],
			appliesFrom: regulation.appliesFrom,
			appliesFromNote: regulation.appliesFromNote ?? null,
			summary: regulation.summary,
			whatItGivesTheBuyer: regulation.whatItGivesTheBuyer,
			confidence: regulation.confidence,
			sources: [...regulation.sources],
			reviewed: regulation.reviewed,
			checked: regulation.checked ?? null,
			reasons,
			countries: [...new Set([...deployed, ...(buyer ? [buyer] : [])])],
			order
		});
	});
	return found
		.sort(
			(a, b) =>
				KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
				CONFIDENCE_ORDER[a.confidence] - CONFIDENCE_ORDER[b.confidence] ||
				a.order - b.order
		)
		.map(({ order: _order, ...regulation }) => regulation);
}
