/**
 * `npm run bench`: runs each benchmark and prints its figures. Timings vary by machine, so a
 * missed target is reported, never a failure.
 */
import { runReportBench } from './report.bench';
import { runSimulationBench } from './simulation.bench';
import { benchStorage } from './storage';

const benches: [string, () => Promise<unknown>][] = [
	['report', runReportBench],
	['simulation', runSimulationBench],
	['storage', benchStorage]
];

for (const [name, bench] of benches) {
	try {
		await bench();
	} catch (error) {
		console.error(`Benchmark "${name}" failed:`, error);
		process.exitCode = 1;
	}
}
