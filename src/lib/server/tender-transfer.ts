/**
 * Tenders in a whole-instance export and import (`npm run data`): the checks and the writes, with
 * the assessments' guarantees (transfer.ts). Relative imports only: the CLI is built without $lib.
 *
 * Evidence files (DATA_DIR/evidence) are not in the JSON: a record carries each file's metadata
 * (name, type, size, sha256); the files themselves are copied as files (see src/lib/server/README.md).
 */
import type { InputSchemas } from '../assessment/schema';
import { MAX_VENDOR_HISTORY } from '../tender/history';
import { respondentStatus } from '../tender/respondent';
import { liveComparisonShares } from '../tender/comparison-share';
import {
	createTenderSchemas,
	MAX_COMPARISON_SHARES,
	MAX_LIVE_COMPARISON_SHARES,
	MAX_LIVE_RESPONDENTS,
	MAX_RESPONDENTS_PER_OFFER,
	storedTenderSchema,
	type StoredTender
} from '../tender/schema';
import { issuesOf } from '../validation/issues';
import { RecordExistsError } from './store/file-store';
import type { ComparisonShareEntry } from './store/comparison-share-index';
import type { RespondentEntry } from './store/respondent-index';
import type { TenderStore } from './store/tender-store';
import type { TokenIndex } from './store/token-index';
import {
	MAX_IMPORT_REVISION,
	MAX_RULESET_VERSION_LENGTH,
	type ImportIssue,
	type ImportOutcome
} from './transfer';

/**
 * Holds an imported tender to what the API could have stored: the create body's fields (title,
 * fleet, currency, costs, weights, vendors) and every offer's answers checked with the ruleset the
 * tender is pinned to, a revision a save can still count up from, at most MAX_VENDOR_HISTORY of the
 * vendor's history entries per offer (the buyer's are never dropped: history.ts), at most MAX_LIVE_RESPONDENTS live links and MAX_RESPONDENTS_PER_OFFER links in
 * all per offer, at most MAX_LIVE_COMPARISON_SHARES live comparison links and MAX_COMPARISON_SHARES
 * in all, and ids that appear once.
 */
export function tenderContentChecker(
	registry: { knows(version: string): boolean; versions: ReadonlyMap<string, unknown> },
	schemasFor: (version: string) => InputSchemas,
	now = new Date()
) {
	const known = [...registry.versions.keys()].sort().join(', ');
	return (record: StoredTender, index: number): ImportIssue[] => {
		const at = (path: string) => `tenders.${index}.${path}`;
		const issues: ImportIssue[] = [];
		if (record.revision > MAX_IMPORT_REVISION) {
			issues.push({
				path: at('revision'),
				message: `The revision must be at most ${MAX_IMPORT_REVISION.toLocaleString('en')}`
			});
		}
		if (record.rulesetVersion.length > MAX_RULESET_VERSION_LENGTH) {
			issues.push({
				path: at('rulesetVersion'),
				message: `A ruleset version has at most ${MAX_RULESET_VERSION_LENGTH} characters`
			});
			return issues;
		}
		if (!registry.knows(record.rulesetVersion)) {
			issues.push({
				path: at('rulesetVersion'),
				message: `This server does not know ruleset ${record.rulesetVersion}; it knows ${known}: import it on a server that has it, or upgrade this one`
			});
			return issues;
		}
		const input = schemasFor(record.rulesetVersion);
		const { title, organisation, buyerCountry, currency, fleet, costs, scoring, weights } = record;
		const body = createTenderSchemas(input).createBody.safeParse({
			title,
			organisation,
			buyerCountry,
			currency,
			fleet,
			costs,
			scoring,
			weights,
			offers: record.offers.map((offer) => ({ vendor: offer.vendor }))
		});
		if (!body.success) issues.push(...issuesOf(body.error, ['tenders', index]));
		const offerIds = new Set<string>();
		record.offers.forEach((offer, o) => {
			const offerPath = `offers.${o}`;
			if (offerIds.has(offer.id))
				issues.push({
					path: at(`${offerPath}.id`),
					message: 'This offer id appears twice in the tender'
				});
			offerIds.add(offer.id);
			// The option and note of every answer, as the answer rules of the tender's ruleset read them.
			const probe = Object.fromEntries(
				Object.entries(offer.answers).map(([id, a]) => [
					id,
					{
						...(a.option !== undefined ? { option: a.option } : {}),
						...(a.note !== undefined ? { note: a.note } : {})
					}
				])
			);
			const answers = input.answersSchema.safeParse(probe);
			if (!answers.success)
				issues.push(...issuesOf(answers.error, ['tenders', index, 'offers', o, 'answers']));
			if (offer.history.filter((h) => h.by === 'vendor').length > MAX_VENDOR_HISTORY) {
				issues.push({
					path: at(`${offerPath}.history`),
					message: `An offer keeps at most ${MAX_VENDOR_HISTORY} history entries from the vendor (the buyer's are all kept)`
				});
			}
			const live = offer.respondents.filter((r) => respondentStatus(r, now) === 'active').length;
			if (live > MAX_LIVE_RESPONDENTS) {
				issues.push({
					path: at(`${offerPath}.respondents`),
					message: `An offer has at most ${MAX_LIVE_RESPONDENTS} live respondent links`
				});
			}
			if (offer.respondents.length > MAX_RESPONDENTS_PER_OFFER) {
				issues.push({
					path: at(`${offerPath}.respondents`),
					message: `An offer keeps at most ${MAX_RESPONDENTS_PER_OFFER} respondent links, revoked and expired ones included`
				});
			}
			const respondentIds = new Set<string>();
			offer.respondents.forEach((r, i) => {
				if (respondentIds.has(r.id))
					issues.push({
						path: at(`${offerPath}.respondents.${i}.id`),
						message: 'This respondent id appears twice in the offer'
					});
				respondentIds.add(r.id);
			});
		});
		if (liveComparisonShares(record, now) > MAX_LIVE_COMPARISON_SHARES) {
			issues.push({
				path: at('shares'),
				message: `A tender has at most ${MAX_LIVE_COMPARISON_SHARES} live comparison links`
			});
		}
		if (record.shares.length > MAX_COMPARISON_SHARES) {
			issues.push({
				path: at('shares'),
				message: `A tender keeps at most ${MAX_COMPARISON_SHARES} comparison links, revoked and expired ones included`
			});
		}
		const shareIds = new Set<string>();
		record.shares.forEach((share, i) => {
			if (shareIds.has(share.id))
				issues.push({
					path: at(`shares.${i}.id`),
					message: 'This link id appears twice in the tender'
				});
			shareIds.add(share.id);
		});
		return issues;
	};
}

/** Parses, then checks, every tender of an export; a record that does not fit is named by its path. */
export function validateTenders(
	raw: readonly unknown[],
	checkContent: (record: StoredTender, index: number) => ImportIssue[]
): { issues: ImportIssue[]; records: StoredTender[] } {
	const issues: ImportIssue[] = [];
	const records: StoredTender[] = [];
	const seenIds = new Set<string>();
	const seenLinks = new Set<string>();
	const seenFiles = new Set<string>();
	raw.forEach((item, index) => {
		const parsed = storedTenderSchema.safeParse(item);
		if (!parsed.success) {
			issues.push(...issuesOf(parsed.error, ['tenders', index]));
			return;
		}
		const record = parsed.data;
		issues.push(...checkContent(record, index));
		if (seenIds.has(record.id))
			issues.push({ path: `tenders.${index}.id`, message: 'This id appears twice in the file' });
		seenIds.add(record.id);
		for (const link of linksOf(record)) {
			if (seenLinks.has(link.tokenHash))
				issues.push({
					path: `tenders.${index}.${link.path}`,
					message: 'This link appears twice in the file'
				});
			seenLinks.add(link.tokenHash);
		}
		for (const file of evidenceFilesOf(record)) {
			if (seenFiles.has(file.id))
				issues.push({
					path: `tenders.${index}.${file.path}`,
					message: 'This evidence file appears twice in the file'
				});
			seenFiles.add(file.id);
		}
		records.push(record);
	});
	return { issues, records };
}

/**
 * Every evidence file a tender's answers refer to, with where it sits. A file's bytes are kept
 * once, under its id (DATA_DIR/evidence), and deleted when the answer holding it lets it go: two
 * answers, or two tenders, naming one id would let one delete the bytes the other still shows.
 */
export function evidenceFilesOf(record: StoredTender): { id: string; path: string }[] {
	return record.offers.flatMap((offer, o) =>
		Object.entries(offer.answers).flatMap(([questionId, answer]) =>
			(answer.files ?? []).map((file, f) => ({
				id: file.id,
				path: `offers.${o}.answers.${questionId}.files.${f}.id`
			}))
		)
	);
}

/**
 * Evidence files of the file that a different tender on this server already refers to: refused,
 * or deleting the file from one tender would delete bytes the other still refers to. The same
 * tender imported again (same id) may name its own files. Run before anything is written.
 */
export async function evidenceClashes(
	records: readonly StoredTender[],
	store: Pick<TenderStore, 'ids' | 'read'>
): Promise<ImportIssue[]> {
	const wanted = new Map<string, { tenderId: string; path: string }[]>();
	for (const [index, record] of records.entries()) {
		for (const file of evidenceFilesOf(record)) {
			const list = wanted.get(file.id) ?? [];
			list.push({ tenderId: record.id, path: `tenders.${index}.${file.path}` });
			wanted.set(file.id, list);
		}
	}
	if (wanted.size === 0) return [];
	const issues: ImportIssue[] = [];
	for (const id of await store.ids()) {
		const existing = await store.read(id);
		if (!existing) continue;
		for (const file of evidenceFilesOf(existing)) {
			for (const incoming of wanted.get(file.id) ?? []) {
				if (incoming.tenderId !== existing.id) {
					issues.push({
						path: incoming.path,
						message: 'This evidence file already belongs to another tender on this server'
					});
				}
			}
		}
	}
	return issues;
}

/** One capability link a tender carries: where it sits in the record, its hash and its index entry. */
interface TenderLink {
	path: string;
	tokenHash: string;
	/** Which of the data directory's token indexes the link lives in. */
	index: keyof TenderLinkIndexes;
	entry: object;
}

/** A token index, as the importer uses it: read an entry, write one, and tell whether two name the same place. */
export interface LinkIndex {
	get(tokenHash: string): Promise<object | null>;
	put(tokenHash: string, entry: object): Promise<void>;
	same(a: object, b: object): boolean;
}

export interface TenderLinkIndexes {
	respondents: LinkIndex;
	/** Read-only comparison links (a tender's `shares`). */
	comparisonShares: LinkIndex;
}

/** The respondent index as a LinkIndex. */
export function respondentLinkIndex(index: TokenIndex<RespondentEntry>): LinkIndex {
	return {
		get: (hash) => index.get(hash),
		put: (hash, entry) => index.put(hash, entry as RespondentEntry),
		same: (a, b) => {
			const [x, y] = [a as RespondentEntry, b as RespondentEntry];
			return x.tenderId === y.tenderId && x.offerId === y.offerId;
		}
	};
}

/** The comparison share index as a LinkIndex. */
export function comparisonShareLinkIndex(index: TokenIndex<ComparisonShareEntry>): LinkIndex {
	return {
		get: (hash) => index.get(hash),
		put: (hash, entry) => index.put(hash, entry as ComparisonShareEntry),
		same: (a, b) => (a as ComparisonShareEntry).tenderId === (b as ComparisonShareEntry).tenderId
	};
}

/** Every link a tender record holds (revoked and expired ones too: they must answer 410, not 404). */
export function linksOf(record: StoredTender): TenderLink[] {
	const respondents = record.offers.flatMap((offer, o) =>
		offer.respondents.map((r, i) => ({
			path: `offers.${o}.respondents.${i}.tokenHash`,
			tokenHash: r.tokenHash,
			index: 'respondents' as const,
			entry: { tenderId: record.id, offerId: offer.id } satisfies RespondentEntry
		}))
	);
	const shares = record.shares.map((share, i) => ({
		path: `shares.${i}.tokenHash`,
		tokenHash: share.tokenHash,
		index: 'comparisonShares' as const,
		entry: { tenderId: record.id } satisfies ComparisonShareEntry
	}));
	return [...respondents, ...shares];
}

/**
 * Links of the file that this data directory's indexes already send somewhere else: an import must
 * never take over a link that works for another tender. Run before anything is written.
 */
export async function linkClashes(
	records: readonly StoredTender[],
	indexes: TenderLinkIndexes
): Promise<ImportIssue[]> {
	const issues: ImportIssue[] = [];
	for (const [index, record] of records.entries()) {
		for (const link of linksOf(record)) {
			const linkIndex = indexes[link.index];
			const existing = await linkIndex.get(link.tokenHash);
			if (existing !== null && !linkIndex.same(existing, link.entry)) {
				issues.push({
					path: `tenders.${index}.${link.path}`,
					message: 'This link already leads to another tender on this server'
				});
			}
		}
	}
	return issues;
}

/** Writes each link's index entry (again: the same entry twice changes nothing). */
async function indexLinks(record: StoredTender, indexes: TenderLinkIndexes) {
	for (const link of linksOf(record)) await indexes[link.index].put(link.tokenHash, link.entry);
}

const comparable = (record: StoredTender) => JSON.stringify(record);

/**
 * Stores validated tenders under their own ids (so importing twice adds nothing), never over a
 * tender that differs (a conflict, left alone). Index entries go first, as when a link is made:
 * a crash between the two writes leaves an entry leading nowhere, never a link that does not open.
 * A tender already present as it is gets its entries written again, which repairs a lost index.
 */
export async function importTenders(
	store: TenderStore,
	records: readonly StoredTender[],
	indexes: TenderLinkIndexes
): Promise<ImportOutcome[]> {
	const outcomes: ImportOutcome[] = [];
	const outcome = (record: StoredTender, status: ImportOutcome['status']) =>
		outcomes.push({ id: record.id, title: record.title, status });
	for (const incoming of records) {
		const existing = await store.read(incoming.id);
		if (existing) {
			const same = comparable(existing) === comparable(incoming);
			if (same) await indexLinks(incoming, indexes);
			outcome(incoming, same ? 'unchanged' : 'conflict');
			continue;
		}
		await indexLinks(incoming, indexes);
		try {
			// create() takes the id's lock and refuses an id that is taken.
			await store.create(incoming);
		} catch (error) {
			// Another import of the same file got there between our read and our create.
			if (!(error instanceof RecordExistsError)) throw error;
			const stored = await store.read(incoming.id);
			outcome(
				incoming,
				stored && comparable(stored) === comparable(incoming) ? 'unchanged' : 'conflict'
			);
			continue;
		}
		outcome(incoming, 'created');
	}
	return outcomes;
}
