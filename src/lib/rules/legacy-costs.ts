import { z } from 'zod';
import { areaIdSchema, costDefaultSchema } from './schema';

/**
 * The cost model before costs.yaml 2.0.0 (rules/history/costs-1.1.1.yaml): exit payouts scaled by
 * the contract area score, no over-the-air or double-fee lines. Rulesets before 2.1.0 keep it, so
 * an assessment pinned to them keeps its cost bands, and so its rating, until the owner re-scores.
 */
export const LEGACY_COST_KEYS = [
	'fieldVisitPerDevice',
	'revisitFactor',
	'replacementSimPerDevice',
	'platformMigrationFixed',
	'integrationRebuildPerDevice',
	'monthlyFeePerDevice',
	'remainingCommitmentMonths'
] as const;
export type LegacyCostKey = (typeof LEGACY_COST_KEYS)[number];

/** The keys that were amounts of money (the file said so only in its units). */
export const LEGACY_MONEY_KEYS: ReadonlySet<LegacyCostKey> = new Set([
	'fieldVisitPerDevice',
	'replacementSimPerDevice',
	'platformMigrationFixed',
	'integrationRebuildPerDevice',
	'monthlyFeePerDevice'
]);

const legacyDefaultSchema = costDefaultSchema.omit({ money: true });

export const legacyCostsFileSchema = z.strictObject({
	version: z.string().regex(/^1\.\d+\.\d+$/),
	currency: z.literal('USD'),
	exitFactorAreas: z.strictObject({ platform: areaIdSchema, contract: areaIdSchema }),
	defaults: z.strictObject(
		Object.fromEntries(LEGACY_COST_KEYS.map((key) => [key, legacyDefaultSchema])) as Record<
			LegacyCostKey,
			typeof legacyDefaultSchema
		>
	)
});
export type LegacyCostsFile = z.infer<typeof legacyCostsFileSchema>;

export const LEGACY_COSTS_FILE = 'rules/history/costs-1.1.1.yaml';

/** The first ruleset priced by costs.yaml 2.0.0; every earlier one keeps the 1.x cost model. */
export const FIRST_RULESET_ON_COST_MODEL_2 = '2.1.0';

/** Whether a ruleset version comes before `FIRST_RULESET_ON_COST_MODEL_2` (numeric, part by part). */
export function pricedByLegacyCosts(version: string): boolean {
	const a = version.split('.').map(Number);
	const b = FIRST_RULESET_ON_COST_MODEL_2.split('.').map(Number);
	for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return (a[i] ?? 0) < (b[i] ?? 0);
	return false;
}
