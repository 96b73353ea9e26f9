/**
 * Whole-instance export and import, for backups and moves between servers.
 *
 *   npm run data -- export > backup.json        (safe while the server runs)
 *   npm run data -- import backup.json          (stop the server first: one writer per DATA_DIR)
 *
 * Built into build/cli.js as part of `npm run build` (see vite.config.ts), so it runs on a
 * production install with plain Node.
 */
import { readFileSync } from 'node:fs';
import { versionedInputSchemas } from '../assessment/versioned-schemas';
import { registryFromDisk } from './rules-files';
import { lockDataDir } from './store/data-dir-lock';
import { dataDir, getShareIndex, getStore } from './store/index';
import { redactId, redactPath } from './redact';
import { exportHeader, importRecords, validateExport, versionedContentChecker } from './transfer';

/**
 * The rules files as the server bundles them (rules/ and rules/history/), read from the working
 * directory: each record is checked against the ruleset it is pinned to.
 */
function contentCheck() {
	const registry = registryFromDisk('rules');
	return versionedContentChecker(registry, versionedInputSchemas(registry));
}

/**
 * Writes every readable record as one export document. A record that cannot be read (a damaged
 * file) is skipped and named on stderr by its position and a redacted id, never the full id (it is
 * an edit key): the backup stays valid JSON holding everything else (audit F4). The exit code is 1
 * when anything was skipped, so a backup script notices.
 */
async function exportAll() {
	const store = getStore();
	const ids = (await store.ids()).sort();
	const header = JSON.stringify(exportHeader(new Date()));
	process.stdout.write(`${header.slice(0, -1)},"assessments":[\n`);
	let written = 0;
	const skipped: string[] = [];
	for (const [index, id] of ids.entries()) {
		let record;
		try {
			record = await store.read(id);
		} catch (error) {
			const reason = error instanceof Error ? redactPath(error.message) : 'unreadable';
			skipped.push(`record ${index + 1} of ${ids.length} (${redactId(id)}): ${reason}`);
			continue;
		}
		if (!record) continue;
		process.stdout.write(`${written === 0 ? '' : ',\n'}${JSON.stringify(record)}`);
		written++;
	}
	process.stdout.write('\n]}\n');
	for (const line of skipped) console.error(`Skipped ${line}`);
	console.error(
		`Exported ${written} of ${ids.length} assessments from ${dataDir()}` +
			(skipped.length ? `; ${skipped.length} unreadable, skipped (listed above)` : '')
	);
	if (skipped.length) process.exitCode = 1;
}

async function importFile(file: string) {
	const release = lockDataDir(dataDir());
	try {
		const checked = validateExport(JSON.parse(readFileSync(file, 'utf8')), { checkContent: contentCheck() });
		if (!checked.ok) {
			for (const issue of checked.issues) console.error(`${issue.path}: ${issue.message}`);
			throw new Error(`${file} was not imported: ${checked.issues.length} problems`);
		}
		const outcomes = await importRecords(getStore(), checked.records, {
			keepShares: true,
			shareIndex: getShareIndex()
		});
		const count = (status: string) => outcomes.filter((o) => o.status === status).length;
		console.error(
			`Imported into ${dataDir()}: ${count('created')} created, ${count('unchanged')} already present, ${count('conflict')} conflicts left untouched`
		);
		for (const o of outcomes.filter((x) => x.status === 'conflict')) console.error(`conflict: ${redactId(o.id)} (${o.title})`);
	} finally {
		release();
	}
}

const [command, argument] = process.argv.slice(2);
const run = command === 'export' ? exportAll() : command === 'import' && argument ? importFile(argument) : null;
if (!run) {
	console.error('Usage: npm run data -- export > backup.json | npm run data -- import backup.json');
	process.exit(2);
}
run.catch((error: Error) => {
	console.error(error.message);
	process.exit(1);
});
