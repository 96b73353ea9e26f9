import { publicContent } from '$lib/assessment/public-content';
import type { CreateShareBody, Share, StoredAssessment } from '$lib/assessment/schema';
import { score } from '$lib/scoring/score';
import { newId } from './ids';
import { rulesFor } from './rules';
import { getShareIndex, getStore } from './store';
import { hashToken, looksLikeToken, newShareToken } from './tokens';

export type ShareStatus = 'active' | 'expired' | 'revoked';

export interface ShareSummary {
	id: string;
	label: string;
	includeNotes: boolean;
	createdAt: string;
	expiresAt: string | null;
	revokedAt: string | null;
	lastOpenedAt: string | null;
	status: ShareStatus;
}

/** How long an open counts as recent: avoids a disk write on every page view. */
const OPEN_RECORD_INTERVAL_MS = 60_000;

export function statusOf(share: Share, now: Date): ShareStatus {
	if (share.revokedAt) return 'revoked';
	if (share.expiresAt && Date.parse(share.expiresAt) <= now.getTime()) return 'expired';
	return 'active';
}

export function summarise(share: Share, now: Date): ShareSummary {
	const { tokenHash: _hash, ...visible } = share;
	return { ...visible, status: statusOf(share, now) };
}

/** A date alone means "until the end of that day" (UTC); a date-time is taken as given. */
export function expiryInstant(expiresAt: string | null | undefined): Date | null {
	if (!expiresAt) return null;
	return new Date(/^\d{4}-\d{2}-\d{2}$/.test(expiresAt) ? `${expiresAt}T23:59:59.999Z` : expiresAt);
}

export class ShareInputError extends Error {
	constructor(
		readonly path: string,
		message: string
	) {
		super(message);
	}
}

/**
 * Most live (not revoked, not expired) links one assessment may have. Every link is kept in the
 * record, so without a cap one script could grow it to megabytes and slow every save (audit F10).
 */
export const MAX_LIVE_SHARES = 50;

/** The assessment already has MAX_LIVE_SHARES live links: answered 409, naming the way out. */
export class ShareLimitError extends ShareInputError {
	constructor() {
		super(
			'form',
			`This assessment already has ${MAX_LIVE_SHARES} live share links, the most it can have. Revoke one you no longer need, then create the new one.`
		);
		this.name = 'ShareLimitError';
	}
}

const liveShares = (record: StoredAssessment, now: Date) =>
	record.shares.filter((share) => statusOf(share, now) === 'active').length;

export async function createShare(assessmentId: string, body: CreateShareBody, now = new Date()) {
	const expires = expiryInstant(body.expiresAt);
	if (expires && expires.getTime() <= now.getTime()) {
		throw new ShareInputError('expiresAt', 'The expiry must be in the future');
	}
	const current = await getStore().read(assessmentId);
	if (!current) return null;
	if (liveShares(current, now) >= MAX_LIVE_SHARES) throw new ShareLimitError();
	const token = newShareToken();
	const share: Share = {
		id: newId(),
		tokenHash: hashToken(token),
		label: body.label,
		includeNotes: body.includeNotes,
		createdAt: now.toISOString(),
		expiresAt: expires ? expires.toISOString() : null,
		revokedAt: null,
		lastOpenedAt: null
	};
	// Index first: a crash between the two writes leaves an index entry that leads nowhere.
	await getShareIndex().put(share.tokenHash, assessmentId);
	const updated = await getStore().update(assessmentId, (record) => {
		// Checked again under the record's lock: concurrent creations cannot pass the cap together.
		if (liveShares(record, now) >= MAX_LIVE_SHARES) throw new ShareLimitError();
		return { ...record, shares: [...record.shares, share] };
	});
	if (!updated) return null;
	return { token, share: summarise(share, now) };
}

export async function listShares(
	assessmentId: string,
	now = new Date()
): Promise<ShareSummary[] | null> {
	const record = await getStore().read(assessmentId);
	return record ? record.shares.map((share) => summarise(share, now)) : null;
}

export async function revokeShare(assessmentId: string, shareId: string, now = new Date()) {
	let found = false;
	const updated = await getStore().update(assessmentId, (record) => ({
		...record,
		shares: record.shares.map((share) => {
			if (share.id !== shareId) return share;
			found = true;
			return share.revokedAt ? share : { ...share, revokedAt: now.toISOString() };
		})
	}));
	return updated && found;
}

export type OpenedShare =
	| { status: 'active'; record: StoredAssessment; share: Share }
	| { status: 'expired' | 'revoked' | 'unknown' };

async function findShare(token: string) {
	if (!looksLikeToken(token)) return null;
	const tokenHash = hashToken(token);
	const assessmentId = await getShareIndex().get(tokenHash);
	if (!assessmentId) return null;
	const record = await getStore().read(assessmentId);
	const share = record?.shares.find((s) => s.tokenHash === tokenHash);
	return record && share ? { record, share } : null;
}

/** Resolves a token to what it may show, recording when it was last opened. */
export async function openShare(token: string, now = new Date()): Promise<OpenedShare> {
	const found = await findShare(token);
	if (!found) return { status: 'unknown' };
	const status = statusOf(found.share, now);
	if (status !== 'active') return { status };
	const last = found.share.lastOpenedAt ? Date.parse(found.share.lastOpenedAt) : 0;
	if (now.getTime() - last > OPEN_RECORD_INTERVAL_MS) {
		await getStore().update(found.record.id, (record) => ({
			...record,
			shares: record.shares.map((s) =>
				s.id === found.share.id ? { ...s, lastOpenedAt: now.toISOString() } : s
			)
		}));
	}
	return { status: 'active', record: found.record, share: found.share };
}

/** True when the value is a share token (live or not): such a caller may read, never edit. */
export async function isShareToken(value: string): Promise<boolean> {
	return (await findShare(value)) !== null;
}

/**
 * What a share link shows: the assessment without its id, its share list or (unless the owner
 * chose otherwise) its notes, and the result scored from exactly that, with the ruleset the
 * assessment is pinned to (`result.rulesetVersion` names it).
 */
export function sharedView(record: StoredAssessment, share: Share) {
	const assessment = publicContent(record, { includeNotes: share.includeNotes });
	return {
		assessment,
		result: score(rulesFor(record.rulesetVersion), assessment),
		share: { label: share.label, includeNotes: share.includeNotes, expiresAt: share.expiresAt }
	};
}

export type SharedView = ReturnType<typeof sharedView>;
