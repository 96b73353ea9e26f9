import { z } from 'zod';
import { locales } from '$lib/paraglide/runtime';
import { issuesOf } from '../validation/issues';
import { ReportInputError } from './errors';
import { BRANDING_LIMITS, PAPER_SIZES } from './limits';
import { bytesFromDataUrl, inspectLogo, type Logo } from './logo';
import { cleanLine } from './text';

export { BRANDING_LIMITS, PAPER_SIZES, type PaperSize } from './limits';

/** Optional one-line text: trimmed, control characters dropped, empty means "not given". */
const optionalText = (label: string) =>
	z
		.string({ error: `${label} must be text` })
		.transform(cleanLine)
		.pipe(
			z
				.string()
				.max(
					BRANDING_LIMITS.textLength,
					`${label} must be at most ${BRANDING_LIMITS.textLength} characters`
				)
		)
		.transform((value) => value || undefined)
		.optional();

const paperSchema = z
	.string({ error: 'Paper must be "a4" or "letter"' })
	.trim()
	.toLowerCase()
	.pipe(z.enum(PAPER_SIZES, { error: 'Paper must be "a4" or "letter"' }));

/** The report's language, whatever the page's: a consultant may write for a client abroad. */
const localeSchema = z
	.string({ error: 'Report language must be "en" or "de"' })
	.trim()
	.toLowerCase()
	.pipe(z.enum(locales, { error: 'Report language must be "en" or "de"' }));

/** A logo as a `data:` URL (from a file input or storage) or raw bytes; checked by its content. */
const logoSchema = z
	.union([z.string(), z.instanceof(Uint8Array)], { error: 'The logo must be a PNG or JPEG file' })
	.transform((input, ctx): Logo => {
		const decoded =
			typeof input === 'string' ? bytesFromDataUrl(input) : { ok: true as const, bytes: input };
		const checked = decoded.ok ? inspectLogo(decoded.bytes) : decoded;
		if (!checked.ok) {
			ctx.addIssue({ code: 'custom', message: checked.message });
			return z.NEVER;
		}
		return checked.logo;
	});

/**
 * What a consultant can put on a report. Everything is optional; paper defaults to A4, and a
 * report without a language is in the base locale (callers pass the page's or the request's).
 */
export const brandingSchema = z.strictObject({
	reportTitle: optionalText('Report title'),
	consultantName: optionalText('Consultant name'),
	firm: optionalText('Firm'),
	paper: paperSchema.default('a4'),
	locale: localeSchema.optional(),
	logo: logoSchema.nullish().transform((logo) => logo ?? undefined)
});

export type BrandingInput = z.input<typeof brandingSchema>;
export type Branding = z.output<typeof brandingSchema>;

/**
 * Branding as query parameters of `GET /api/assessments/{id}/report.pdf`: text, paper and
 * language only (a logo does not fit in a URL). Unknown parameters are refused, so a typo is not
 * silently lost. Without `locale` the caller chooses the language (the request's).
 */
export const brandingQuerySchema = z
	.strictObject({
		title: optionalText('Report title'),
		consultant: optionalText('Consultant name'),
		firm: optionalText('Firm'),
		paper: paperSchema.optional(),
		locale: localeSchema.optional()
	})
	.transform((query): BrandingInput => ({
		reportTitle: query.title,
		consultantName: query.consultant,
		firm: query.firm,
		paper: query.paper ?? 'a4',
		locale: query.locale
	}));

/** Validates branding, or throws ReportInputError naming each bad field. */
export function parseBranding(input: BrandingInput): Branding {
	const parsed = brandingSchema.safeParse(input);
	if (!parsed.success) throw new ReportInputError(issuesOf(parsed.error));
	return parsed.data;
}

/** Who prepared the report, in one line, or null when the consultant gave no name. */
export function preparedBy(branding: Branding): string | null {
	const parts = [branding.consultantName, branding.firm].filter(Boolean);
	return parts.length ? parts.join(', ') : null;
}

/** The query of a report source (`.../report-source?locale=de`): the language its rule texts are in. */
export const reportSourceQuerySchema = z.strictObject({ locale: localeSchema.optional() });
