import { describe, expect, it } from 'vitest';
import { fleetBodyFromForm } from '../../../src/lib/assessment/form';
import {
	applyPatch,
	contentFromCreate,
	createInputSchemas,
	storedAssessmentSchema
} from '../../../src/lib/assessment/schema';
import { shippedRules } from '../rules/read-rules';

const rules = shippedRules();
const schemas = createInputSchemas(rules, ['network']);

function form(fields: Record<string, string | string[]>) {
	const data = new FormData();
	for (const [name, value] of Object.entries(fields))
		for (const v of [value].flat()) data.append(name, v);
	return data;
}

describe('buyerCountry', () => {
	it('comes from the fleet form only when the form asks for it; an empty choice clears it', () => {
		const base = { title: 'T', devices: '10', countries: 'DE', lifetimeYears: '5' };
		expect(fleetBodyFromForm(form(base))).not.toHaveProperty('buyerCountry');
		expect(fleetBodyFromForm(form({ ...base, buyerCountry: 'nl' })).buyerCountry).toBe('NL');
		expect(fleetBodyFromForm(form({ ...base, buyerCountry: '' })).buyerCountry).toBeNull();
	});

	it('is optional on create, stored only when given, and cleared by a null patch', () => {
		const fleet = { devices: 10, countries: ['DE'], lifetimeYears: 5 };
		const without = contentFromCreate(
			schemas.createBody.parse({ title: 'T', fleet, buyerCountry: null })
		);
		expect(without).not.toHaveProperty('buyerCountry');
		const withNl = contentFromCreate(
			schemas.createBody.parse({ title: 'T', fleet, buyerCountry: 'NL' })
		);
		expect(withNl.buyerCountry).toBe('NL');
		expect(applyPatch(withNl, schemas.patchBody.parse({ title: 'U' })).buyerCountry).toBe('NL');
		expect(applyPatch(withNl, schemas.patchBody.parse({ buyerCountry: null }))).not.toHaveProperty(
			'buyerCountry'
		);
		expect(schemas.createBody.safeParse({ title: 'T', fleet, buyerCountry: 'ZZ' }).success).toBe(
			false
		);
	});

	it('keeps records stored before it existed valid, with no schema version bump', () => {
		const old = {
			schemaVersion: 2,
			id: 'AAAAAAAAAAAAAAAAAAAAAA',
			revision: 0,
			rulesetVersion: rules.ruleset.version,
			createdAt: '2026-11-01T00:00:00.000Z',
			updatedAt: '2026-11-01T00:00:00.000Z',
			title: 'Old',
			organisation: '',
			vendor: '',
			fleet: { devices: 10, countries: ['DE'], lifetimeYears: 5 },
			answers: {},
			costs: {},
			shares: []
		};
		expect(storedAssessmentSchema.safeParse(old).success).toBe(true);
		expect(storedAssessmentSchema.safeParse({ ...old, buyerCountry: 'DE' }).success).toBe(true);
	});
});
