import { buildReport, type BuildReportInput } from '../../src/lib/report/build-report';
import { largeAssessment, reportInput, typicalAssessment, UNICODE } from '../fixtures/report';
import { shippedRules } from '../unit/rules/read-rules';

/** Targets from the report issue: a typical report in Node, with the embedded font subset. */
export const REPORT_TARGETS = { typicalMs: 300, typicalBytes: 400 * 1024 } as const;

export interface ReportBenchRow {
	name: string;
	runs: number;
	firstMs: number;
	medianMs: number;
	maxMs: number;
	bytes: number;
}

const median = (values: number[]) => {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)]!;
};

async function measure(
	name: string,
	input: BuildReportInput,
	runs: number
): Promise<ReportBenchRow> {
	const times: number[] = [];
	let bytes = 0;
	for (let i = 0; i < runs + 1; i++) {
		const start = performance.now();
		const pdf = await buildReport(input);
		times.push(performance.now() - start);
		bytes = pdf.byteLength;
	}
	const [firstMs, ...warm] = times;
	return { name, runs, firstMs: firstMs!, medianMs: median(warm), maxMs: Math.max(...warm), bytes };
}

/** Builds a typical and a large report in Node and prints time and size against the targets. */
export async function runReportBench(): Promise<ReportBenchRow[]> {
	const rules = shippedRules();
	const branding = { consultantName: UNICODE.consultant, firm: UNICODE.firm };
	const large = largeAssessment(rules);
	const rows = [
		await measure(
			`typical (${rules.questionsById.size} questions, 6 countries, short notes)`,
			reportInput(rules, typicalAssessment(rules), branding),
			15
		),
		await measure(
			`large (all ${rules.questionsById.size} answered, 2,000-char notes, ${large.fleet.countries.length} countries)`,
			reportInput(rules, large, branding),
			5
		)
	];

	const ms = (n: number) => `${n.toFixed(0)} ms`;
	const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
	console.log('\nPDF report build (Node, jsPDF + autotable, DejaVu Sans subset embedded)');
	console.table(
		rows.map((r) => ({
			report: r.name,
			'first build (cold)': ms(r.firstMs),
			runs: r.runs,
			median: ms(r.medianMs),
			max: ms(r.maxMs),
			size: kb(r.bytes)
		}))
	);
	const typical = rows[0]!;
	const timeOk = typical.medianMs < REPORT_TARGETS.typicalMs;
	const sizeOk = typical.bytes < REPORT_TARGETS.typicalBytes;
	console.log(
		`Typical report: ${ms(typical.medianMs)} (target < ${REPORT_TARGETS.typicalMs} ms): ${timeOk ? 'met' : 'NOT met'}; ` +
			`${kb(typical.bytes)} (target < ${kb(REPORT_TARGETS.typicalBytes)}): ${sizeOk ? 'met' : 'NOT met'}`
	);
	return rows;
}
