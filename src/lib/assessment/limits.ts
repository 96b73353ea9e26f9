/**
 * Size limits of what users type. The zod schemas enforce them; forms show them as maxlength.
 * Kept apart from the schemas so browser code can read them without loading zod.
 */
export const LIMITS = {
	titleLength: 200,
	nameLength: 200,
	noteLength: 10_000,
	shareLabelLength: 120,
	devices: 100_000_000,
	countries: 250,
	lifetimeYears: 40,
	monthlyMb: 1_000_000,
	costValue: 1_000_000_000
} as const;
