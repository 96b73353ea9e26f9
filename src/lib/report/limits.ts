import { LOGO_LIMITS } from './logo';

/** Paper sizes and text limits, free of zod so the download form can use them cheaply. */
export const PAPER_SIZES = ['a4', 'letter'] as const;
export type PaperSize = (typeof PAPER_SIZES)[number];

export const BRANDING_LIMITS = { textLength: 200, logo: LOGO_LIMITS } as const;

/**
 * The longest report the builder makes. A fully answered assessment with 10,000-character notes on
 * every question and every country listed stays well under it; only text built to bloat the report
 * (notes made of thousands of line breaks) reaches it, and is refused rather than drawn for seconds.
 */
export const MAX_REPORT_PAGES = 200;
