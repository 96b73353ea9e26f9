/**
 * Checks a consultant's logo before it goes near the PDF: PNG or JPEG by its bytes (not its name
 * or MIME type), complete, within the size limits. Only the headers are read; jsPDF decodes the
 * image itself later, so a file that passes here is small enough for that to be cheap.
 */

export const LOGO_LIMITS = {
	maxBytes: 512 * 1024,
	/** Longest side in pixels: a print logo needs far less, and decoding stays cheap. */
	maxDimension: 2000
} as const;

export type LogoFormat = 'PNG' | 'JPEG';

export interface Logo {
	format: LogoFormat;
	bytes: Uint8Array;
	width: number;
	height: number;
}

export type LogoCheck = { ok: true; logo: Logo } | { ok: false; message: string };
type Bytes = { ok: true; bytes: Uint8Array } | { ok: false; message: string };

const kb = (bytes: number) => `${Math.ceil(bytes / 1024).toLocaleString('en')} KB`;
const LIMIT_KB = kb(LOGO_LIMITS.maxBytes);
const tooLarge = (size: number) =>
	`The logo is ${kb(size)}; the limit is ${LIMIT_KB}. Use a smaller PNG or JPEG.`;
const damaged = (format: string, why: string) =>
	`The logo could not be read: ${why}. Save it again as a ${format} or choose another file.`;

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

const u16 = (b: Uint8Array, at: number) => (b[at]! << 8) | b[at + 1]!;
const u32 = (b: Uint8Array, at: number) =>
	((b[at]! << 24) >>> 0) + (b[at + 1]! << 16) + (b[at + 2]! << 8) + b[at + 3]!;
const ascii = (b: Uint8Array, at: number, length: number) =>
	String.fromCharCode(...b.subarray(at, at + length));
const startsWith = (b: Uint8Array, prefix: number[]) => prefix.every((byte, i) => b[i] === byte);

/** Names common formats that are not accepted, so the message says what the file is. */
function otherFormat(b: Uint8Array): string | null {
	if (ascii(b, 0, 6) === 'GIF87a' || ascii(b, 0, 6) === 'GIF89a') return 'a GIF';
	if (ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 4) === 'WEBP') return 'a WebP image';
	if (ascii(b, 0, 2) === 'BM') return 'a BMP image';
	if (ascii(b, 0, 4) === 'II*\0' || ascii(b, 0, 4) === 'MM\0*') return 'a TIFF image';
	if (ascii(b, 4, 8) === 'ftypavif' || ascii(b, 4, 8) === 'ftypheic') return 'an AVIF/HEIC image';
	if (/^\s*<(\?xml|svg)/i.test(ascii(b, 0, 64))) return 'an SVG drawing';
	if (ascii(b, 0, 5) === '%PDF-') return 'a PDF';
	return null;
}

const PNG_BIT_DEPTHS: Record<number, number[]> = {
	0: [1, 2, 4, 8, 16],
	2: [8, 16],
	3: [1, 2, 4, 8],
	4: [8, 16],
	6: [8, 16]
};

function inspectPng(b: Uint8Array): LogoCheck {
	if (b.length < 33 || ascii(b, 12, 4) !== 'IHDR' || u32(b, 8) !== 13) {
		return { ok: false, message: damaged('PNG', 'its PNG header is missing or cut short') };
	}
	const width = u32(b, 16);
	const height = u32(b, 20);
	const bitDepth = b[24]!;
	const colourType = b[25]!;
	if (width === 0 || height === 0) {
		return { ok: false, message: damaged('PNG', 'it says it is 0 pixels in size') };
	}
	if (!PNG_BIT_DEPTHS[colourType]?.includes(bitDepth) || b[26] !== 0 || b[27] !== 0 || b[28]! > 1) {
		return { ok: false, message: damaged('PNG', 'its PNG header is not valid') };
	}
	// Walk the chunks to the end marker: a file cut off in transfer never reaches it.
	let at = 8;
	let hasData = false;
	while (at + 12 <= b.length) {
		const length = u32(b, at);
		const type = ascii(b, at + 4, 4);
		if (!/^[A-Za-z]{4}$/.test(type) || length > b.length - at - 12) break;
		if (type === 'IDAT') hasData = true;
		if (type === 'IEND') {
			return hasData
				? { ok: true, logo: { format: 'PNG', bytes: b, width, height } }
				: { ok: false, message: damaged('PNG', 'it holds no image data') };
		}
		at += 12 + length;
	}
	return {
		ok: false,
		message: damaged('PNG', 'the file is incomplete (it may have been cut off)')
	};
}

/** Baseline, extended and progressive JPEGs: the kinds every PDF reader shows. */
const SUPPORTED_SOF = new Set([0xc0, 0xc1, 0xc2]);
const OTHER_SOF = new Set([0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

function inspectJpeg(b: Uint8Array): LogoCheck {
	let at = 2;
	let size: { width: number; height: number } | null = null;
	while (at + 4 <= b.length) {
		if (b[at] !== 0xff)
			return { ok: false, message: damaged('JPEG', 'its JPEG structure is broken') };
		const marker = b[at + 1]!;
		if (marker === 0xff) {
			at += 1; // fill byte
			continue;
		}
		if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
			at += 2;
			continue;
		}
		const length = u16(b, at + 2);
		if (length < 2 || at + 2 + length > b.length) break;
		if (OTHER_SOF.has(marker)) {
			return {
				ok: false,
				message: damaged('standard JPEG or PNG', 'it uses a JPEG encoding PDF readers do not show')
			};
		}
		if (SUPPORTED_SOF.has(marker)) {
			if (length < 8) break;
			size = { height: u16(b, at + 5), width: u16(b, at + 7) };
			const components = b[at + 9];
			if (components !== 1 && components !== 3 && components !== 4) {
				return { ok: false, message: damaged('JPEG', 'its colour format is not supported') };
			}
		}
		if (marker === 0xda) {
			if (!size) break;
			if (size.width === 0 || size.height === 0) {
				return { ok: false, message: damaged('JPEG', 'it says it is 0 pixels in size') };
			}
			// The image data runs to the end marker; a file cut off in transfer has none.
			for (let end = b.length - 2; end > at + 2 + length; end--) {
				if (b[end] === 0xff && b[end + 1] === 0xd9) {
					return { ok: true, logo: { format: 'JPEG', bytes: b, ...size } };
				}
			}
			break;
		}
		at += 2 + length;
	}
	return {
		ok: false,
		message: damaged('JPEG', 'the file is incomplete (it may have been cut off)')
	};
}

/** Checks bytes claimed to be a logo: format by magic bytes, completeness, size and dimensions. */
export function inspectLogo(bytes: Uint8Array): LogoCheck {
	if (bytes.length === 0) return { ok: false, message: 'The logo file is empty.' };
	if (bytes.length > LOGO_LIMITS.maxBytes) return { ok: false, message: tooLarge(bytes.length) };
	let checked: LogoCheck;
	if (startsWith(bytes, PNG_SIGNATURE)) checked = inspectPng(bytes);
	else if (startsWith(bytes, [0xff, 0xd8, 0xff])) checked = inspectJpeg(bytes);
	else {
		const other = otherFormat(bytes);
		return {
			ok: false,
			message: `The logo must be a PNG or JPEG image${other ? `; this file is ${other}` : ''}.`
		};
	}
	if (!checked.ok) return checked;
	const { width, height } = checked.logo;
	if (Math.max(width, height) > LOGO_LIMITS.maxDimension) {
		return {
			ok: false,
			message: `The logo is ${width} × ${height} pixels; the limit is ${LOGO_LIMITS.maxDimension} pixels on the longer side. Scale it down first.`
		};
	}
	return checked;
}

/** Decodes a `data:image/...;base64,` URL, refusing oversized input before decoding it. */
export function bytesFromDataUrl(url: string): Bytes {
	const comma = url.indexOf(',');
	const header = comma > 0 ? url.slice(0, comma).toLowerCase() : '';
	if (!header.startsWith('data:') || !header.endsWith(';base64')) {
		return { ok: false, message: 'The logo must be a PNG or JPEG file (a base64 data: URL).' };
	}
	const payload = url.slice(comma + 1).replace(/\s+/g, '');
	const decodedSize = Math.floor((payload.length * 3) / 4);
	if (decodedSize > LOGO_LIMITS.maxBytes + 2) return { ok: false, message: tooLarge(decodedSize) };
	let binary: string;
	try {
		binary = atob(payload);
	} catch {
		return { ok: false, message: 'The logo data is not valid base64.' };
	}
	const bytes = new Uint8Array(binary.length);
	for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
	return { ok: true, bytes };
}

/** A data URL for validated logo bytes, e.g. to remember the logo between visits. */
export function dataUrlOf(logo: Logo): string {
	let binary = '';
	for (let i = 0; i < logo.bytes.length; i += 0x8000) {
		binary += String.fromCharCode(...logo.bytes.subarray(i, i + 0x8000));
	}
	return `data:image/${logo.format === 'PNG' ? 'png' : 'jpeg'};base64,${btoa(binary)}`;
}
