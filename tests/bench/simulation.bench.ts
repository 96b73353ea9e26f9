import { inputFromFleet } from '../../src/lib/simulation/inputs';
import { simulate } from '../../src/lib/simulation/engine';
import { shippedRules } from '../unit/rules/read-rules';

/** Target from the simulation issue: 100,000 devices over 10 years in under a second. */
export const SIMULATION_TARGET_MS = 1000;

const MB = 1024 * 1024;

/** Device-days per second and peak memory at 10k, 100k and 1M devices over 10 years. */
export async function runSimulationBench(): Promise<void> {
	const rules = shippedRules();
	console.log('\nSimulated fleet (both architectures, 10 years, 5 countries incl. BR, TR, IN)');
	console.log('devices     time      device-days/s   peak heap+buffers   per device');
	for (const devices of [10_000, 100_000, 1_000_000]) {
		const input = inputFromFleet(
			rules,
			{
				devices,
				countries: ['DE', 'BR', 'TR', 'IN', 'US'],
				lifetimeYears: 10,
				monthlyMbPerDevice: 5
			},
			{ seed: 1 }
		);
		const memory = () => {
			const m = process.memoryUsage();
			return m.heapUsed + m.arrayBuffers;
		};
		globalThis.gc?.();
		const before = memory();
		let peak = before;
		const start = performance.now();
		const { result } = simulate(input, () => (peak = Math.max(peak, memory())));
		const ms = performance.now() - start;
		peak = Math.max(peak, memory());
		const deviceDays = devices * result.days * 2;
		console.log(
			`${devices.toLocaleString('en').padStart(9)}  ${ms.toFixed(0).padStart(6)} ms  ${Math.round(
				deviceDays / (ms / 1000)
			)
				.toLocaleString('en')
				.padStart(
					14
				)}  ${((peak - before) / MB).toFixed(1).padStart(14)} MB  ${((peak - before) / devices).toFixed(1).padStart(8)} B`
		);
		if (devices === 100_000) {
			console.log(
				`  target: 100,000 devices x 10 years under ${SIMULATION_TARGET_MS} ms: ${ms < SIMULATION_TARGET_MS ? 'met' : 'MISSED'} (${(ms / SIMULATION_TARGET_MS).toFixed(2)}x of budget)`
			);
		}
	}
}
