import type { Rating, RestrictionKind } from '../rules/schema';
import type {
	ArchitectureComparison,
	LockInSignStatus,
	RoamingExposure,
	Severity
} from '../scoring/types';
import { COLORS } from './theme';

/** The words a board member reads: what the rating means for the decision. */
export const RATING_MEANING: Record<Rating, { headline: string; meaning: string }> = {
	low: {
		headline: 'Low lock-in risk',
		meaning:
			'As offered, you could change provider later at modest cost and effort. Keep these terms when you sign.'
	},
	moderate: {
		headline: 'Moderate lock-in risk',
		meaning:
			'Changing provider later is possible but would take planning and money. A few terms are worth negotiating before you sign.'
	},
	high: {
		headline: 'High lock-in risk',
		meaning:
			'As offered, leaving this provider would be slow and costly. Negotiate the points in this report before signing.'
	},
	critical: {
		headline: 'Critical lock-in risk',
		meaning:
			'As offered, this deal would tie you to the provider or put service at risk. Do not sign until the points in this report are fixed.'
	}
};

export const RATING_WORD: Record<Rating, string> = {
	low: 'Low',
	moderate: 'Moderate',
	high: 'High',
	critical: 'Critical'
};

const RATING_COLOR: Record<Rating, string> = {
	low: COLORS.low,
	moderate: COLORS.moderate,
	high: COLORS.high,
	critical: COLORS.critical
};

const RATING_BG: Record<Rating, string> = {
	low: COLORS.lowBg,
	moderate: COLORS.moderateBg,
	high: COLORS.highBg,
	critical: COLORS.criticalBg
};

export const ratingColor = (rating: Rating | null) =>
	rating ? RATING_COLOR[rating] : COLORS.muted;
export const ratingBackground = (rating: Rating | null) =>
	rating ? RATING_BG[rating] : COLORS.faint;

export const SEVERITY_WORD: Record<Severity, string> = {
	critical: 'Critical',
	high: 'High',
	medium: 'Medium'
};

export const KIND_WORD: Record<RestrictionKind, string> = {
	banned: 'Banned',
	time_limited: 'Time-limited',
	local_profile_required: 'Local profile required',
	intermittent: 'Recurring blocks',
	approval_required: 'Approval required',
	carrier_specific: 'Carrier policy',
	registration_only: 'Registration only',
	none_known: 'None known'
};

export const ROAMING_SEVERITY: Record<
	RoamingExposure['severity'],
	{ label: string; color: string }
> = {
	critical: { label: 'Service at risk', color: COLORS.critical },
	warning: { label: 'Check with vendor', color: '#ea580c' },
	info: { label: 'Covered or minor', color: '#ca8a04' },
	none: { label: 'No known restriction', color: '#16a34a' }
};

export const COPES_WORD: Record<RoamingExposure['severity'], string> = {
	critical: 'Not covered: devices on roaming SIMs are at risk',
	warning: 'Check with the vendor',
	info: 'Yes',
	none: 'Not needed'
};

export const ARCH_WORD: Record<ArchitectureComparison['status'], string> = {
	met: 'Offer has it',
	partial: 'Partly',
	missing: 'Missing'
};

export const SIGN_WORD: Record<LockInSignStatus['status'], string> = {
	present: 'Present',
	partly: 'Partly present',
	absent: 'Not present',
	unknown: 'Not known yet'
};

export const count = (n: number) => n.toLocaleString('en');

export const money = (currency: string, amount: number) =>
	`${currency} ${Math.round(amount).toLocaleString('en')}`;

export const plural = (n: number, one: string, many: string) =>
	`${count(n)} ${n === 1 ? one : many}`;

/** "25 November 2026", in the reader's time zone when the caller gives it. */
export function longDate(date: Date, timeZone = 'UTC'): string {
	try {
		return new Intl.DateTimeFormat('en-GB', {
			day: 'numeric',
			month: 'long',
			year: 'numeric',
			timeZone
		}).format(date);
	} catch {
		return new Intl.DateTimeFormat('en-GB', {
			day: 'numeric',
			month: 'long',
			year: 'numeric',
			timeZone: 'UTC'
		}).format(date);
	}
}
