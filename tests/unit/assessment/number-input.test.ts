import { describe, expect, it } from 'vitest';
import { parseNumberInput } from '../../../src/lib/assessment/number-input';

describe('numbers as people type them', () => {
	it.each([
		['8000', 8000],
		['8 000', 8000],
		['8,000', 8000],
		['1,234,567', 1234567],
		['1.5', 1.5],
		['1,5', 1.5],
		['0,25', 0.25],
		['12', 12],
		['-3', -3],
		['0.125', 0.125]
	])('reads "%s" as %d', (raw, value) => {
		expect(parseNumberInput(raw)).toBe(value);
	});

	it.each(['8.000', '1.234.567', '1.234,5', '1,234.5', 'lots', '8k', '1e6'])(
		'refuses "%s", which could mean two things or is not a number',
		(raw) => {
			expect(parseNumberInput(raw)).toBeNaN();
		}
	);

	it('treats an empty field as not given', () => {
		expect(parseNumberInput('  ')).toBeUndefined();
	});
});
