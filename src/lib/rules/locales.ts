/**
 * The languages rule texts come in. English is the source (rules/*.yaml); every other language is
 * an overlay in rules/i18n/<locale>/ that the loader checks against it. Same codes as the app's
 * Paraglide locales, so a request's locale can be passed straight in.
 */
export const RULE_LOCALES = ['en', 'de'] as const;
export type RuleLocale = (typeof RULE_LOCALES)[number];
export const SOURCE_LOCALE: RuleLocale = 'en';
