import { z } from 'zod';

/**
 * A translation overlay (rules/i18n/<locale>/<file>.yaml) mirrors the translatable texts of one
 * English rules file: lists of objects become maps keyed by `id` (countries by ISO code), and the
 * file carries the `version` of the source it translates. Numbers, ids, sources, URLs and dates
 * stay in the source only, so an overlay cannot change a score.
 */

/** Texts nested in maps, as deep as the source file needs. */
export type TextTree = string | { [key: string]: TextTree };
export const textTreeSchema: z.ZodType<TextTree> = z.lazy(() =>
	z.union([z.string().min(1), z.record(z.string(), textTreeSchema)])
);

const versionSchema = z.string().regex(/^\d+\.\d+\.\d+$/, 'use the version of the source file');

/** An overlay with these top-level sections, each a tree of texts; other keys are refused. */
function overlaySchema<K extends string>(sections: readonly K[]) {
	return z.strictObject({
		version: versionSchema,
		...(Object.fromEntries(sections.map((s) => [s, textTreeSchema.optional()])) as Record<
			K,
			z.ZodOptional<typeof textTreeSchema>
		>)
	});
}

export const rulesetOverlaySchema = overlaySchema([
	'notSure',
	'areas',
	'lockInSigns',
	'architecture',
	'floors',
	'costBands',
	'roamingFloors',
	'conflicts',
	'localProfiles'
]);
export const countriesOverlaySchema = overlaySchema(['names', 'noKnownRestriction', 'rules']);
export const regulationsOverlaySchema = overlaySchema(['regulations']);
export const costsOverlaySchema = overlaySchema(['conversions', 'commitments', 'defaults']);
export const simulationOverlaySchema = overlaySchema(['defaults']);

export type Overlay = { version: string } & { [section: string]: TextTree | undefined };

/** Every text of a tree by its dotted path ("areas.network.title"). */
export function flattenTexts(tree: TextTree | undefined, prefix = ''): Map<string, string> {
	const out = new Map<string, string>();
	if (tree === undefined) return out;
	if (typeof tree === 'string') {
		out.set(prefix, tree);
		return out;
	}
	for (const [key, value] of Object.entries(tree)) {
		for (const [path, text] of flattenTexts(value, prefix ? `${prefix}.${key}` : key))
			out.set(path, text);
	}
	return out;
}

const placeholdersOf = (text: string) =>
	[...new Set([...text.matchAll(/\{([^{}]*)\}/g)].map((m) => m[1]!))].sort();

/**
 * Looks texts up in an overlay while a localizer walks the source, and collects every problem:
 * a text the source has and the overlay lacks, one whose placeholders differ from the source's,
 * square brackets (they read as unfilled template text), and, at the end, any text the source
 * does not have.
 */
export class OverlayReader {
	readonly problems: string[] = [];
	private readonly texts: Map<string, string>;
	private readonly used = new Set<string>();

	constructor(
		overlay: Overlay,
		sourceVersion: string,
		/** Sections this reader does not look up as texts (e.g. `names`, checked on their own). */
		skip: readonly string[] = []
	) {
		if (overlay.version !== sourceVersion) {
			this.problems.push(
				`version is ${overlay.version}, but the source it translates is ${sourceVersion}`
			);
		}
		const { version: _version, ...sections } = overlay;
		void _version;
		this.texts = new Map();
		for (const [section, tree] of Object.entries(sections)) {
			if (skip.includes(section)) continue;
			for (const [path, text] of flattenTexts(tree, section)) this.texts.set(path, text);
		}
	}

	/** The translation of `english` at `path`; the English text itself when it is missing. */
	text(path: string, english: string): string {
		const translated = this.texts.get(path);
		this.used.add(path);
		if (translated === undefined) {
			this.problems.push(`${path} is missing`);
			return english;
		}
		const want = placeholdersOf(english).join(', ');
		const got = placeholdersOf(translated).join(', ');
		if (want !== got) {
			this.problems.push(
				`${path} has placeholders {${got.replaceAll(', ', '}, {')}} where the source has {${want.replaceAll(', ', '}, {')}}`
			);
		}
		if (/[[\]]/.test(translated))
			this.problems.push(`${path} contains square brackets, which read as unfilled template text`);
		return translated;
	}

	/** Like `text`, for a source field that may be absent: absent stays absent (and must not be translated). */
	optional(path: string, english: string | undefined): string | undefined {
		return english === undefined ? undefined : this.text(path, english);
	}

	/** Every problem, including texts the source does not have; call once the walk is done. */
	finish(): string[] {
		for (const path of this.texts.keys()) {
			if (!this.used.has(path)) this.problems.push(`${path} is not in the source`);
		}
		return this.problems;
	}
}
