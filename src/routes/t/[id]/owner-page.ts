/** What every owner page of a tender shares: its headers and how it reads a form's text field. */

/** The id in the address is the tender's edit key: never cached, never indexed. */
export const OWNER_HEADERS = {
	'cache-control': 'private, no-store',
	'x-robots-tag': 'noindex, nofollow'
};

export const text = (form: FormData, name: string) => {
	const value = form.get(name);
	return typeof value === 'string' ? value : '';
};
