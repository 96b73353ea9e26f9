/**
 * Vendor respondent links: a capability token per link, stored only as its hash (in the tender's
 * offer and in the respondent index), revocable, with an optional expiry. The token opens one
 * offer's questionnaire and that offer's own answers, nothing else of the tender.
 */
import {
	liveRespondents,
	respondentStatus,
	respondentSummary,
	vendorOwnAnswers,
	type RespondentSummary
} from '$lib/tender/respondent';
import {
	MAX_LIVE_RESPONDENTS,
	MAX_RESPONDENTS_PER_OFFER,
	type CreateRespondentBody,
	type Offer,
	type Respondent,
	type RespondBody,
	type StoredTender
} from '$lib/tender/schema';
import { newId } from './ids';
import { expiryInstant, ShareInputError } from './shares';
import { getRespondentIndex, getTenderStore } from './store';
import * as tenders from './tenders';
import { hashToken, looksLikeToken, newShareToken } from './tokens';

/**
 * The offer already has MAX_LIVE_RESPONDENTS live links, or has held MAX_RESPONDENTS_PER_OFFER
 * links in all (revoked and expired ones stay in the record): answered 409.
 */
export class RespondentLimitError extends Error {
	constructor(readonly limit: 'live' | 'total' = 'live') {
		super(
			limit === 'live'
				? `This offer already has ${MAX_LIVE_RESPONDENTS} live respondent links, the most it can have. Revoke one first.`
				: `This offer has had ${MAX_RESPONDENTS_PER_OFFER} respondent links, revoked and expired ones included: the most one offer keeps, so no new link can be made for it. Send the vendor a link it already has, or add the bid again as a new offer.`
		);
		this.name = 'RespondentLimitError';
	}
}

/** Throws RespondentLimitError when the offer cannot take another link. */
function checkRespondentRoom(offer: Offer, now: Date): void {
	if (offer.respondents.length >= MAX_RESPONDENTS_PER_OFFER)
		throw new RespondentLimitError('total');
	if (liveRespondents(offer, now) >= MAX_LIVE_RESPONDENTS) throw new RespondentLimitError('live');
}

/** The vendor submitted: the link reads, it does not write, until the buyer reopens it. */
export class SubmittedError extends Error {
	constructor() {
		super('The answers were submitted: they cannot be changed until the buyer reopens the link');
		this.name = 'SubmittedError';
	}
}

/** The link was revoked or expired while a vendor's write waited: answered 410. */
export class LinkGoneError extends Error {
	constructor() {
		super('This link is no longer valid');
		this.name = 'LinkGoneError';
	}
}

/** A revoked link stays revoked: reopening it answers 409. */
export class RevokedError extends Error {
	constructor() {
		super('This link was revoked: create a new one instead');
		this.name = 'RevokedError';
	}
}

type OfferLookup<T> = Promise<T | null | 'no-offer'>;

/** Runs `change` on one offer under the tender's lock. Null: no such tender; 'no-offer': no such offer. */
async function updateOffer<T>(
	tenderId: string,
	offerId: string,
	change: (offer: Offer) => { offer: Offer; result: T },
	now: Date
): OfferLookup<T> {
	let result: T | undefined;
	let found = false;
	const record = await getTenderStore().update(tenderId, (current) => {
		const index = current.offers.findIndex((o) => o.id === offerId);
		if (index < 0) return current;
		found = true;
		const changed = change(current.offers[index]!);
		result = changed.result;
		if (changed.offer === current.offers[index]) return current;
		const offers = [...current.offers];
		offers[index] = changed.offer;
		return { ...current, offers, revision: current.revision + 1, updatedAt: now.toISOString() };
	});
	if (!record) return null;
	if (!found) return 'no-offer';
	return result as T;
}

export async function createRespondent(
	tenderId: string,
	offerId: string,
	body: CreateRespondentBody,
	now = new Date()
): OfferLookup<{ token: string; respondent: RespondentSummary }> {
	const expires = expiryInstant(body.expiresAt);
	if (expires && expires.getTime() <= now.getTime())
		throw new ShareInputError('expiresAt', 'The expiry must be in the future');
	const current = await getTenderStore().read(tenderId);
	if (!current) return null;
	const offer = current.offers.find((o) => o.id === offerId);
	if (!offer) return 'no-offer';
	checkRespondentRoom(offer, now);
	const token = newShareToken();
	const respondent: Respondent = {
		id: newId(),
		tokenHash: hashToken(token),
		label: body.label,
		createdAt: now.toISOString(),
		expiresAt: expires ? expires.toISOString() : null,
		revokedAt: null,
		submittedAt: null,
		reopenedAt: null
	};
	// Index first: a crash between the two writes leaves an index entry that leads nowhere.
	await getRespondentIndex().put(respondent.tokenHash, { tenderId, offerId });
	return updateOffer(
		tenderId,
		offerId,
		(o) => {
			// Checked again under the lock: concurrent creations cannot pass the cap together.
			checkRespondentRoom(o, now);
			return {
				offer: { ...o, respondents: [...o.respondents, respondent] },
				result: { token, respondent: respondentSummary(respondent, now) }
			};
		},
		now
	);
}

export async function listRespondents(
	tenderId: string,
	offerId: string,
	now = new Date()
): OfferLookup<RespondentSummary[]> {
	const record = await getTenderStore().read(tenderId);
	if (!record) return null;
	const offer = record.offers.find((o) => o.id === offerId);
	return offer ? offer.respondents.map((r) => respondentSummary(r, now)) : 'no-offer';
}

/**
 * Changes one link of one offer. 'no-respondent': the offer has no such link.
 */
async function changeRespondent(
	tenderId: string,
	offerId: string,
	respondentId: string,
	change: (r: Respondent) => Respondent,
	now: Date
) {
	return updateOffer<RespondentSummary | 'no-respondent'>(
		tenderId,
		offerId,
		(offer) => {
			const existing = offer.respondents.find((r) => r.id === respondentId);
			if (!existing) return { offer, result: 'no-respondent' };
			const next = change(existing);
			if (next === existing) return { offer, result: respondentSummary(existing, now) };
			return {
				offer: { ...offer, respondents: offer.respondents.map((r) => (r === existing ? next : r)) },
				result: respondentSummary(next, now)
			};
		},
		now
	);
}

/** Revokes a link for good (revoking twice is fine); its token then answers 410. */
export function revokeRespondent(
	tenderId: string,
	offerId: string,
	respondentId: string,
	now = new Date()
) {
	return changeRespondent(
		tenderId,
		offerId,
		respondentId,
		(r) => (r.revokedAt ? r : { ...r, revokedAt: now.toISOString() }),
		now
	);
}

/** Lets the vendor change its answers again after a submission. RevokedError for a revoked link. */
export function reopenRespondent(
	tenderId: string,
	offerId: string,
	respondentId: string,
	now = new Date()
) {
	return changeRespondent(
		tenderId,
		offerId,
		respondentId,
		(r) => {
			if (r.revokedAt) throw new RevokedError();
			return r.submittedAt ? { ...r, submittedAt: null, reopenedAt: now.toISOString() } : r;
		},
		now
	);
}

export type OpenedRespondent =
	| { status: 'active'; record: StoredTender; offer: Offer; respondent: Respondent }
	| { status: 'expired' | 'revoked' | 'unknown' };

async function findRespondent(token: string) {
	if (!looksLikeToken(token)) return null;
	const tokenHash = hashToken(token);
	const entry = await getRespondentIndex().get(tokenHash);
	if (!entry) return null;
	const record = await getTenderStore().read(entry.tenderId);
	const offer = record?.offers.find((o) => o.id === entry.offerId);
	const respondent = offer?.respondents.find((r) => r.tokenHash === tokenHash);
	return record && offer && respondent ? { record, offer, respondent } : null;
}

/** Resolves a respondent token to its tender, offer and link, if the link is live. */
export async function openRespondent(token: string, now = new Date()): Promise<OpenedRespondent> {
	const found = await findRespondent(token);
	if (!found) return { status: 'unknown' };
	const status = respondentStatus(found.respondent, now);
	if (status !== 'active') return { status };
	return { status: 'active', ...found };
}

/** True when the value is a respondent token (live or not). */
export async function isRespondentToken(value: string): Promise<boolean> {
	return (await findRespondent(value)) !== null;
}

/**
 * What the vendor sees: the tender's title and organisation, its own vendor name, the questions
 * and its own answers. Never the tender id, other offers, notes, states, history, scores or weights.
 */
export function respondentView(record: StoredTender, offer: Offer, respondent: Respondent) {
	return {
		tender: { title: record.title, organisation: record.organisation },
		vendor: offer.vendor,
		questions: tenders.templateQuestions(record).map((q) => ({
			id: q.id,
			area: q.area,
			text: q.text,
			why: q.why,
			options: q.options.map((o) => ({ id: o.id, label: o.label }))
		})),
		answers: vendorOwnAnswers(offer),
		submittedAt: respondent.submittedAt,
		expiresAt: respondent.expiresAt
	};
}
export type RespondentView = ReturnType<typeof respondentView>;

/** Refuses a vendor write when the link was submitted, revoked or expired meanwhile (checked under the lock). */
export const writable = (respondentId: string, now: Date) => (offer: Offer) => {
	const respondent = offer.respondents.find((r) => r.id === respondentId);
	if (!respondent || respondentStatus(respondent, now) !== 'active') throw new LinkGoneError();
	if (respondent.submittedAt) throw new SubmittedError();
};

/** Saves the vendor's answers (PATCH /api/respond/{token}) as claims. SubmittedError after a submission. */
export async function saveResponse(
	opened: Extract<OpenedRespondent, { status: 'active' }>,
	body: RespondBody,
	now = new Date()
) {
	const rows = Object.entries(body.answers).flatMap(([questionId, a]) =>
		a ? [{ questionId, ...a }] : []
	);
	const withdraw = Object.entries(body.answers).flatMap(([questionId, a]) =>
		a ? [] : [questionId]
	);
	return saveRows(opened, rows, withdraw, now);
}

/** Saves rows (the JSON answers or a spreadsheet's) for the link's offer, refused after a submission. */
export async function saveRows(
	opened: Extract<OpenedRespondent, { status: 'active' }>,
	rows: readonly tenders.VendorRow[],
	withdraw: readonly string[] = [],
	now = new Date()
) {
	const record = await tenders.saveVendorAnswers(
		opened.record.id,
		opened.offer.id,
		rows,
		{ withdraw, guard: writable(opened.respondent.id, now) },
		now
	);
	if (!record || record === 'no-offer') throw new LinkGoneError();
	const offer = record.offers.find((o) => o.id === opened.offer.id)!;
	return respondentView(
		record,
		offer,
		offer.respondents.find((r) => r.id === opened.respondent.id)!
	);
}

/** The vendor submits: the link reads only until the buyer reopens it. Submitting twice is fine. */
export async function submitResponse(
	opened: Extract<OpenedRespondent, { status: 'active' }>,
	now = new Date()
) {
	let view: RespondentView | null = null;
	const record = await getTenderStore().update(opened.record.id, (current) => {
		const offer = current.offers.find((o) => o.id === opened.offer.id);
		const respondent = offer?.respondents.find((r) => r.id === opened.respondent.id);
		if (!offer || !respondent || respondentStatus(respondent, now) !== 'active')
			throw new LinkGoneError();
		if (respondent.submittedAt) {
			view = respondentView(current, offer, respondent);
			return current;
		}
		const submitted = { ...respondent, submittedAt: now.toISOString() };
		const changed = {
			...offer,
			respondents: offer.respondents.map((r) => (r === respondent ? submitted : r))
		};
		view = respondentView(current, changed, submitted);
		return {
			...current,
			offers: current.offers.map((o) => (o === offer ? changed : o)),
			revision: current.revision + 1,
			updatedAt: now.toISOString()
		};
	});
	if (!record || !view) throw new LinkGoneError();
	return view as RespondentView;
}
