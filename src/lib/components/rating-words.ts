import { m } from '$lib/paraglide/messages';

/**
 * A rating or confidence level ("low" ... "critical", "unverified") in the page's language; a word
 * the rules add later shows as it is rather than as nothing.
 */
const WORDS: Record<string, () => string> = {
	low: m.form_level_low,
	medium: m.form_level_medium,
	moderate: m.form_level_moderate,
	high: m.form_level_high,
	critical: m.form_level_critical,
	unverified: m.form_level_unverified
};

export const ratingWord = (level: string): string => WORDS[level]?.() ?? level;
