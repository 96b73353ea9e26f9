import { describe, expect, it } from 'vitest';
import { BIDI_CONTROLS, displayText } from '../../../src/lib/display-text';
import { cleanLine, cleanText } from '../../../src/lib/report/text';

const OVERRIDES = [
	'\u202A',
	'\u202B',
	'\u202C',
	'\u202D',
	'\u202E',
	'\u2066',
	'\u2067',
	'\u2068',
	'\u2069'
];

describe('text shown to a reader (audit F17)', () => {
	it('drops every bidirectional override and isolate, and nothing else', () => {
		expect(displayText('\u202Egnp.exe\u202C RTL override')).toBe('gnp.exe RTL override');
		expect(displayText(`a${OVERRIDES.join('')}b`)).toBe('ab');
		expect(displayText('Łódź · İstanbul Şişli · שלום · مرحبا')).toBe(
			'Łódź · İstanbul Şişli · שלום · مرحبا'
		);
		expect(displayText(null)).toBeNull();
	});

	it('is what the PDF text helpers use, so pages and reports agree', () => {
		for (const mark of OVERRIDES) {
			expect(cleanLine(`x${mark}y`)).toBe('xy');
			expect(cleanText(`x${mark}\ny`)).toBe('x\ny');
		}
		expect(OVERRIDES.every((mark) => mark.match(BIDI_CONTROLS))).toBe(true);
	});
});
