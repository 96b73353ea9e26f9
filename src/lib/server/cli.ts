/**
 * Whole-instance export and import, for backups and moves between servers.
 *
 *   npm run data -- export > backup.json        (safe while the server runs)
 *   npm run data -- import backup.json          (stop the server first: one writer per DATA_DIR)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createInputSchemas } from '../assessment/schema';
import { stepsFor } from '../assessment/steps';
import { loadRules } from '../rules/load';
import { lockDataDir } from './store/data-dir-lock';
import { dataDir, getShareIndex, getStore } from './store/index';
import { contentChecker, exportHeader, importRecords, knownRulesetVersions, validateExport } from './transfer';

/** The rules files as the server bundles them, read from the working directory. */
function currentChecker() {
	const read = (name: string) => readFileSync(`rules/${name}.yaml`, 'utf8');
	const rules = loadRules({ ruleset: read('ruleset'), countries: read('countries'), costs: read('costs'), simulation: read('simulation') });
	let history: string[] = [];
	try {
		history = readdirSync('rules/history');
	} catch {
		/* no ruleset kept from before: only the current one is known */
	}
	const versions = knownRulesetVersions(rules.ruleset.version, history);
	return contentChecker(createInputSchemas(rules, stepsFor(rules.ruleset)), versions);
}

async function exportAll() {
	const store = getStore();
	const ids = (await store.ids()).sort();
	const header = JSON.stringify(exportHeader(new Date()));
	process.stdout.write(`${header.slice(0, -1)},"assessments":[\n`);
	let first = true;
	for (const id of ids) {
		const record = await store.read(id);
		if (!record) continue;
		process.stdout.write(`${first ? '' : ',\n'}${JSON.stringify(record)}`);
		first = false;
	}
	process.stdout.write('\n]}\n');
	console.error(`Exported ${ids.length} assessments from ${dataDir()}`);
}

async function importFile(file: string) {
	const release = lockDataDir(dataDir());
	try {
		const checked = validateExport(JSON.parse(readFileSync(file, 'utf8')), { checkContent: currentChecker() });
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
		for (const o of outcomes.filter((x) => x.status === 'conflict')) console.error(`conflict: ${o.id} (${o.title})`);
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
