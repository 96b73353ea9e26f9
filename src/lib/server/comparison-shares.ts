/**
 * Read-only links to a tender's comparison, with the guarantees of an assessment's share links:
 * a capability token per link, stored only as its hash (in the tender and in the comparison-share
 * index), revocable, with an optional expiry and a label. The token reads the comparison as
 * sharedComparisonView shapes it; it never writes and never opens the tender itself.
 */
import {
	comparisonShareStatus,
	comparisonShareSummary,
	liveComparisonShares,
	sharedComparisonView,
	type ComparisonShareSummary
} from '$lib/tender/comparison-share';
import {
	MAX_COMPARISON_SHARES,
	MAX_LIVE_COMPARISON_SHARES,
	type ComparisonShare,
	type CreateComparisonShareBody,
	type StoredTender
} from '$lib/tender/schema';
import type { AreaWeights } from '$lib/tender/schema';
import { newId } from './ids';
import { publicOrigin } from './origin';
import { expiryInstant, ShareInputError } from './shares';
import { getComparisonShareIndex, getTenderStore } from './store';
import * as tenders from './tenders';
import { hashToken, looksLikeToken, newShareToken } from './tokens';

/** How long an open counts as recent: avoids a disk write on every page view. */
const OPEN_RECORD_INTERVAL_MS = 60_000;

/**
 * The tender already has MAX_LIVE_COMPARISON_SHARES live links, or has held MAX_COMPARISON_SHARES
 * links in all (revoked and expired ones stay in the record): answered 409.
 */
export class ComparisonShareLimitError extends Error {
	constructor(readonly limit: 'live' | 'total' = 'live') {
		super(
			limit === 'live'
				? `This tender already has ${MAX_LIVE_COMPARISON_SHARES} live comparison links, the most it can have. Revoke one you no longer need, then create the new one.`
				: `This tender has had ${MAX_COMPARISON_SHARES} comparison links, revoked and expired ones included: the most one tender keeps, so no new link can be made for it. Send a link it already has.`
		);
		this.name = 'ComparisonShareLimitError';
	}
}

/** Throws ComparisonShareLimitError when the tender cannot take another link. */
function checkShareRoom(record: StoredTender, now: Date): void {
	if (record.shares.length >= MAX_COMPARISON_SHARES) throw new ComparisonShareLimitError('total');
	if (liveComparisonShares(record, now) >= MAX_LIVE_COMPARISON_SHARES)
		throw new ComparisonShareLimitError('live');
}

/** A comparison link: absolute where the origin is trusted, else a path the browser resolves. */
export function comparisonShareUrl(request: Request, url: URL, token: string): string {
	return `${publicOrigin(request, url) ?? ''}/c/${token}`;
}

/** Null: no such tender. ShareInputError for an expiry in the past; ComparisonShareLimitError past the cap. */
export async function createComparisonShare(
	tenderId: string,
	body: CreateComparisonShareBody,
	now = new Date()
) {
	const expires = expiryInstant(body.expiresAt);
	if (expires && expires.getTime() <= now.getTime())
		throw new ShareInputError('expiresAt', 'The expiry must be in the future');
	const current = await getTenderStore().read(tenderId);
	if (!current) return null;
	checkShareRoom(current, now);
	const token = newShareToken();
	const share: ComparisonShare = {
		id: newId(),
		tokenHash: hashToken(token),
		label: body.label,
		createdAt: now.toISOString(),
		expiresAt: expires ? expires.toISOString() : null,
		revokedAt: null,
		lastOpenedAt: null
	};
	// Index first: a crash between the two writes leaves an index entry that leads nowhere.
	await getComparisonShareIndex().put(share.tokenHash, { tenderId });
	const updated = await getTenderStore().update(tenderId, (record) => {
		// Checked again under the record's lock: concurrent creations cannot pass the cap together.
		checkShareRoom(record, now);
		// A link is not a change to the tender: its revision stays.
		return { ...record, shares: [...record.shares, share] };
	});
	if (!updated) return null;
	return { token, share: comparisonShareSummary(share, now) };
}

export async function listComparisonShares(
	tenderId: string,
	now = new Date()
): Promise<ComparisonShareSummary[] | null> {
	const record = await getTenderStore().read(tenderId);
	return record ? record.shares.map((share) => comparisonShareSummary(share, now)) : null;
}

/** Revokes for good (twice is fine). Null: no such tender; false: no such link on it. */
export async function revokeComparisonShare(
	tenderId: string,
	shareId: string,
	now = new Date()
): Promise<boolean | null> {
	let found = false;
	const updated = await getTenderStore().update(tenderId, (record) => {
		const shares = record.shares.map((share) => {
			if (share.id !== shareId) return share;
			found = true;
			return share.revokedAt ? share : { ...share, revokedAt: now.toISOString() };
		});
		return found ? { ...record, shares } : record;
	});
	if (!updated) return null;
	return found;
}

export type OpenedComparisonShare =
	| { status: 'active'; record: StoredTender; share: ComparisonShare }
	| { status: 'expired' | 'revoked' | 'unknown' };

/** Resolves a token to what it may show, recording (at most once a minute) when it was last opened. */
export async function openComparisonShare(
	token: string,
	now = new Date()
): Promise<OpenedComparisonShare> {
	if (!looksLikeToken(token)) return { status: 'unknown' };
	const tokenHash = hashToken(token);
	const entry = await getComparisonShareIndex().get(tokenHash);
	if (!entry) return { status: 'unknown' };
	const record = await getTenderStore().read(entry.tenderId);
	const share = record?.shares.find((s) => s.tokenHash === tokenHash);
	if (!record || !share) return { status: 'unknown' };
	const status = comparisonShareStatus(share, now);
	if (status !== 'active') return { status };
	const last = share.lastOpenedAt ? Date.parse(share.lastOpenedAt) : 0;
	if (now.getTime() - last > OPEN_RECORD_INTERVAL_MS) {
		await getTenderStore().update(record.id, (current) => ({
			...current,
			shares: current.shares.map((s) =>
				s.id === share.id ? { ...s, lastOpenedAt: now.toISOString() } : s
			)
		}));
	}
	return { status: 'active', record, share };
}

/** The comparison as a recipient sees it, with the weights saved with the tender (or the ruleset's). */
export function sharedComparison(
	record: StoredTender,
	share: ComparisonShare,
	weights?: AreaWeights
) {
	return sharedComparisonView(
		record,
		share,
		tenders.comparison(record, weights),
		tenders.matrixOf(record)
	);
}
