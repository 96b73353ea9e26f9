import { exposedCountries, roamingLine } from '../../text/roaming-words';
import { costAssumedNote, costHeadline, floorLine, money } from '../../text/verdict';
import { COLORS, SIZES } from '../theme';
import { count, ROAMING_SEVERITY } from '../wording';
import { openSection, type TenderReportContext } from './context';

/** Short words for the table's cells, so eight offers fit side by side; the legend above says them in full. */
const ROAMING_CELL: Record<keyof typeof ROAMING_SEVERITY, string> = {
	critical: 'At risk',
	warning: 'Check',
	info: 'Covered',
	none: 'None known'
};

/** Each offer's deal-breakers: every floor that holds its rating up, with its reason and confidence. */
export function drawDealBreakers(ctx: TenderReportContext) {
	const { w, model } = ctx;
	openSection(ctx, 'Deal-breakers');
	w.paragraph(
		'A deal-breaker is a floor: one answer, cost band or deployment country’s roaming rule that sets the offer’s rating to at least a given level, whatever the average of its answers. No offer with a deal-breaker is recommended while one without is left.',
		{ color: COLORS.muted },
		{ after: 3 }
	);
	for (const r of model.ranked) {
		const floors = r.comparison.floors;
		w.heading(`${r.rank}. ${r.comparison.vendor}`, 3);
		if (floors.length === 0) {
			w.paragraph('None: no single answer, cost band or roaming rule forces its rating up.', {
				color: COLORS.low
			});
			continue;
		}
		const raising = floors.filter((f) => f.raises);
		const met = floors.filter((f) => !f.raises);
		if (raising.length) {
			w.paragraph(
				'Raising the rating above what its answers score:',
				{ size: SIZES.small, color: COLORS.muted },
				{ after: 0.8 }
			);
			w.list(
				raising.map((f) => floorLine(f, 'en')),
				{ style: { color: COLORS.critical } }
			);
		}
		if (met.length) {
			w.paragraph(
				'Holding the rating where its answers already put it:',
				{ size: SIZES.small, color: COLORS.muted },
				{ after: 0.8 }
			);
			w.list(
				met.map((f) => floorLine(f, 'en')),
				{ style: { size: SIZES.small } }
			);
		}
	}
}

/** What leaving each offer's provider later would cost, in the tender's currency. */
export function drawCosts(ctx: TenderReportContext) {
	const { w, model } = ctx;
	openSection(ctx, 'Cost to leave');
	const currency = model.reference.switchingCost.currency;
	w.paragraph(
		`What changing provider later would cost with each offer, in ${currency}: site visits where SIMs cannot switch over the air, both providers billing through the notice period, rebuilding platform data and integrations, and what the contract still owes on exit. Rounded, with the range the assumptions allow; the assumptions are in Appendix B.`,
		{ color: COLORS.muted },
		{ after: 3 }
	);
	w.table({
		head: [['Offer', 'Estimate', 'Range', 'Per device']],
		body: model.ranked.map((r) => {
			const e = r.comparison.switchingCost.estimate;
			return [
				`${r.rank}. ${r.comparison.vendor}`,
				money(currency, e.total),
				e.low === e.high ? '–' : `${money(currency, e.low)} to ${money(currency, e.high)}`,
				money(currency, e.perDevice)
			];
		}),
		columnStyles: { 1: { halign: 'right' }, 2: { halign: 'right' }, 3: { halign: 'right' } }
	});
	for (const r of model.ranked) {
		const cost = r.comparison.switchingCost;
		w.heading(`${r.rank}. ${r.comparison.vendor}`, 3);
		w.paragraph(`${costHeadline(cost, 'en')}.`, { bold: true }, { after: 1 });
		const assumed = costAssumedNote(cost, 'en');
		if (assumed) w.paragraph(assumed, { size: SIZES.small, color: COLORS.high }, { after: 1 });
		const lines = cost.lines.filter((line) => line.applies);
		if (lines.length) {
			w.list(
				lines.map(
					(line) =>
						`${line.label}: ${money(cost.currency, line.amount)}${line.assumed ? ' (rests on open questions)' : ''}`
				),
				{ style: { size: SIZES.small }, after: 0.8 }
			);
		}
	}
}

/** Where each offer leaves devices exposed to permanent-roaming rules, country by country. */
export function drawRoaming(ctx: TenderReportContext) {
	const { w, model } = ctx;
	openSection(ctx, 'Roaming exposure');
	w.paragraph(
		`Some countries restrict devices that stay permanently on a foreign SIM. For each deployment country, what its rule means for each offer, as answered: ${ROAMING_CELL.critical.toLowerCase()} (${ROAMING_SEVERITY.critical.label.toLowerCase()}), ${ROAMING_CELL.warning.toLowerCase()} (${ROAMING_SEVERITY.warning.label.toLowerCase()}), ${ROAMING_CELL.info.toLowerCase()} (${ROAMING_SEVERITY.info.label.toLowerCase()}), ${ROAMING_CELL.none.toLowerCase()} (${ROAMING_SEVERITY.none.label.toLowerCase()}).`,
		{ color: COLORS.muted },
		{ after: 3 }
	);
	const countries = model.ranked[0]!.result.roaming;
	w.table({
		head: [['Country (devices)', ...model.ranked.map((r) => `${r.rank}. ${r.comparison.vendor}`)]],
		body: countries.map((c) => [
			`${c.name} (${count(c.devices)})`,
			...model.ranked.map(
				(r) =>
					ROAMING_CELL[r.result.roaming.find((x) => x.country === c.country)?.severity ?? 'none']
			)
		]),
		styles: { fontSize: model.ranked.length > 5 ? SIZES.tiny : SIZES.small },
		columnStyles: { 0: { cellWidth: 36 } },
		didParseCell: (data) => {
			if (data.section !== 'body' || data.column.index === 0) return;
			const severity = model.ranked[data.column.index - 1]!.result.roaming.find(
				(x) => x.country === countries[data.row.index]!.country
			)?.severity;
			if (severity === 'critical') data.cell.styles.textColor = COLORS.critical;
		}
	});
	for (const r of model.ranked) {
		const exposed = exposedCountries(r.result.roaming);
		w.heading(`${r.rank}. ${r.comparison.vendor}`, 3);
		if (exposed.length === 0) {
			w.paragraph(
				'No exposure: in every deployment country this offer meets the permanent-roaming rules, or none are known.',
				{ size: SIZES.small }
			);
		} else {
			w.list(
				exposed.map((r) => roamingLine(r, 'en')),
				{ style: { size: SIZES.small } }
			);
		}
	}
}
