/**
 * Rules in another language: each English rules file walked field by field, every text replaced by
 * its translation from the overlay, every number, id, source and date kept. The walk is also the
 * check: a text the source has and the overlay lacks, a text the source does not have, a version
 * mismatch or different placeholders all refuse the overlay, naming its file and the exact path.
 */
import type { z } from 'zod';
import { parseFile, RulesError, type Rules } from './load';
import { libraryNames, searchAliases } from './country-names';
import type { RuleLocale } from './locales';
import {
	costsOverlaySchema,
	countriesOverlaySchema,
	OverlayReader,
	regulationsOverlaySchema,
	rulesetOverlaySchema,
	simulationOverlaySchema,
	type Overlay
} from './overlay';
import type {
	CostDefault,
	CostsFile,
	CountriesFile,
	RegulationsFile,
	Ruleset,
	SimulationFile
} from './schema';

/** The overlay texts of one language (rules/i18n/<locale>/*.yaml). */
export interface OverlayTexts {
	ruleset: string;
	countries: string;
	regulations: string;
	costs: string;
	simulation: string;
}

type Localizer<T> = (source: T, t: OverlayReader) => T;

function localizeFile<T extends { version: string }>(
	file: string,
	text: string,
	schema: z.ZodType<Overlay>,
	source: T,
	localize: Localizer<T>,
	skip: readonly string[] = []
): { localized: T; overlay: Overlay } {
	const overlay = parseFile(file, text, schema);
	const reader = new OverlayReader(overlay, source.version, skip);
	const localized = localize(source, reader);
	const problems = reader.finish();
	if (problems.length > 0) throw new RulesError(file, problems);
	return { localized, overlay };
}

export const localizeRuleset: Localizer<Ruleset> = (ruleset, t) => ({
	...ruleset,
	notSure: { ...ruleset.notSure, label: t.text('notSure.label', ruleset.notSure.label) },
	areas: ruleset.areas.map((area) => {
		const at = `areas.${area.id}`;
		return {
			...area,
			title: t.text(`${at}.title`, area.title),
			summary: t.text(`${at}.summary`, area.summary),
			locksIn: t.text(`${at}.locksIn`, area.locksIn),
			keepsFlexible: t.text(`${at}.keepsFlexible`, area.keepsFlexible),
			questions: area.questions.map((question) => {
				const qt = `${at}.questions.${question.id}`;
				return {
					...question,
					text: t.text(`${qt}.text`, question.text),
					why: t.text(`${qt}.why`, question.why),
					recommendation: t.text(`${qt}.recommendation`, question.recommendation),
					askVendor: t.text(`${qt}.askVendor`, question.askVendor),
					unknown: t.optional(`${qt}.unknown`, question.unknown),
					options: question.options.map((option) => {
						const ot = `${qt}.options.${option.id}`;
						return {
							...option,
							label: t.text(`${ot}.label`, option.label),
							finding: t.optional(`${ot}.finding`, option.finding),
							recommendation: t.optional(`${ot}.recommendation`, option.recommendation)
						};
					})
				};
			})
		};
	}),
	lockInSigns: ruleset.lockInSigns.map((sign) => ({
		...sign,
		title: t.optional(`lockInSigns.${sign.id}.title`, sign.title),
		text: t.text(`lockInSigns.${sign.id}.text`, sign.text)
	})),
	architecture: ruleset.architecture.map((element) => ({
		...element,
		title: t.text(`architecture.${element.id}.title`, element.title),
		description: t.text(`architecture.${element.id}.description`, element.description)
	})),
	floors: ruleset.floors?.map((floor) => ({
		...floor,
		reason: t.text(`floors.${floor.id}.reason`, floor.reason)
	})),
	costBands: ruleset.costBands && {
		...ruleset.costBands,
		reasonTotal: t.text('costBands.reasonTotal', ruleset.costBands.reasonTotal),
		reasonPerDevice: t.text('costBands.reasonPerDevice', ruleset.costBands.reasonPerDevice),
		basis: t.text('costBands.basis', ruleset.costBands.basis)
	},
	roamingFloors: ruleset.roamingFloors && {
		...ruleset.roamingFloors,
		blocking: {
			...ruleset.roamingFloors.blocking,
			reason: t.text('roamingFloors.blocking.reason', ruleset.roamingFloors.blocking.reason)
		},
		conditional: {
			...ruleset.roamingFloors.conditional,
			reason: t.text('roamingFloors.conditional.reason', ruleset.roamingFloors.conditional.reason)
		},
		barred: {
			...ruleset.roamingFloors.barred,
			reason: t.text('roamingFloors.barred.reason', ruleset.roamingFloors.barred.reason)
		},
		intermittent: ruleset.roamingFloors.intermittent && {
			...ruleset.roamingFloors.intermittent,
			reason: t.text('roamingFloors.intermittent.reason', ruleset.roamingFloors.intermittent.reason)
		}
	},
	conflicts: ruleset.conflicts.map((conflict) => ({
		...conflict,
		message: t.text(`conflicts.${conflict.id}.message`, conflict.message)
	})),
	localProfiles: ruleset.localProfiles && localizeLocalProfiles(ruleset.localProfiles, t)
});

function localizeLocalProfiles(
	lp: NonNullable<Ruleset['localProfiles']>,
	t: OverlayReader
): NonNullable<Ruleset['localProfiles']> {
	const option = (id: keyof typeof lp.options) => ({
		label: t.text(`localProfiles.options.${id}.label`, lp.options[id].label),
		finding: t.optional(`localProfiles.options.${id}.finding`, lp.options[id].finding)
	});
	return {
		...lp,
		text: t.text('localProfiles.text', lp.text),
		why: t.text('localProfiles.why', lp.why),
		recommendation: t.text('localProfiles.recommendation', lp.recommendation),
		askVendor: t.text('localProfiles.askVendor', lp.askVendor),
		unknown: t.text('localProfiles.unknown', lp.unknown),
		options: {
			available: option('available'),
			on_request: option('on_request'),
			none: option('none')
		}
	};
}

/** Country texts by ISO code; caveats by their kind (a rule has at most one of each). */
export const localizeCountries: Localizer<CountriesFile> = (countries, t) => ({
	...countries,
	noKnownRestriction: {
		...countries.noKnownRestriction,
		summary: t.text('noKnownRestriction.summary', countries.noKnownRestriction.summary),
		foreignSimImpact: t.text(
			'noKnownRestriction.foreignSimImpact',
			countries.noKnownRestriction.foreignSimImpact
		)
	},
	rules: countries.rules.map((rule) => {
		const at = `rules.${rule.code}`;
		return {
			...rule,
			summary: t.text(`${at}.summary`, rule.summary),
			foreignSimImpact: t.text(`${at}.foreignSimImpact`, rule.foreignSimImpact),
			enforcedBy: t.optional(`${at}.enforcedBy`, rule.enforcedBy),
			barsRoaming: rule.barsRoaming && {
				...rule.barsRoaming,
				reason: t.text(`${at}.barsRoaming.reason`, rule.barsRoaming.reason)
			},
			caveats: rule.caveats?.map((caveat) => ({
				...caveat,
				text: t.text(`${at}.caveats.${caveat.kind}.text`, caveat.text)
			}))
		};
	})
});

export const localizeRegulations: Localizer<RegulationsFile> = (file, t) => ({
	...file,
	regulations: file.regulations.map((r) => {
		const at = `regulations.${r.id}`;
		return {
			...r,
			title: t.text(`${at}.title`, r.title),
			region: t.text(`${at}.region`, r.region),
			appliesFromNote: t.optional(`${at}.appliesFromNote`, r.appliesFromNote),
			summary: t.text(`${at}.summary`, r.summary),
			whatItGivesTheBuyer: t.text(`${at}.whatItGivesTheBuyer`, r.whatItGivesTheBuyer),
			checked: t.optional(`${at}.checked`, r.checked)
		};
	})
});

function localizeDefaults<D extends Record<string, CostDefault>>(defaults: D, t: OverlayReader): D {
	return Object.fromEntries(
		Object.entries(defaults).map(([key, d]) => [
			key,
			{
				...d,
				label: t.text(`defaults.${key}.label`, d.label),
				unit: t.text(`defaults.${key}.unit`, d.unit),
				basis: t.text(`defaults.${key}.basis`, d.basis)
			}
		])
	) as D;
}

export const localizeCosts: Localizer<CostsFile> = (costs, t) => ({
	...costs,
	conversions: {
		...costs.conversions,
		basis: t.text('conversions.basis', costs.conversions.basis)
	},
	commitments: {
		...costs.commitments,
		basis: t.text('commitments.basis', costs.commitments.basis)
	},
	defaults: localizeDefaults(costs.defaults, t)
});

export const localizeSimulation: Localizer<SimulationFile> = (simulation, t) => ({
	...simulation,
	defaults: localizeDefaults(simulation.defaults, t)
});

/**
 * The countries overlay's `names` picks, for a code, which of the library's names to show where
 * its official one reads badly ("Tschechien" rather than "Tschechische Republik"); a pick must be
 * one of the library's names for that code. Codes without a pick show the library's official name.
 */
function shownNames(
	file: string,
	countries: CountriesFile,
	picks: Record<string, unknown>,
	locale: RuleLocale
): Map<string, string> {
	const problems: string[] = [];
	const known = new Set(countries.all.map((c) => c.code));
	for (const [code, pick] of Object.entries(picks)) {
		if (!known.has(code)) problems.push(`names.${code} is not in the source`);
		else if (typeof pick !== 'string' || !libraryNames(code, locale).includes(pick)) {
			problems.push(
				`names.${code} must be one of i18n-iso-countries' names for ${code}: ${libraryNames(code, locale).join(' / ')}`
			);
		}
	}
	if (problems.length > 0) throw new RulesError(file, problems);
	return new Map(
		countries.all.map(({ code }) => [
			code,
			(picks[code] as string | undefined) ?? libraryNames(code, locale)[0]!
		])
	);
}

/**
 * The rules with every text in `locale`. `history`: an earlier ruleset is a frozen record and has
 * no overlay, so its texts stay English (`rulesetLocale: 'en'`); country, cost, simulation and
 * regulation texts are the current files' and are translated all the same.
 */
export function localizeRules(
	rules: Rules,
	locale: RuleLocale,
	texts: OverlayTexts,
	options: { history?: boolean } = {}
): Rules {
	const dir = `rules/i18n/${locale}`;
	const ruleset = options.history
		? rules.ruleset
		: localizeFile(
				`${dir}/ruleset.yaml`,
				texts.ruleset,
				rulesetOverlaySchema,
				rules.ruleset,
				localizeRuleset
			).localized;
	const countriesFile = `${dir}/countries.yaml`;
	const { localized: countryTexts, overlay: countriesOverlay } = localizeFile(
		countriesFile,
		texts.countries,
		countriesOverlaySchema,
		rules.countries,
		localizeCountries,
		['names']
	);
	const names = shownNames(
		countriesFile,
		rules.countries,
		(countriesOverlay.names ?? {}) as Record<string, unknown>,
		locale
	);
	const all = rules.countries.all.map(({ code }) => ({ code, name: names.get(code)! }));
	const countries: CountriesFile = {
		...countryTexts,
		all,
		aliases: searchAliases(all, rules.sourceAliases, rules.countryNames),
		rules: countryTexts.rules.map((rule) => ({ ...rule, name: names.get(rule.code)! }))
	};
	const regulations = localizeFile(
		`${dir}/regulations.yaml`,
		texts.regulations,
		regulationsOverlaySchema,
		rules.regulations,
		localizeRegulations
	).localized;
	const costs = localizeFile(
		`${dir}/costs.yaml`,
		texts.costs,
		costsOverlaySchema,
		rules.costs,
		localizeCosts
	).localized;
	const simulation = localizeFile(
		`${dir}/simulation.yaml`,
		texts.simulation,
		simulationOverlaySchema,
		rules.simulation,
		localizeSimulation
	).localized;
	return {
		...rules,
		locale,
		rulesetLocale: options.history ? rules.rulesetLocale : locale,
		ruleset,
		countries,
		costs,
		simulation,
		regulations,
		questionsById: new Map(
			ruleset.areas.flatMap((area) => area.questions.map((q) => [q.id, { ...q, areaId: area.id }]))
		),
		countryNames: names,
		countryRules: new Map(countries.rules.map((rule) => [rule.code, rule]))
	};
}
