/**
 * Whole-instance export and import, for backups and moves between servers, on either store
 * (PostgreSQL when DATABASE_URL is set, else the files in DATA_DIR):
 *
 *   npm run data -- export > backup.json        (safe while the server runs)
 *   npm run data -- import backup.json          (files: stop the server first, one writer per DATA_DIR;
 *                                                PostgreSQL: servers may keep running)
 *   npm run data -- copy ./data postgres://...  (a data directory into PostgreSQL, counts checked;
 *                                                either side may be a directory or a database URL)
 *
 * Built into build/cli.js as part of `npm run build` (see vite.config.ts), so it runs on a
 * production install with plain Node.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { versionedInputSchemas } from '../assessment/versioned-schemas';
import { instanceHeader } from './instance-export';
import { checkInstance, writeInstance } from './instance-import';
import { registryFromDisk } from './rules-files';
import { lockDataDir } from './store/data-dir-lock';
import { copyStores } from './data-copy';
import { dataDir, databaseUrl, fileStores, postgresStores, type Stores } from './store/index';
import type { RecordStore } from './store/types';
import { redactId, redactPath } from './redact';
import { tenderContentChecker } from './tender-transfer';
import { versionedContentChecker, type ImportOutcome } from './transfer';

/**
 * The rules files as the server bundles them (rules/ and rules/history/), read from the working
 * directory: each record is checked against the ruleset it is pinned to.
 */
function contentChecks() {
	const registry = registryFromDisk('rules');
	const schemasFor = versionedInputSchemas(registry);
	return {
		checkAssessment: versionedContentChecker(registry, schemasFor),
		checkTender: tenderContentChecker(registry, schemasFor)
	};
}

/**
 * Writes every readable record of one kind as the JSON array `key`. A record that cannot be read
 * (a damaged file) is skipped and named on stderr by its position and a redacted id, never the
 * full id (it is an edit key): the backup stays valid JSON holding everything else (audit F4).
 */
async function exportKind<T>(store: RecordStore<T>, key: string, label: string, first: boolean) {
	const ids = (await store.ids()).sort();
	process.stdout.write(`${first ? '' : ','}"${key}":[\n`);
	let written = 0;
	const skipped: string[] = [];
	for (const [index, id] of ids.entries()) {
		let record;
		try {
			record = await store.read(id);
		} catch (error) {
			const reason = error instanceof Error ? redactPath(error.message) : 'unreadable';
			skipped.push(`${label} ${index + 1} of ${ids.length} (${redactId(id)}): ${reason}`);
			continue;
		}
		if (!record) continue;
		process.stdout.write(`${written === 0 ? '' : ',\n'}${JSON.stringify(record)}`);
		written++;
	}
	process.stdout.write('\n]');
	return { written, total: ids.length, skipped };
}

/**
 * Writes every assessment and tender as one export document (format version 2). The exit code
 * is 1 when anything was skipped, so a backup script notices. Evidence files are not in it: they
 * are files, copied as files (DATA_DIR/evidence; see README).
 */
async function exportAll(stores: Stores) {
	const header = JSON.stringify(instanceHeader(new Date()));
	process.stdout.write(`${header.slice(0, -1)},`);
	const assessments = await exportKind(stores.assessments, 'assessments', 'record', true);
	const tenders = await exportKind(stores.tenders, 'tenders', 'tender record', false);
	process.stdout.write('}\n');
	const skipped = [...assessments.skipped, ...tenders.skipped];
	for (const line of skipped) console.error(`Skipped ${line}`);
	console.error(
		`Exported ${assessments.written} of ${assessments.total} assessments and ${tenders.written} of ${tenders.total} tenders from ${stores.location}` +
			(skipped.length ? `; ${skipped.length} unreadable, skipped (listed above)` : '')
	);
	if (skipped.length) process.exitCode = 1;
}

function reportOutcomes(kind: string, outcomes: ImportOutcome[]) {
	const count = (status: string) => outcomes.filter((o) => o.status === status).length;
	console.error(
		`${kind}: ${count('created')} created, ${count('unchanged')} already present, ${count('conflict')} conflicts left untouched`
	);
	for (const o of outcomes.filter((x) => x.status === 'conflict'))
		console.error(`conflict: ${redactId(o.id)} (${o.title})`);
}

/** The files' single-writer lock; PostgreSQL needs none (its transactions serialise the writers). */
function lockIfFiles(stores: Stores): () => void {
	return stores.database ? () => {} : lockDataDir(stores.location);
}

/** Reads a version 1 or 2 export; nothing is written unless every record passes every check. */
async function importFile(stores: Stores, file: string) {
	const release = lockIfFiles(stores);
	try {
		const checked = await checkInstance(
			JSON.parse(readFileSync(file, 'utf8')),
			stores,
			contentChecks()
		);
		if (!checked.ok) {
			for (const issue of checked.issues) console.error(`${issue.path}: ${issue.message}`);
			throw new Error(`${file} was not imported: ${checked.issues.length} problems`);
		}
		const outcomes = await writeInstance(stores, checked.instance);
		console.error(`Imported into ${stores.location}:`);
		reportOutcomes('assessments', outcomes.assessments);
		reportOutcomes('tenders', outcomes.tenders);
	} finally {
		release();
	}
}

const isDatabaseUrl = (place: string) => /^postgres(ql)?:\/\//i.test(place);

/**
 * A data directory or a PostgreSQL URL, opened as stores. Only what is written to migrates the
 * database; a database only read from (export, the source of a copy) must already be at this
 * release's schema, so a backup taken with a newer CLI never upgrades production under older servers.
 */
const storesAt = (place: string, writes: boolean): Stores =>
	isDatabaseUrl(place) ? postgresStores(place, { migrate: writes }) : fileStores(resolve(place));

/** Where DATABASE_URL or DATA_DIR point, as `npm start` would store. */
const configuredStores = (writes: boolean): Stores => storesAt(databaseUrl() ?? dataDir(), writes);

/**
 * Copies every record, link and evidence file from one store into another and checks the counts;
 * exit code 1 unless every count matches. A data directory on either side is locked for the copy,
 * so no server writes to it meanwhile.
 */
async function copy(from: string, to: string) {
	const source = storesAt(from, false);
	const target = storesAt(to, true);
	const releaseSource = lockIfFiles(source);
	const releaseTarget = lockIfFiles(target);
	try {
		const report = await copyStores(source, target, contentChecks());
		console.error(`Copied ${source.location} into ${target.location}:`);
		if (report.counts.length) {
			reportOutcomes('assessments', report.assessments);
			reportOutcomes('tenders', report.tenders);
			for (const count of report.counts)
				console.error(
					`${count.kind}: ${count.source} in the source, ${count.matching} of them in the target as they are in the source`
				);
		}
		for (const problem of report.problems) console.error(problem);
		if (report.problems.length) {
			console.error(`The copy is not complete: ${report.problems.length} problems (listed above)`);
			process.exitCode = 1;
		} else console.error('Every count matches.');
	} finally {
		releaseSource();
		releaseTarget();
		await Promise.all([source.database?.close(), target.database?.close()]);
	}
}

const [command, argument, second] = process.argv.slice(2);
const copyTarget = second ?? process.env.DATABASE_URL;
let opened: Stores | null = null;
const run =
	command === 'export'
		? exportAll((opened = configuredStores(false)))
		: command === 'import' && argument
			? importFile((opened = configuredStores(true)), argument)
			: command === 'copy' && argument && copyTarget
				? copy(argument, copyTarget)
				: null;
if (!run) {
	console.error(
		'Usage: npm run data -- export > backup.json | npm run data -- import backup.json | npm run data -- copy <from: directory or postgres:// URL> [to: directory or URL; default DATABASE_URL]'
	);
	process.exit(2);
}
run
	.then(() => opened?.database?.close())
	.catch((error: Error) => {
		console.error(error.message);
		process.exit(1);
	});
