/**
 * `npm run bench`: runs each benchmark and prints its figures (`npm run bench -- <name>...` runs
 * only those named). Timings vary by machine, so a
 * missed target is reported, never a failure.
 */
import { runEventLoopBench } from './event-loop.bench';
import { runLighthouseBench } from './lighthouse';
import { runPostgresBench } from './postgres.bench';
import { runReportBench } from './report.bench';
import { runSimulationBench } from './simulation.bench';
import { benchStorage } from './storage';
import { runTeamLoad } from './team-load';

const benches: [string, () => Promise<unknown>][] = [
	['report', runReportBench],
	['simulation', runSimulationBench],
	['storage', benchStorage],
	['event-loop', runEventLoopBench],
	['js', async () => (await import('../budget/size-budget')).printRouteWeights()],
	['team', runTeamLoad],
	['postgres', runPostgresBench],
	['lighthouse', runLighthouseBench]
];

// `npm run bench -- event-loop team` runs only the named ones.
const only = process.argv.slice(2);
for (const [name, bench] of benches.filter(([name]) => only.length === 0 || only.includes(name))) {
	try {
		await bench();
	} catch (error) {
		console.error(`Benchmark "${name}" failed:`, error);
		process.exitCode = 1;
	}
}
