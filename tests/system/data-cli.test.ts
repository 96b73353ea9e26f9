/**
 * `npm run data` as an operator runs it on a production install: the built CLI (build/cli.js)
 * under plain Node, with no dev dependency (no tsx) to lean on (audit F4).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { recordPath } from './data-dir';
import { createBody, jsonOf, send } from './http';
import { ROOT, startServer, tempDataDir } from './server';

const BUILD = process.env.LOCK_IN_RADAR_SYSTEM_BUILD ?? join(ROOT, 'build');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
	dependencies: Record<string, string>;
};

function cli(dataDir: string, ...args: string[]) {
	const run = spawnSync(process.execPath, [join(BUILD, 'cli.js'), ...args], {
		cwd: ROOT,
		env: { PATH: process.env.PATH, DATA_DIR: dataDir },
		encoding: 'utf8',
		timeout: 60_000
	});
	return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('npm run data (the built CLI)', () => {
	it('imports only Node built-ins and runtime dependencies, so a production install runs it', () => {
		const source = readFileSync(join(BUILD, 'cli.js'), 'utf8');
		const specifiers = [...source.matchAll(/^\s*import\s[^'"]*['"]([^'"]+)['"]/gm)].map(
			(m) => m[1]!
		);
		expect(specifiers.length).toBeGreaterThan(0);
		for (const specifier of specifiers) {
			const name = specifier.startsWith('@')
				? specifier.split('/').slice(0, 2).join('/')
				: specifier.split('/')[0]!;
			expect(specifier.startsWith('node:') || name in pkg.dependencies, specifier).toBe(true);
		}
		expect(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts.data).toBe(
			'node build/cli.js'
		);
	});

	it('exports every readable record as valid JSON, skips damaged ones naming them without their ids, and exits 1', async () => {
		const server = await startServer();
		const ids: string[] = [];
		for (let i = 0; i < 5; i++) {
			const reply = await send(server, 'POST', '/api/assessments', {
				json: createBody(`Backup ${i}`)
			});
			ids.push(jsonOf<{ id: string }>(reply).id);
		}
		await server.stop();
		const sorted = [...ids].sort();
		const [garbage, wrongType] = [sorted[1]!, sorted[3]!];
		writeFileSync(recordPath(server.dataDir, garbage), '\u0000\u0001garbage{{{');
		const record = JSON.parse(readFileSync(recordPath(server.dataDir, wrongType), 'utf8'));
		writeFileSync(
			recordPath(server.dataDir, wrongType),
			JSON.stringify({ ...record, revision: 'many' })
		);
		try {
			const exported = cli(server.dataDir, 'export');
			expect(exported.code).toBe(1);
			const document = JSON.parse(exported.stdout) as {
				format: string;
				assessments: { id: string }[];
			};
			expect(document.format).toBe('lock-in-radar/assessments');
			expect(document.assessments.map((a) => a.id).sort()).toEqual(
				sorted.filter((id) => id !== garbage && id !== wrongType)
			);
			expect(exported.stderr).toContain(`Skipped record 2 of 5 (${garbage.slice(0, 4)}…)`);
			expect(exported.stderr).toContain(`Skipped record 4 of 5 (${wrongType.slice(0, 4)}…)`);
			expect(exported.stderr).toMatch(/Exported 3 of 5 assessments/);
			for (const id of ids) expect(exported.stderr).not.toContain(id);

			// The backup restores into an empty data directory.
			const backup = join(server.dataDir, '..', `backup-${Date.now()}.json`);
			writeFileSync(backup, exported.stdout);
			const fresh = tempDataDir();
			try {
				const restored = cli(fresh, 'import', backup);
				expect(restored.stderr).toMatch(/3 created/);
				expect(restored.code).toBe(0);
			} finally {
				rmSync(fresh, { recursive: true, force: true });
				rmSync(backup, { force: true });
			}
		} finally {
			rmSync(server.dataDir, { recursive: true, force: true });
		}
	});
});
