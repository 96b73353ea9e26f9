import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
	createFileEvidenceStore,
	deleteUnreferenced
} from '../../../src/lib/server/store/evidence-store';
import { removeStaleTempFiles } from '../../../src/lib/server/store/temp-files';

const ID = 'AbCdEfGhIjKlMnOpQrSt_-';
let dir = '';
beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'lock-in-radar-evidence-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the file evidence store', () => {
	it('keeps each file at evidence/<first two characters>/<id>, private to the server, with no temp file left', async () => {
		const store = createFileEvidenceStore(dir);
		await store.put(ID, Uint8Array.from([1, 2, 3]));
		expect(readdirSync(join(dir, 'evidence', 'Ab'))).toEqual([ID]);
		expect(statSync(join(dir, 'evidence', 'Ab', ID)).mode & 0o777).toBe(0o600);
		expect(await store.get(ID)).toEqual(Uint8Array.from([1, 2, 3]));
	});

	it('never replaces a stored file under the same id', async () => {
		const store = createFileEvidenceStore(dir);
		await store.put(ID, Uint8Array.from([1]));
		await expect(store.put(ID, Uint8Array.from([2]))).rejects.toThrow();
		expect(await store.get(ID)).toEqual(Uint8Array.from([1]));
		expect(readdirSync(join(dir, 'evidence', 'Ab'))).toEqual([ID]);
	});

	it('answers null for a missing or malformed id, and deletes idempotently', async () => {
		const store = createFileEvidenceStore(dir);
		expect(await store.get(ID)).toBeNull();
		expect(await store.get('../../etc/passwd')).toBeNull();
		await store.put(ID, Uint8Array.from([1]));
		await store.delete(ID);
		await store.delete(ID);
		await deleteUnreferenced(store, [ID, 'not an id']);
		expect(await store.get(ID)).toBeNull();
		await expect(store.put('../x', Uint8Array.from([1]))).rejects.toThrow('invalid evidence id');
	});

	it("has its interrupted writes cleaned up at start like the records'", async () => {
		mkdirSync(join(dir, 'evidence', 'Ab'), { recursive: true });
		writeFileSync(join(dir, 'evidence', 'Ab', `.${ID}.0123456789ab.tmp`), 'half');
		expect(await removeStaleTempFiles(dir)).toBe(1);
		expect(readdirSync(join(dir, 'evidence', 'Ab'))).toEqual([]);
	});
});
