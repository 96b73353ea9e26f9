import { json } from '@sveltejs/kit';
import { NOT_SURE } from '$lib/rules/schema';
import { rules } from '$lib/server/rules';
import type { RequestHandler } from './$types';

/** The ruleset as API clients need it: versions, questions with options, country rules, costs. */
export const GET: RequestHandler = () => {
	const { ruleset, countries, costs } = rules;
	return json(
		{
			version: ruleset.version,
			published: ruleset.published,
			notSure: { id: NOT_SURE, ...ruleset.notSure },
			ratingThresholds: ruleset.ratingThresholds,
			areas: ruleset.areas,
			lockInSigns: ruleset.lockInSigns,
			architecture: ruleset.architecture,
			countriesVersion: countries.version,
			countries: countries.all.map(({ code, name }) => {
				const rule = rules.countryRules.get(code);
				return {
					code,
					name,
					restriction: rule ?? { kind: 'none_known', ...countries.noKnownRestriction, confidence: 'unverified', sources: [] }
				};
			}),
			costs
		},
		{ headers: { 'cache-control': 'public, max-age=300' } }
	);
};
