import { LOGO_LIMITS } from './logo';

/** Paper sizes and text limits, free of zod so the download form can use them cheaply. */
export const PAPER_SIZES = ['a4', 'letter'] as const;
export type PaperSize = (typeof PAPER_SIZES)[number];

export const BRANDING_LIMITS = { textLength: 200, logo: LOGO_LIMITS } as const;
