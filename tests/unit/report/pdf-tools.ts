import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Runs a poppler tool on the PDF bytes, written to a temp file first. */
function poppler(tool: string, args: string[], pdf: Uint8Array): string {
	const dir = mkdtempSync(join(tmpdir(), 'lock-in-radar-pdf-'));
	try {
		const file = join(dir, 'report.pdf');
		writeFileSync(file, pdf);
		return execFileSync(tool, [...args, file, ...(tool === 'pdftotext' ? ['-'] : [])], {
			encoding: 'utf8',
			env: { ...process.env, TZ: 'UTC' },
			maxBuffer: 64 * 1024 * 1024
		});
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

/** The text a reader would copy, page by page (pdftotext -layout; pages split on form feeds). */
export function pdfPages(pdf: Uint8Array): string[] {
	return poppler('pdftotext', ['-layout', '-enc', 'UTF-8'], pdf).split('\f').slice(0, -1);
}

export const pdfText = (pdf: Uint8Array) => pdfPages(pdf).join('\n');

/** pdfinfo's fields, e.g. Title, Author, Pages, "Page size". */
export function pdfInfo(pdf: Uint8Array): Record<string, string> {
	const info: Record<string, string> = {};
	for (const line of poppler('pdfinfo', ['-isodates'], pdf).split('\n')) {
		const colon = line.indexOf(':');
		if (colon > 0) info[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
	}
	return info;
}

/** pdfimages -list rows: one per embedded image, with its pixel size. */
export function pdfImages(pdf: Uint8Array): { width: number; height: number }[] {
	return poppler('pdfimages', ['-list'], pdf)
		.split('\n')
		.slice(2)
		.filter((line) => line.trim())
		.map((line) => {
			const cols = line.trim().split(/\s+/);
			return { width: Number(cols[3]), height: Number(cols[4]) };
		});
}

/** Text with all whitespace removed: line wrapping must not count as a difference. */
export const squash = (text: string) => text.replace(/\s+/g, '');
