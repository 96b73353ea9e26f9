import { describe, expect, it } from 'vitest';
import {
	bytesFromDataUrl,
	dataUrlOf,
	inspectLogo,
	LOGO_LIMITS
} from '../../../src/lib/report/logo';
import { jpegSized, PNG_8X8, pngSized } from './images';

const message = (bytes: Uint8Array) => {
	const check = inspectLogo(bytes);
	return check.ok ? null : check.message;
};

describe('inspectLogo', () => {
	it('accepts a PNG and reads its size from the IHDR header', () => {
		expect(inspectLogo(PNG_8X8)).toEqual({
			ok: true,
			logo: { format: 'PNG', bytes: PNG_8X8, width: 8, height: 8 }
		});
	});

	it('accepts a baseline or progressive JPEG and reads its size from the SOF header', () => {
		expect(inspectLogo(jpegSized(640, 200))).toMatchObject({
			ok: true,
			logo: { format: 'JPEG', width: 640, height: 200 }
		});
		expect(inspectLogo(jpegSized(300, 300, { sof: 0xc2 }))).toMatchObject({
			ok: true,
			logo: { width: 300 }
		});
	});

	it('names the format of files that are not PNG or JPEG', () => {
		expect(message(new TextEncoder().encode('GIF89a........'))).toBe(
			'The logo must be a PNG or JPEG image; this file is a GIF.'
		);
		expect(message(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toMatch(
			/this file is an SVG drawing/
		);
		expect(message(new TextEncoder().encode('RIFF\0\0\0\0WEBPVP8 '))).toMatch(
			/this file is a WebP image/
		);
		expect(message(new TextEncoder().encode('hello'))).toBe(
			'The logo must be a PNG or JPEG image.'
		);
		expect(message(new Uint8Array())).toBe('The logo file is empty.');
	});

	it('refuses files cut off in transfer', () => {
		for (const length of [10, 30, 40, PNG_8X8.length - 5]) {
			expect(message(PNG_8X8.slice(0, length))).toMatch(/could not be read/);
		}
		expect(message(jpegSized(10, 10, { end: false }))).toMatch(/incomplete/);
	});

	it('refuses files over 512 KB and images over 2000 pixels on a side', () => {
		const big = new Uint8Array(LOGO_LIMITS.maxBytes + 1);
		big.set(PNG_8X8);
		expect(message(big)).toBe(
			'The logo is 513 KB; the limit is 512 KB. Use a smaller PNG or JPEG.'
		);
		expect(message(pngSized(4000, 10))).toBe(
			'The logo is 4000 × 10 pixels; the limit is 2000 pixels on the longer side. Scale it down first.'
		);
		expect(message(jpegSized(100, 2001))).toMatch(/100 × 2001 pixels/);
		expect(inspectLogo(pngSized(2000, 2000)).ok).toBe(true);
	});

	it('refuses JPEG encodings PDF readers do not show, and zero-sized images', () => {
		expect(message(jpegSized(10, 10, { sof: 0xc3 }))).toMatch(/encoding PDF readers do not show/);
		expect(message(pngSized(0, 10))).toMatch(/0 pixels/);
	});
});

describe('data URLs', () => {
	it('round-trips a logo through a data URL', () => {
		const check = inspectLogo(PNG_8X8);
		if (!check.ok) throw new Error(check.message);
		const url = dataUrlOf(check.logo);
		expect(url).toMatch(/^data:image\/png;base64,/);
		expect(bytesFromDataUrl(url)).toEqual({ ok: true, bytes: PNG_8X8 });
	});

	it('refuses what is not a base64 data URL, and oversized ones before decoding', () => {
		expect(bytesFromDataUrl('https://example.org/logo.png')).toMatchObject({
			ok: false,
			message: expect.stringMatching(/data: URL/)
		});
		expect(bytesFromDataUrl('data:image/png;base64,***')).toEqual({
			ok: false,
			message: 'The logo data is not valid base64.'
		});
		expect(bytesFromDataUrl(`data:image/png;base64,${'A'.repeat(800_000)}`)).toMatchObject({
			ok: false,
			message: expect.stringMatching(/limit is 512 KB/)
		});
	});
});
