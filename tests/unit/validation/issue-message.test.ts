import { describe, expect, it } from 'vitest';
import { fieldErrors, fleetBodyFromForm } from '../../../src/lib/assessment/form';
import { createInputSchemas } from '../../../src/lib/assessment/schema';
import { issueMessage } from '../../../src/lib/validation/issue-message';
import { shippedRules } from '../rules/read-rules';

const schemas = createInputSchemas(shippedRules(), ['network']);

function form(fields: Record<string, string | string[]>) {
	const data = new FormData();
	for (const [name, value] of Object.entries(fields))
		for (const v of [value].flat()) data.append(name, v);
	return data;
}

/** What the /new form would show for these fields, in one language. */
function errorsFor(fields: Record<string, string | string[]>, locale: 'en' | 'de') {
	const parsed = schemas.createBody.safeParse(fleetBodyFromForm(form(fields)));
	if (parsed.success) throw new Error('expected the form to be refused');
	return fieldErrors(parsed.error.issues, locale);
}

const fleet = { title: 'Zähler', devices: '500', countries: ['DE'], lifetimeYears: '10' };

describe('field errors in the page language', () => {
	it('keeps the schema’s English words for an English page, as the API says them', () => {
		expect(errorsFor({ ...fleet, devices: 'viele' }, 'en')).toEqual({
			'fleet.devices': 'Number of devices must be a number, written as digits, e.g. 8000 or 1.5'
		});
		expect(errorsFor({ ...fleet, title: '' }, 'en')).toEqual({
			title: 'Give the assessment a title'
		});
	});

	it('words a number that cannot be read, a missing one and a fraction of a device in German', () => {
		expect(errorsFor({ ...fleet, devices: 'viele' }, 'de')).toEqual({
			'fleet.devices': 'Geben Sie eine Zahl in Ziffern ein, z. B. 8000 oder 1,5.'
		});
		expect(errorsFor({ ...fleet, lifetimeYears: '' }, 'de')).toEqual({
			'fleet.lifetimeYears': 'Geben Sie eine Zahl ein.'
		});
		expect(errorsFor({ ...fleet, devices: '2.5' }, 'de')).toEqual({
			'fleet.devices': 'Geben Sie eine ganze Zahl ein.'
		});
	});

	it('words bounds with German digit grouping', () => {
		expect(errorsFor({ ...fleet, devices: '0' }, 'de')).toEqual({
			'fleet.devices': 'Eine Flotte braucht mindestens ein Gerät.'
		});
		// A refused count is the one problem named: no sum is compared with it.
		expect(errorsFor({ ...fleet, devices: '-5', devices_DE: '3' }, 'de')).toEqual({
			'fleet.devices': 'Eine Flotte braucht mindestens ein Gerät.'
		});
		expect(errorsFor({ ...fleet, devices: '200000000' }, 'de')).toEqual({
			'fleet.devices': 'Geben Sie höchstens 100.000.000 ein.'
		});
		expect(errorsFor({ ...fleet, lifetimeYears: '0' }, 'de')).toEqual({
			'fleet.lifetimeYears': 'Geben Sie einen Wert über null ein.'
		});
		expect(errorsFor({ ...fleet, monthlyMbPerDevice: '-3' }, 'de')).toEqual({
			'fleet.monthlyMbPerDevice': 'Der Wert darf nicht negativ sein.'
		});
	});

	it('words an empty title and a fleet with no country in German', () => {
		expect(errorsFor({ ...fleet, title: ' ' }, 'de')).toEqual({
			title: 'Füllen Sie dieses Feld aus.'
		});
		expect(errorsFor({ ...fleet, countries: [] }, 'de')).toEqual({
			'fleet.countries': 'Wählen Sie mindestens ein Einsatzland.'
		});
	});

	it('words the fleet’s own checks from their params, with the figures in German', () => {
		expect(
			errorsFor({ ...fleet, devices: '1000', countries: ['DE', 'FR'], devices_DE: '1200' }, 'de')
		).toEqual({
			'fleet.devicesByCountry':
				'Die Geräte pro Land ergeben zusammen 1.200, mehr als die 1.000 der Flotte.'
		});
		expect(errorsFor({ ...fleet, devices: '1000', devices_DE: '400' }, 'de')).toEqual({
			'fleet.devicesByCountry':
				'Die Geräte pro Land ergeben zusammen 400, nicht die 1.000 der Flotte: Lassen Sie ein Land leer, damit es den Rest übernimmt.'
		});
		const unknown = schemas.createBody.safeParse({
			title: 'x',
			fleet: { devices: 5, countries: ['DE', 'XX', 'DE'], lifetimeYears: 3 }
		});
		expect(unknown.success).toBe(false);
		expect(fieldErrors(unknown.error!.issues, 'de')).toEqual({
			'fleet.countries.1': 'Unbekanntes Land „XX“.',
			'fleet.countries.2': '„DE“ ist doppelt aufgeführt.'
		});
	});

	it('words cost bounds, unknown answers and unknown fields in German', () => {
		const parsed = schemas.createBody.safeParse({
			title: 'x',
			fleet: { devices: 5, countries: ['DE'], lifetimeYears: 3 },
			answers: { network_automatic_failover: { option: 'teleport' } },
			costs: { otaFailureShare: 2, revisitFactor: 0.5 },
			colour: 'blue'
		});
		expect(parsed.success).toBe(false);
		expect(fieldErrors(parsed.error!.issues, 'de')).toEqual({
			// An unknown top-level field has no field of its own on the form: the summary shows it.
			form: 'Unbekanntes Feld.',
			'answers.network_automatic_failover.option': '„teleport“ ist keine Antwort auf diese Frage.',
			'costs.otaFailureShare': 'Ein Anteil der Geräte ist höchstens 1 (100 %).',
			'costs.revisitFactor': 'Mindestens 1 Einsatz pro Tausch.'
		});
	});

	it('falls back to a plain German request to check a problem it has no words for', () => {
		expect(issueMessage({ path: ['option'], message: 'Something odd' }, 'de')).toBe(
			'Prüfen Sie diesen Wert.'
		);
		expect(issueMessage({ path: ['option'], message: 'Something odd' }, 'en')).toBe(
			'Something odd'
		);
	});

	it('words a string too long, a wrong choice and a bad date in German', () => {
		expect(
			issueMessage(
				{ code: 'too_big', origin: 'string', maximum: 200, path: ['title'], message: '' },
				'de'
			)
		).toBe('Kürzen Sie den Text auf höchstens 200 Zeichen.');
		expect(issueMessage({ code: 'invalid_value', path: ['siteVisits'], message: '' }, 'de')).toBe(
			'Wählen Sie eine der angebotenen Möglichkeiten.'
		);
		expect(issueMessage({ code: 'invalid_union', path: ['expiresAt'], message: '' }, 'de')).toBe(
			'Geben Sie ein Datum wie 2027-01-31 ein.'
		);
		expect(
			issueMessage(
				{
					code: 'too_small',
					origin: 'string',
					minimum: 1,
					path: ['offers', 0, 'vendor'],
					message: ''
				},
				'de'
			)
		).toBe('Nennen Sie den Anbieter.');
	});

	it('says how many offers a tender compares, in German', () => {
		expect(
			issueMessage(
				{ code: 'too_small', origin: 'array', minimum: 2, path: ['offers'], message: '' },
				'de'
			)
		).toBe('Eine Ausschreibung vergleicht mindestens 2 Angebote.');
	});
});
