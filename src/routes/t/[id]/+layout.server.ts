import { error } from '@sveltejs/kit';
import * as tenders from '$lib/server/tenders';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ params }) => {
	const record = await tenders.read(params.id);
	if (!record) error(404, 'There is no tender at this address. Check the link you were sent.');
	// Cache-Control and X-Robots-Tag are set by each page (the id in the URL is the edit key); a
	// layout setting them too would clash with a page that sets its own.
	return {
		tender: {
			id: record.id,
			title: record.title,
			organisation: record.organisation,
			updatedAt: record.updatedAt,
			offers: record.offers.map((o) => ({ id: o.id, vendor: o.vendor }))
		}
	};
};
