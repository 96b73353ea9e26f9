import { error } from '@sveltejs/kit';
import * as tenders from '$lib/server/tenders';
import { tenderFleetPage } from '$lib/server/tender-fleet';
import { m } from '$lib/paraglide/messages';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url, setHeaders }) => {
	// The id in the URL is the tender's edit key: never cached, indexed or sent on in a Referer.
	setHeaders({
		'cache-control': 'private, no-store',
		'x-robots-tag': 'noindex, nofollow',
		'referrer-policy': 'same-origin'
	});
	const record = await tenders.read(params.id);
	if (!record) error(404, m.tender_err_no_tender());
	const page = await tenderFleetPage(record, url.searchParams.get('offer'));
	if (!page) error(404, m.tender_fleet_err_no_offer());
	return page;
};
