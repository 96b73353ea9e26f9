import { formDataOf } from '$lib/server/http';
import { fail } from '@sveltejs/kit';
import { getStore } from '$lib/server/store';
import { inputSchemasFor, registry } from '$lib/server/rules';
import {
	importRecords,
	validateExport,
	WEB_IMPORT_MAX,
	versionedContentChecker,
	withoutShares
} from '$lib/server/transfer';
import type { Actions } from './$types';

// Each record is checked against the ruleset it is pinned to (and keeps it); an unknown version is refused.
const checkContent = versionedContentChecker(registry, inputSchemasFor);

export const actions: Actions = {
	/** Takes back a JSON export: nothing is written unless every record in it is valid. */
	import: async ({ request }) => {
		const form = await formDataOf(request);
		const file = form.get('file');
		if (!(file instanceof File) || file.size === 0) {
			return fail(400, { importErrors: ['Choose a Lock-in Radar export file (.json) to import.'] });
		}
		let document: unknown;
		try {
			document = JSON.parse(await file.text());
		} catch {
			return fail(400, { importErrors: [`${file.name} is not a JSON file.`] });
		}
		const checked = validateExport(document, { maxAssessments: WEB_IMPORT_MAX, checkContent });
		if (!checked.ok) {
			return fail(400, {
				importErrors: checked.issues.slice(0, 10).map((i) => `${i.path || 'file'}: ${i.message}`)
			});
		}
		const imported = await importRecords(getStore(), checked.records.map(withoutShares), {
			keepShares: false
		});
		return { imported };
	}
};
