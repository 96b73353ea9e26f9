/** Hand-made test images. */

const fromBase64 = (b64: string) => new Uint8Array(Buffer.from(b64, 'base64'));

/** A valid 8×8 RGB PNG (orange checks): signature, IHDR, one IDAT, IEND. */
export const PNG_8X8 = fromBase64(
	'iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAAG0lEQVR4nGM49J/nkCMPJsmAVfTQfx6GQakDAO5VW4EubgpCAAAAAElFTkSuQmCC'
);

/** The same PNG claiming other dimensions in its header (width and height at bytes 16-23). */
export function pngSized(width: number, height: number): Uint8Array {
	const png = PNG_8X8.slice();
	new DataView(png.buffer).setUint32(16, width);
	new DataView(png.buffer).setUint32(20, height);
	return png;
}

/** A structurally complete JPEG: SOI, SOF0 (size, 3 components), SOS, one data byte, EOI. */
export function jpegSized(
	width: number,
	height: number,
	{ sof = 0xc0, end = true } = {}
): Uint8Array {
	const sofSegment = [
		0xff,
		sof,
		0x00,
		0x11,
		0x08,
		height >> 8,
		height & 0xff,
		width >> 8,
		width & 0xff,
		0x03,
		0x01,
		0x11,
		0x00,
		0x02,
		0x11,
		0x00,
		0x03,
		0x11,
		0x00
	];
	const sos = [0xff, 0xda, 0x00, 0x0c, 0x03, 0x01, 0x00, 0x02, 0x11, 0x03, 0x11, 0x00, 0x3f, 0x00];
	return new Uint8Array([
		0xff,
		0xd8,
		...sofSegment,
		...sos,
		0x12,
		0x34,
		...(end ? [0xff, 0xd9] : [])
	]);
}
