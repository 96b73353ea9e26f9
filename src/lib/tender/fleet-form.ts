/**
 * The fleet a tender form posts. The API replaces the whole fleet, but a form that does not carry
 * the site-visit choice (a page drawn before it asked, or a hand-made post) must not wipe it: how
 * devices are reached changes the cost to leave. "Not sure" is posted as an empty choice, so only
 * a missing field keeps the value known before.
 */
import type { FormLike } from '../assessment/form';
import type { Fleet } from '../assessment/schema';

export function withSiteVisitsKept<F extends { siteVisits?: string }>(
	form: FormLike,
	fleet: F,
	before: Pick<Fleet, 'siteVisits'> | undefined
): F {
	if (form.get('siteVisits') !== null || before?.siteVisits === undefined) return fleet;
	return { ...fleet, siteVisits: before.siteVisits };
}
