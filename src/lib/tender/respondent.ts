/**
 * Respondent links of a tender's offers: their status, what the buyer sees of them, and which of an
 * offer's answers are the vendor's own. Pure: no I/O; the server decides what to store.
 */
import type { EvidenceFile, Offer, Respondent } from './schema';

export const RESPONDENT_STATUSES = ['active', 'expired', 'revoked'] as const;
export type RespondentStatus = (typeof RESPONDENT_STATUSES)[number];

export function respondentStatus(respondent: Respondent, now: Date): RespondentStatus {
	if (respondent.revokedAt) return 'revoked';
	if (respondent.expiresAt && Date.parse(respondent.expiresAt) <= now.getTime()) return 'expired';
	return 'active';
}

/** A link as the buyer sees it: never its token or the token's hash. */
export function respondentSummary(respondent: Respondent, now: Date) {
	const { tokenHash: _hash, ...visible } = respondent;
	return { ...visible, status: respondentStatus(respondent, now) };
}
export type RespondentSummary = ReturnType<typeof respondentSummary>;

export const liveRespondents = (offer: Offer, now: Date) =>
	offer.respondents.filter((r) => respondentStatus(r, now) === 'active').length;

/** What a vendor may see of one answer: what it gave, never the buyer's note, state or history. */
export interface VendorAnswerView {
	option?: string;
	statement?: string;
	evidence?: string;
	/** The files the vendor attached: what they are, never a way to download them back. */
	files?: VendorFileView[];
}

export type VendorFileView = Pick<EvidenceFile, 'id' | 'name' | 'mediaType' | 'size'>;

/**
 * The offer's answers that are the vendor's own (given by the vendor, whatever the buyer made of
 * them): the buyer's direct answers are the buyer's judgement, not the vendor's to see.
 */
export function vendorOwnAnswers(offer: Offer): Record<string, VendorAnswerView> {
	const out: Record<string, VendorAnswerView> = {};
	for (const [questionId, answer] of Object.entries(offer.answers)) {
		if (answer.by !== 'vendor') continue;
		const view: VendorAnswerView = {};
		if (answer.option !== undefined) view.option = answer.option;
		if (answer.statement !== undefined) view.statement = answer.statement;
		if (answer.evidence !== undefined) view.evidence = answer.evidence;
		if (answer.files?.length)
			view.files = answer.files.map((f) => ({
				id: f.id,
				name: f.name,
				mediaType: f.mediaType,
				size: f.size
			}));
		if (Object.keys(view).length > 0) out[questionId] = view;
	}
	return out;
}

/** The offer as a vendor's questionnaire shows it: only the vendor's own answers. */
export const vendorOnlyOffer = (offer: Offer): Offer => ({
	...offer,
	answers: Object.fromEntries(Object.entries(offer.answers).filter(([, a]) => a.by === 'vendor'))
});
