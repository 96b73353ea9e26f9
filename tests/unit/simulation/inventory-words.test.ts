import { describe, expect, it } from 'vitest';
import { simulate } from '../../../src/lib/simulation/engine';
import { inventoryPage } from '../../../src/lib/simulation/inventory';
import { linkWords, statusWord } from '../../../src/lib/simulation/inventory-words';
import { input } from './fixtures';

describe('the fleet inventory in the reader’s language', () => {
	it('words a SIM’s network in German', () => {
		const link = { carrier: 1, local: null, roaming: true, newProvider: false } as const;
		expect(linkWords(link, 'de')).toBe('Netzbetreiber B (Roaming)');
		expect(linkWords({ ...link, roaming: false, carrier: 0 }, 'de')).toBe('Netzbetreiber A');
		expect(linkWords({ ...link, local: 'profile', roaming: false }, 'de')).toBe(
			'Lokales Profil, Netzbetreiber B'
		);
		expect(linkWords({ ...link, local: 'fitted', roaming: false, newProvider: true }, 'de')).toBe(
			'Lokale SIM vor Ort eingesetzt, Netzbetreiber B, neuer Anbieter'
		);
	});

	it('words each SIM state in German', () => {
		expect(statusWord('roaming block', 'de')).toBe('Roaming-Sperre');
		expect(statusWord('outage', 'de')).toBe('Netzausfall');
		expect(statusWord('data cap', 'de')).toBe('Datenlimit');
		expect(statusWord('switch pending', 'de')).toBe('Wechsel ausstehend');
		expect(statusWord('online', 'de')).toBe('online');
	});

	it('reads in English exactly as the CSV column does', () => {
		const fleet = input({ devices: 1200, countries: ['BR', 'DE'], lifetimeYears: 2 });
		const state = simulate(fleet).state;
		const rows = ['assessed', 'recommended'].flatMap((which) =>
			[0, 95, 400].flatMap(
				(day) => inventoryPage(state, which as 'assessed' | 'recommended', day, 0, 1200).rows
			)
		);
		expect(new Set(rows.map((r) => r.link.local)).size).toBeGreaterThan(1);
		for (const row of rows) {
			expect(linkWords(row.link, 'en')).toBe(row.network);
			expect(statusWord(row.status, 'en')).toBe(row.status);
		}
	});
});
