import { describe, expect, it } from 'vitest';
import {
	checkRevision,
	etagOf,
	expectedRevision,
	parseIfMatch,
	revisionConflict,
	RevisionConflictError
} from '../../../src/lib/server/revision';

const request = (ifMatch?: string) =>
	new Request('http://localhost/api/assessments/x', {
		method: 'PATCH',
		headers: ifMatch === undefined ? {} : { 'if-match': ifMatch }
	});

/** The field paths and message of a refusal, after checking it is a 400 in the API's shape. */
async function refusal(response: Response) {
	expect(response.status).toBe(400);
	const body = (await response.json()) as {
		error: string;
		issues: { path: string; message: string }[];
	};
	expect(body.error).toBe('The request is invalid');
	return body.issues;
}

describe('If-Match', () => {
	it('reads a strong tag as the revision in its quotes', () => {
		expect(parseIfMatch('"7"')).toEqual({ ok: true, value: { any: false, revision: 7 } });
		expect(parseIfMatch('"0"')).toEqual({ ok: true, value: { any: false, revision: 0 } });
		expect(parseIfMatch(' "12" ')).toEqual({ ok: true, value: { any: false, revision: 12 } });
	});

	it('reads a weak tag (what a compressed answer carries) as the same revision', () => {
		expect(parseIfMatch('W/"7"')).toEqual({ ok: true, value: { any: false, revision: 7 } });
	});

	it('reads * as any revision, and no header as none', () => {
		expect(parseIfMatch('*')).toEqual({ ok: true, value: { any: true } });
		expect(parseIfMatch(null)).toEqual({ ok: true, value: null });
	});

	it('refuses what is not one revision in quotes, naming If-Match', () => {
		for (const header of [
			'',
			'7',
			'"seven"',
			'"-1"',
			'"1.5"',
			'"07"',
			"'7'",
			'w/"7"',
			'"7", "8"',
			'"7',
			'W/7',
			'"99999999999999999999"'
		]) {
			const parsed = parseIfMatch(header);
			expect(parsed.ok, header).toBe(false);
			if (!parsed.ok) expect(parsed.message).toMatch(/^If-Match must be one revision/);
		}
	});

	it('writes the ETag of a revision as a strong tag that reads back as the same revision', () => {
		expect(etagOf(7)).toBe('"7"');
		expect(parseIfMatch(etagOf(7))).toEqual({ ok: true, value: { any: false, revision: 7 } });
	});
});

describe('the revision a change was based on', () => {
	it('comes from If-Match, or from the body, or is none', () => {
		expect(expectedRevision(request('"3"'), undefined)).toEqual({
			ok: true,
			expected: { revision: 3, source: 'If-Match' }
		});
		expect(expectedRevision(request(), 4)).toEqual({
			ok: true,
			expected: { revision: 4, source: 'revision' }
		});
		expect(expectedRevision(request(), undefined)).toEqual({ ok: true, expected: null });
		expect(expectedRevision(request('*'), undefined)).toEqual({ ok: true, expected: null });
	});

	it('takes both when they agree; * leaves the body to say which', () => {
		expect(expectedRevision(request('"5"'), 5)).toEqual({
			ok: true,
			expected: { revision: 5, source: 'If-Match' }
		});
		expect(expectedRevision(request('W/"5"'), 5)).toEqual({
			ok: true,
			expected: { revision: 5, source: 'If-Match' }
		});
		expect(expectedRevision(request('*'), 6)).toEqual({
			ok: true,
			expected: { revision: 6, source: 'revision' }
		});
	});

	it('is refused with 400 naming revision when header and body disagree', async () => {
		const result = expectedRevision(request('"3"'), 2);
		expect(result.ok).toBe(false);
		if (result.ok) return;
		const issues = await refusal(result.response);
		expect(issues).toHaveLength(1);
		expect(issues[0]!.path).toBe('revision');
		expect(issues[0]!.message).toContain('"3"');
	});

	it('is refused with 400 naming If-Match when the header is malformed', async () => {
		const result = expectedRevision(request('latest'), undefined);
		expect(result.ok).toBe(false);
		if (result.ok) return;
		const issues = await refusal(result.response);
		expect(issues.map((i) => i.path)).toEqual(['If-Match']);
	});
});

describe('the check inside a store update', () => {
	it('passes a record still at the revision, or any record when none was given', () => {
		expect(() => checkRevision({ revision: 4 }, 4)).not.toThrow();
		expect(() => checkRevision({ revision: 4 }, undefined)).not.toThrow();
	});

	it('throws RevisionConflictError with the current revision when the record moved on', () => {
		let thrown: unknown;
		try {
			checkRevision({ revision: 5 }, 4);
		} catch (error) {
			thrown = error;
		}
		expect(thrown).toBeInstanceOf(RevisionConflictError);
		expect((thrown as RevisionConflictError).currentRevision).toBe(5);
		expect((thrown as RevisionConflictError).expectedRevision).toBe(4);
	});

	it('becomes a 409 with currentRevision, the ETag and the field that carried the stale revision', async () => {
		const response = revisionConflict(new RevisionConflictError(7, 6), 'If-Match', {
			'cache-control': 'private, no-store'
		});
		expect(response.status).toBe(409);
		expect(response.headers.get('etag')).toBe('"7"');
		expect(response.headers.get('cache-control')).toBe('private, no-store');
		const body = await response.json();
		expect(body).toEqual({
			error: 'The record changed since the revision this change was based on',
			issues: [
				{
					path: 'If-Match',
					message: 'The record is at revision 7, not 6: read it again and reapply your change'
				}
			],
			currentRevision: 7
		});
	});
});
