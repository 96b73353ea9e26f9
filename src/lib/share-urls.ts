/**
 * Share URLs this browser created, by share id. The server keeps only a hash of each token, so
 * this is the one place a link can be copied from again.
 */
const KEY = 'lock-in-radar:share-urls';

type Saved = Record<string, Record<string, string>>;

function readAll(): Saved {
	try {
		const parsed: unknown = JSON.parse(localStorage.getItem(KEY) ?? '{}');
		return parsed && typeof parsed === 'object' ? (parsed as Saved) : {};
	} catch {
		return {};
	}
}

export function knownShareUrls(assessmentId: string): Record<string, string> {
	const urls = readAll()[assessmentId];
	return urls && typeof urls === 'object' ? { ...urls } : {};
}

export function rememberShareUrl(assessmentId: string, shareId: string, url: string): void {
	try {
		const all = readAll();
		all[assessmentId] = { ...(all[assessmentId] ?? {}), [shareId]: url };
		localStorage.setItem(KEY, JSON.stringify(all));
	} catch {
		// Storage unavailable: the link was shown once and can still be copied then.
	}
}
