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
 * The scoring core builds its (English) rule texts with it, hence English unless told otherwise.
 */
export function listWords(items: readonly string[], locale: Locale = 'en'): string {
	if (items.length <= 1) return items[0] ?? '';
	const and = locale === 'en' ? 'and' : 'und';
	return `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]}`;
}
