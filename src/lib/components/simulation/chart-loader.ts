import type { Chart } from 'chart.js';

let loading: Promise<typeof Chart> | undefined;

/**
 * chart.js, fetched the first time a fleet chart is drawn and registered once with only the
 * pieces these charts use, so the rest of chart.js is shaken out of the bundle.
 */
export function loadChart(): Promise<typeof Chart> {
	loading ??= import('chart.js').then(
		({
			Chart,
			LineController,
			BarController,
			LineElement,
			PointElement,
			BarElement,
			LinearScale,
			CategoryScale,
			Legend,
			Tooltip
		}) => {
			Chart.register(
				LineController,
				BarController,
				LineElement,
				PointElement,
				BarElement,
				LinearScale,
				CategoryScale,
				Legend,
				Tooltip
			);
			return Chart;
		}
	);
	return loading;
}
