/**
 * How much of an offer's change history a tender keeps. Pure: no I/O.
 *
 * Every save rewrites the whole tender file, and a vendor (or a script holding a respondent link)
 * could otherwise grow the history without end: a few hundred bytes per changed field, forever.
 * Beyond the cap the OLDEST entries are dropped rather than the save refused: refusing would lock a
 * vendor out of answering in the middle of a tender because of an audit log, while the entries a
 * buyer decides on are the recent ones. 2,000 entries is about fifty full rewrites of every answer
 * of a questionnaire (7 fields x ~40 questions = 280 entries each), far past any real bid round;
 * 8 offers at the cap stay near 2 MB.
 */
import type { Offer } from './schema';

export const MAX_OFFER_HISTORY = 2_000;

/** The offer with at most `MAX_OFFER_HISTORY` history entries: the newest, in their order. */
export function cappedHistory<T extends Pick<Offer, 'history'>>(offer: T, max = MAX_OFFER_HISTORY): T {
	if (offer.history.length <= max) return offer;
	return { ...offer, history: offer.history.slice(offer.history.length - max) };
}
