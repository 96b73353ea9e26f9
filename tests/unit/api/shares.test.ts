import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as item from '../../../src/routes/api/assessments/[id]/+server';
import * as shareItem from '../../../src/routes/api/assessments/[id]/shares/[shareId]/+server';
import * as shareList from '../../../src/routes/api/assessments/[id]/shares/+server';
import * as collection from '../../../src/routes/api/assessments/+server';
import * as shared from '../../../src/routes/api/shared/[token]/+server';
import { hashToken, newShareToken } from '../../../src/lib/server/tokens';
import { openShare } from '../../../src/lib/server/shares';
import { shippedRules } from '../rules/read-rules';
import { call } from './call';
import { useTempDataDir } from './temp-data-dir';

const dataDir = useTempDataDir();
const rules = shippedRules();
const question = rules.ruleset.areas[1]!.questions[0]!;

async function assessmentWithNote() {
	const { body } = await call(collection.POST, {
		method: 'POST',
		path: '/api/assessments',
		body: {
			title: 'Fleet with secrets',
			fleet: { devices: 100, countries: ['BR'], lifetimeYears: 10 },
			answers: {
				[question.id]: { option: question.options[0]!.id, note: 'Internal: budget is 40k' }
			}
		}
	});
	return body as { id: string };
}

const createShare = (id: string, body: unknown = {}) =>
	call(shareList.POST, {
		method: 'POST',
		path: `/api/assessments/${id}/shares`,
		params: { id },
		body
	});
const readShared = (token: string) =>
	call(shared.GET, { path: `/api/shared/${token}`, params: { token } });

function allStoredText(): string {
	const walk = (dir: string): string[] =>
		readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
			e.isDirectory() ? walk(join(dir, e.name)) : [readFileSync(join(dir, e.name), 'utf8')]
		);
	return walk(dataDir()).join('\n');
}

describe('share tokens', () => {
	it('are 128-bit random, URL-safe, and never repeat', () => {
		const tokens = new Set(Array.from({ length: 2000 }, newShareToken));
		expect(tokens.size).toBe(2000);
		for (const token of tokens) expect(token).toMatch(/^[A-Za-z0-9_-]{22}$/);
		// 22 base64url characters carry 132 bits; the last one holds only 2 of its 6 bits.
		const lastChars = new Set([...tokens].map((t) => t.at(-1)));
		expect(lastChars.size).toBeLessThanOrEqual(4);
		// Every other position uses the whole alphabet: no fixed or biased characters.
		const firstChars = new Set([...tokens].map((t) => t[0]));
		expect(firstChars.size).toBe(64);
	});

	it('are stored only as a hash: the data files do not contain a working link', async () => {
		const { id } = await assessmentWithNote();
		const { status, body } = await createShare(id, { label: 'for the vendor' });
		expect(status).toBe(201);
		expect(body.url).toBe(`http://localhost:3000/s/${body.token}`);
		const stored = allStoredText();
		expect(stored).not.toContain(body.token);
		expect(stored).toContain(hashToken(body.token));
	});
});

describe('reading through a share link', () => {
	it('shows the scored assessment without its id or notes by default', async () => {
		const { id } = await assessmentWithNote();
		const { body: share } = await createShare(id);
		const { status, body, headers } = await readShared(share.token);
		expect(status).toBe(200);
		expect(body.assessment.title).toBe('Fleet with secrets');
		expect(body.result.overall.rating).toEqual(expect.any(String));
		expect(body.assessment.answers[question.id]).toEqual({ option: question.options[0]!.id });
		const text = JSON.stringify(body);
		expect(text).not.toContain(id);
		expect(text).not.toContain('budget is 40k');
		expect(text).not.toContain(share.token);
		expect(headers.get('cache-control')).toContain('no-store');
	});

	it('includes notes when the owner chose to', async () => {
		const { id } = await assessmentWithNote();
		const { body: share } = await createShare(id, { includeNotes: true });
		const { body } = await readShared(share.token);
		expect(body.assessment.answers[question.id].note).toBe('Internal: budget is 40k');
	});

	it('is a live view: later edits show up', async () => {
		const { id } = await assessmentWithNote();
		const { body: share } = await createShare(id);
		await call(item.PATCH, {
			method: 'PATCH',
			path: `/api/assessments/${id}`,
			params: { id },
			body: { title: 'Renamed' }
		});
		expect((await readShared(share.token)).body.assessment.title).toBe('Renamed');
	});

	it('answers 404 for an unknown token and 410 once revoked', async () => {
		expect((await readShared(newShareToken())).status).toBe(404);
		expect((await readShared('not-a-token')).status).toBe(404);

		const { id } = await assessmentWithNote();
		const { body: share } = await createShare(id);
		const revoke = await call(shareItem.DELETE, {
			method: 'DELETE',
			path: `/api/assessments/${id}/shares/${share.id}`,
			params: { id, shareId: share.id }
		});
		expect(revoke.status).toBe(204);
		expect((await readShared(share.token)).status).toBe(410);

		const list = await call(shareList.GET, {
			path: `/api/assessments/${id}/shares`,
			params: { id }
		});
		expect(list.body.shares[0]).toMatchObject({ id: share.id, status: 'revoked' });
		expect(JSON.stringify(list.body)).not.toContain('tokenHash');
	});

	it('answers 410 after the expiry passes', async () => {
		const { id } = await assessmentWithNote();
		const expiresAt = new Date(Date.now() + 60_000).toISOString();
		const { body: share } = await createShare(id, { expiresAt });
		expect((await openShare(share.token, new Date())).status).toBe('active');
		expect((await openShare(share.token, new Date(Date.now() + 120_000))).status).toBe('expired');
	});

	it('refuses an expiry in the past or a malformed one, naming the field', async () => {
		const { id } = await assessmentWithNote();
		for (const expiresAt of ['2001-01-01', 'next tuesday']) {
			const { status, body } = await createShare(id, { expiresAt });
			expect(status).toBe(400);
			expect(body.issues[0].path).toBe('expiresAt');
		}
	});

	it('records when a link was last opened', async () => {
		const { id } = await assessmentWithNote();
		const { body: share } = await createShare(id);
		expect(share.lastOpenedAt).toBeNull();
		await readShared(share.token);
		const list = await call(shareList.GET, {
			path: `/api/assessments/${id}/shares`,
			params: { id }
		});
		expect(list.body.shares[0].lastOpenedAt).toEqual(expect.any(String));
	});
});

describe('a share token never edits', () => {
	it('is refused with 403 where an edit id is expected', async () => {
		const { id } = await assessmentWithNote();
		const { body: share } = await createShare(id);
		const patch = await call(item.PATCH, {
			method: 'PATCH',
			path: `/api/assessments/${share.token}`,
			params: { id: share.token },
			body: { title: 'Hijacked' }
		});
		expect(patch.status).toBe(403);
		const get = await call(item.GET, {
			path: `/api/assessments/${share.token}`,
			params: { id: share.token }
		});
		expect(get.status).toBe(403);
		const newShare = await createShare(share.token);
		expect(newShare.status).toBe(403);
		const onShared = await call(shared.PATCH, {
			method: 'PATCH',
			path: `/api/shared/${share.token}`,
			params: { token: share.token },
			body: { title: 'Hijacked' }
		});
		expect(onShared.status).toBe(403);
		const stored = await call(item.GET, { path: `/api/assessments/${id}`, params: { id } });
		expect(stored.body.title).toBe('Fleet with secrets');
	});

	it('does not reveal the edit id or share hashes in the owner API either', async () => {
		const { id } = await assessmentWithNote();
		const { body: share } = await createShare(id);
		const owner = await call(item.GET, { path: `/api/assessments/${id}`, params: { id } });
		expect(owner.body.shares).toBeUndefined();
		expect(JSON.stringify(owner.body)).not.toContain(hashToken(share.token));
	});
});

describe('the report behind a share link', () => {
	it('is a PDF without the edit id, and without notes unless the owner shared them', async () => {
		const { execFileSync } = await import('node:child_process');
		const { mkdtempSync, writeFileSync } = await import('node:fs');
		const { tmpdir } = await import('node:os');
		const report = await import('../../../src/routes/api/shared/[token]/report.pdf/+server');
		const { id } = await assessmentWithNote();
		const textOf = async (token: string) => {
			const url = new URL(`http://localhost:3000/api/shared/${token}/report.pdf`);
			const response = await report.GET({ params: { token }, url } as never);
			expect(response.headers.get('content-type')).toBe('application/pdf');
			const file = join(mkdtempSync(join(tmpdir(), 'shared-pdf-')), 'r.pdf');
			writeFileSync(file, new Uint8Array(await response.arrayBuffer()));
			return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
		};
		const { body: hidden } = await createShare(id);
		const withoutNotes = await textOf(hidden.token);
		expect(withoutNotes).toContain('Fleet with secrets');
		expect(withoutNotes).not.toContain('budget is 40k');
		expect(withoutNotes).not.toContain(id);
		const { body: open } = await createShare(id, { includeNotes: true });
		expect(await textOf(open.token)).toContain('budget is 40k');
		const gone = await report.GET({
			params: { token: newShareToken() },
			url: new URL('http://x/')
		} as never);
		expect(gone.status).toBe(404);
	});
});

describe('share links per assessment (audit F10)', () => {
	const create = (id: string, body: unknown = {}) =>
		call(shareList.POST, {
			method: 'POST',
			path: `/api/assessments/${id}/shares`,
			params: { id },
			body
		});

	it('stops at 50 live links with 409 and a message that says how to make room; a revoked link makes room', async () => {
		const { id } = await assessmentWithNote();
		const made = await Promise.all(Array.from({ length: 50 }, () => create(id)));
		expect(made.map((r) => r.status)).toEqual(Array(50).fill(201));
		const refused = await Promise.all([create(id), create(id)]);
		for (const reply of refused) {
			expect(reply.status).toBe(409);
			expect(reply.body.error).toMatch(/already has 50 live share links.*Revoke one/);
		}
		const shareId = made[0]!.body.id;
		await call(shareItem.DELETE, {
			method: 'DELETE',
			path: `/api/assessments/${id}/shares/${shareId}`,
			params: { id, shareId }
		});
		expect((await create(id)).status).toBe(201);
		expect((await create(id)).status).toBe(409);
	});
});
