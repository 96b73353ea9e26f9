import { intlTag } from '../format/locale-format';
import type { Locale } from '../paraglide/runtime';

/**
 * Fills `{name}` placeholders in rule texts. A placeholder without a value is a bug in the rules
 * or the caller, never something to print: it throws, and the rules loader refuses unknown names.
 */
export function fill(text: string, values: Record<string, string>): string {
	return text.replace(/\{([^{}]*)\}/g, (_, name: string) => {
		const value = values[name];
		if (value === undefined) throw new Error(`No value for {${name}} in "${text.slice(0, 80)}"`);
		return value;
	});
}

/**
 * "Brazil", "Brazil and Türkiye", "Brazil, India and Türkiye"; "Brasilien, Indien und Türkei".
 * English unless told otherwise, for callers that still build English-only texts.
 */
export const listWords = (items: readonly string[], locale: Locale = 'en'): string =>
	new Intl.ListFormat(intlTag(locale), { type: 'conjunction' }).format(items);

/** "private APN or Zero Trust access", "privater APN oder Zero-Trust-Zugang". */
export const eitherWords = (items: readonly string[], locale: Locale): string =>
	new Intl.ListFormat(intlTag(locale), { type: 'disjunction' }).format(items);

/** A quoted answer in the reader's quotation marks: “Yes” in English, „Ja“ in German. */
export const quoted = (text: string, locale: Locale): string =>
	locale === 'de' ? `„${text}“` : `“${text}”`;
