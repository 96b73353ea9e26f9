/**
 * The new-tender form in the API's shape: fixed vendor rows (`vendor.0` … `vendor.7`) with blank
 * rows skipped, so the form works the same without JavaScript. Errors on `offers.N` are named by
 * the row the buyer typed in, not by the offer's place among the non-blank rows.
 */
import { fleetBodyFromForm, type FormLike } from '$lib/assessment/form';
import { MAX_OFFERS } from '$lib/tender/schema';
import type { Locale } from '$lib/paraglide/runtime';
import { issueMessage, type IssueLike } from '$lib/validation/issue-message';

export const VENDOR_ROWS = MAX_OFFERS;
export const vendorFieldName = (row: number) => `vendor.${row}`;

const text = (form: FormLike, name: string) => {
	const value = form.get(name);
	return typeof value === 'string' ? value : '';
};

export function tenderBodyFromForm(form: FormLike) {
	const { organisation, buyerCountry, currency, fleet } = fleetBodyFromForm(form);
	const vendors = Array.from({ length: VENDOR_ROWS }, (_, row) => text(form, vendorFieldName(row)));
	/** rows[i]: the form row offer i came from. */
	const rows = vendors.flatMap((vendor, row) => (vendor.trim() ? [row] : []));
	const fromAssessment = text(form, 'fromAssessment') || undefined;
	return {
		body: {
			title: text(form, 'title'),
			organisation,
			...(buyerCountry !== undefined ? { buyerCountry } : {}),
			...(currency !== undefined ? { currency } : {}),
			fleet,
			offers: rows.map((row) => ({ vendor: vendors[row]! })),
			...(fromAssessment ? { fromAssessment } : {})
		},
		vendors,
		rows
	};
}

/** Field errors keyed as the form names its fields: `offers.3.vendor` is the fourth vendor row. */
export function tenderFieldErrors(
	issues: readonly IssueLike[],
	rows: number[],
	locale: Locale = 'en'
) {
	const errors: Record<string, string> = {};
	for (const issue of issues) {
		const path = issue.path.map(String);
		if (path[0] === 'offers' && path.length > 1) path[1] = String(rows[Number(path[1])] ?? path[1]);
		const key = path.join('.') || 'form';
		errors[key] ??= issueMessage(issue, locale);
	}
	return errors;
}
