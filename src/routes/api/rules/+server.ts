import { json } from '@sveltejs/kit';
import type { RulesResponse } from '$lib/api/contract';
import { NOT_SURE } from '$lib/rules/schema';
import { rules } from '$lib/server/rules';
import type { RequestHandler } from './$types';

/**
 * The ruleset as API clients need it: versions, questions with options, the rating rules of
 * ruleset 2.0.0 (thresholds, floors, cost bands, country floors, conflicts, local profiles), country
 * rules and costs. The shape is `rulesResponseSchema` (src/lib/api/contract.ts), in the OpenAPI document.
 */
export const GET: RequestHandler = () => {
	const { ruleset, countries, costs } = rules;
	const body: RulesResponse = {
		version: ruleset.version,
		published: ruleset.published,
		format: ruleset.format ?? null,
		notSure: { id: NOT_SURE, ...ruleset.notSure },
		ratingThresholds: ruleset.ratingThresholds,
		findingRiskThreshold: ruleset.findingRiskThreshold,
		highRiskThreshold: ruleset.highRiskThreshold,
		areas: ruleset.areas,
		lockInSigns: ruleset.lockInSigns,
		architecture: ruleset.architecture,
		floors: ruleset.floors ?? [],
		costBands: ruleset.costBands ?? null,
		roamingFloors: ruleset.roamingFloors ?? null,
		conflicts: ruleset.conflicts,
		localProfiles: ruleset.localProfiles ?? null,
		countriesVersion: countries.version,
		countries: countries.all.map(({ code, name }) => {
			const rule = rules.countryRules.get(code);
			return {
				code,
				name,
				restriction: rule ?? {
					kind: 'none_known' as const,
					...countries.noKnownRestriction,
					confidence: 'unverified' as const,
					sources: []
				}
			};
		}),
		costs
	};
	return json(body, { headers: { 'cache-control': 'public, max-age=300' } });
};
