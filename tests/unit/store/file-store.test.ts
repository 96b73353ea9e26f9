import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION, type StoredAssessment } from '../../../src/lib/assessment/schema';
import { createFileStore } from '../../../src/lib/server/store/file-store';
import { DataDirLockedError, lockDataDir } from '../../../src/lib/server/store/data-dir-lock';
import { useTempDataDir } from '../api/temp-data-dir';

const dataDir = useTempDataDir();
const fixture = (name: string) =>
	readFileSync(new URL(`../../fixtures/records/${name}`, import.meta.url), 'utf8');

const record = (id: string): StoredAssessment => ({
	schemaVersion: SCHEMA_VERSION,
	id,
	revision: 1,
	rulesetVersion: '1.0.0',
	createdAt: '2026-11-25T10:00:00.000Z',
	updatedAt: '2026-11-25T10:00:00.000Z',
	title: 'T',
	organisation: '',
	vendor: '',
	fleet: { devices: 1, countries: ['DE'], lifetimeYears: 1 },
	answers: {},
	costs: {},
	shares: []
});
const ID = 'AbCdEfGhIjKlMnOpQrStUv';

describe('file store', () => {
	it('migrates a record stored by the first release when it reads it, and saves the new shape', async () => {
		const old = JSON.parse(fixture('v1-assessment.json'));
		const dir = join(dataDir(), 'assessments', old.id.slice(0, 2));
		mkdirSync(dir, { recursive: true });
		writeFileSync(join(dir, `${old.id}.json`), JSON.stringify(old));
		const store = createFileStore(dataDir());

		const read = await store.read(old.id);
		expect(read).toMatchObject({
			schemaVersion: SCHEMA_VERSION,
			shares: [],
			title: old.title,
			answers: old.answers
		});

		await store.update(old.id, (r) => ({ ...r, title: 'Edited' }));
		const onDisk = JSON.parse(readFileSync(join(dir, `${old.id}.json`), 'utf8'));
		expect(onDisk.schemaVersion).toBe(SCHEMA_VERSION);
		expect(onDisk.shares).toEqual([]);
		expect(onDisk.organisation).toBe('Müller & Søn GmbH');
	});

	it('refuses a record from a newer server instead of guessing', async () => {
		const dir = join(dataDir(), 'assessments', ID.slice(0, 2));
		mkdirSync(dir, { recursive: true });
		writeFileSync(join(dir, `${ID}.json`), JSON.stringify({ ...record(ID), schemaVersion: 99 }));
		await expect(createFileStore(dataDir()).read(ID)).rejects.toThrow(/newer than this server/);
	});

	it('loses no update when 200 changes to one record run at once', async () => {
		const store = createFileStore(dataDir());
		await store.create(record(ID));
		await Promise.all(
			Array.from({ length: 200 }, (_, i) =>
				store.update(ID, (r) => ({
					...r,
					revision: r.revision + 1,
					answers: { ...r.answers, [`q${i}`]: { note: String(i) } }
				}))
			)
		);
		const final = (await store.read(ID))!;
		expect(final.revision).toBe(201);
		expect(Object.keys(final.answers)).toHaveLength(200);
	});

	it('keeps each assessment in its own small file and leaves no temp files behind', async () => {
		const store = createFileStore(dataDir());
		const ids = Array.from(
			{ length: 50 },
			(_, i) => `${String(i).padStart(2, '0')}${'x'.repeat(20)}`
		);
		await Promise.all(ids.map((id) => store.create(record(id))));
		expect((await store.ids()).sort()).toEqual([...ids].sort());
		const shards = readdirSync(join(dataDir(), 'assessments'));
		const files = shards.flatMap((s) => readdirSync(join(dataDir(), 'assessments', s)));
		expect(files.filter((f) => f.endsWith('.tmp'))).toEqual([]);
		expect(files).toHaveLength(50);
	});

	it('refuses to create an id twice', async () => {
		const store = createFileStore(dataDir());
		await store.create(record(ID));
		await expect(store.create(record(ID))).rejects.toThrow(/already exists/);
	});

	it('ignores a half-written temp file next to a good record', async () => {
		const store = createFileStore(dataDir());
		await store.create(record(ID));
		writeFileSync(
			join(dataDir(), 'assessments', ID.slice(0, 2), `.${ID}.json.abc123.tmp`),
			'{"schemaVer'
		);
		expect((await store.read(ID))?.title).toBe('T');
		expect(await store.ids()).toEqual([ID]);
	});

	it('treats ids that are not ids as unknown, never as paths', async () => {
		const store = createFileStore(dataDir());
		expect(await store.read('../../etc/passwd')).toBeNull();
		expect(await store.update('../x', (r) => r)).toBeNull();
	});
});

describe('data directory lock', () => {
	it('refuses a second holder while the first is alive, and frees the directory on release', () => {
		const release = lockDataDir(dataDir());
		writeFileSync(join(dataDir(), '.lock'), String(process.ppid));
		expect(() => lockDataDir(dataDir())).toThrow(DataDirLockedError);
		writeFileSync(join(dataDir(), '.lock'), String(process.pid));
		release();
		const again = lockDataDir(dataDir());
		again();
		expect(readdirSync(dataDir())).not.toContain('.lock');
	});

	it('takes over a lock left by a process that died', () => {
		writeFileSync(join(dataDir(), '.lock'), '999999');
		const release = lockDataDir(dataDir());
		expect(readFileSync(join(dataDir(), '.lock'), 'utf8').split('\n')[0]).toBe(String(process.pid));
		release();
	});

	it('takes over a lock whose pid now belongs to another program, or to Node running something else (audit F16)', async () => {
		const { spawn } = await import('node:child_process');
		const sleeper = spawn('sleep', ['30'], { stdio: 'ignore' });
		const otherNode = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)'], {
			stdio: 'ignore'
		});
		try {
			writeFileSync(join(dataDir(), '.lock'), String(sleeper.pid));
			lockDataDir(dataDir())();
			writeFileSync(join(dataDir(), '.lock'), `${otherNode.pid}\n/srv/lock-in-radar/build`);
			lockDataDir(dataDir())();
			// The same Node process, naming the script it really runs, still holds the directory.
			writeFileSync(join(dataDir(), '.lock'), `${otherNode.pid}\n-e`);
			expect(() => lockDataDir(dataDir())).toThrow(DataDirLockedError);
		} finally {
			sleeper.kill();
			otherNode.kill();
		}
	});
});

describe('a full disk (audit F11)', () => {
	it('refuses the write with DiskFullError, keeps the record as it was and leaves no temp file', async () => {
		const { DurableJSONFile, DiskFullError } =
			await import('../../../src/lib/server/store/durable-json-file');
		const fs = await import('node:fs/promises');
		const path = join(dataDir(), 'record.json');
		writeFileSync(path, JSON.stringify({ version: 1 }));
		const full = {
			...fs,
			// The temp file is created (as on a real disk), then the data does not fit.
			open: async (file: string, flags: string) => {
				const handle = await fs.open(file, flags);
				if (flags !== 'w') return handle;
				return {
					writeFile: async () => {
						throw Object.assign(new Error('ENOSPC: no space left on device, write'), {
							code: 'ENOSPC'
						});
					},
					sync: () => handle.sync(),
					close: () => handle.close()
				};
			}
		} as unknown as typeof fs;
		const file = new DurableJSONFile<{ version: number }>(path, full);
		await expect(file.write({ version: 2 })).rejects.toBeInstanceOf(DiskFullError);
		expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({ version: 1 });
		expect(readdirSync(dataDir()).filter((name) => name.endsWith('.tmp'))).toEqual([]);
	});
});
