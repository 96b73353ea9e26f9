import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const RULES = join(import.meta.dirname, '../../../rules');

/** Every http(s) address anywhere in a rules file, with the file it is in. */
function citedUrls(): { file: string; url: string }[] {
	const files = readdirSync(RULES).filter(
		(f) => f.endsWith('.yaml') && f !== 'source-deny-list.yaml'
	);
	const found: { file: string; url: string }[] = [];
	const walk = (node: unknown, file: string) => {
		if (typeof node === 'string') {
			for (const match of node.matchAll(/https?:\/\/[^\s"'<>)]+/g))
				found.push({ file, url: match[0] });
		} else if (Array.isArray(node)) node.forEach((item) => walk(item, file));
		else if (node && typeof node === 'object')
			Object.values(node).forEach((value) => walk(value, file));
	};
	for (const file of files) walk(parse(readFileSync(join(RULES, file), 'utf8')), file);
	return found;
}

const denied: string[] = parse(readFileSync(join(RULES, 'source-deny-list.yaml'), 'utf8')).hosts;
const hostOf = (url: string) => new URL(url).hostname.toLowerCase().replace(/^www\./, '');
const isDenied = (host: string) => denied.some((d) => host === d || host.endsWith(`.${d}`));

describe('sources cited in rules/', () => {
	const cited = citedUrls();

	it('are listed by host, so a reviewer sees at a glance what the rules rest on', () => {
		const hosts = [...new Set(cited.map((c) => hostOf(c.url)))].sort();
		console.info(`${cited.length} citations from ${hosts.length} hosts:\n${hosts.join('\n')}`);
		expect(hosts.length).toBeGreaterThan(20);
	});

	it('never come from a dictionary, a search aggregator or a document mirror', () => {
		const offending = cited
			.filter((c) => isDenied(hostOf(c.url)))
			.map((c) => `${c.file}: ${c.url}`);
		expect(offending).toEqual([]);
	});

	it('the deny list itself catches the hosts the 2026-12 audit named', () => {
		for (const host of ['wordscope.be', 'fantasticsearch.net', 'pdfslide.us'])
			expect(isDenied(host)).toBe(true);
		expect(isDenied('eur-lex.europa.eu')).toBe(false);
	});
});
