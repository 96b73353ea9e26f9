import { describe, expect, it } from 'vitest';
import {
	formatDate,
	formatDateTime,
	formatMoney,
	formatNumber,
	formatPercent
} from '$lib/format/locale-format';

// Intl separates a currency code from its amount with a no-break space; readers see a space.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('formatting for the chosen language', () => {
	it('groups thousands as each language does', () => {
		expect(formatNumber(7940080, 'en')).toBe('7,940,080');
		expect(formatNumber(7940080, 'de')).toBe('7.940.080');
		expect(formatNumber(0.12345, 'de', 2)).toBe('0,12');
	});

	it('writes money with the currency code, cents only where the amount has them', () => {
		expect(plain(formatMoney(7940080, 'USD', 'en'))).toBe('USD 7,940,080');
		expect(plain(formatMoney(7940080, 'EUR', 'de'))).toBe('7.940.080 EUR');
		expect(plain(formatMoney(0.04, 'EUR', 'de'))).toBe('0,04 EUR');
		expect(plain(formatMoney(1.5, 'GBP', 'en'))).toBe('GBP 1.50');
	});

	it('writes shares as percentages', () => {
		expect(plain(formatPercent(0.9966, 'en', 2))).toBe('99.66%');
		expect(plain(formatPercent(0.9966, 'de', 2))).toBe('99,66 %');
	});

	it('writes days unambiguously: the month by name in English, DD.MM.YYYY in German', () => {
		expect(formatDate('2026-12-01T22:03:57Z', 'en')).toBe('1 Dec 2026');
		expect(formatDate('2026-12-01T22:03:57Z', 'de')).toBe('01.12.2026');
		expect(plain(formatDateTime('2026-12-01T22:03:57Z', 'de', 'Europe/Berlin'))).toBe(
			'01.12.2026, 23:03'
		);
	});
});
