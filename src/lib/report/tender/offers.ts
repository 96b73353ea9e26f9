import { exposedCountries, roamingLine } from '../../text/roaming-words';
import { formatNumber } from '../../format/locale-format';
import { m } from '../../paraglide/messages';
import type { Locale } from '../../paraglide/runtime';
import { costAssumedNote, costHeadline, floorLine } from '../../text/verdict';
import { COLORS, SIZES } from '../theme';
import type { ROAMING_SEVERITY } from '../wording';
import { openSection, type TenderReportContext } from './context';
import { moneyIn } from './words';

/** Short words for the table's cells, so eight offers fit side by side; the legend above says them in full. */
function roamingCell(severity: keyof typeof ROAMING_SEVERITY, locale: Locale): string {
	const o = { locale };
	return {
		critical: m.tpdf_roaming_at_risk({}, o),
		warning: m.tpdf_roaming_check({}, o),
		info: m.tpdf_roaming_covered({}, o),
		none: m.tpdf_roaming_none_known({}, o)
	}[severity];
}

/** Each offer's deal-breakers: every floor that holds its rating up, with its reason and confidence. */
export function drawDealBreakers(ctx: TenderReportContext) {
	const { w, model } = ctx;
	const o = { locale: ctx.locale };
	openSection(ctx, m.tpdf_breakers_heading({}, o));
	w.paragraph(m.tpdf_breakers_intro({}, o), { color: COLORS.muted }, { after: 3 });
	for (const r of model.ranked) {
		const floors = r.comparison.floors;
		w.heading(`${r.rank}. ${r.comparison.vendor}`, 3);
		if (floors.length === 0) {
			w.paragraph(m.tpdf_breakers_none({}, o), {
				color: COLORS.low
			});
			continue;
		}
		const raising = floors.filter((f) => f.raises);
		const met = floors.filter((f) => !f.raises);
		if (raising.length) {
			w.paragraph(
				m.tpdf_breakers_raising({}, o),
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
				m.tpdf_breakers_holding({}, o),
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
	const { w, model, locale } = ctx;
	const o = { locale };
	openSection(ctx, m.tpdf_cost_heading({}, o));
	const currency = model.reference.switchingCost.currency;
	const money = (c: string, amount: number) => moneyIn(c, amount, locale);
	w.paragraph(m.tpdf_cost_intro({ currency }, o), { color: COLORS.muted }, { after: 3 });
	w.table({
		head: [
			[
				m.tpdf_col_offer({}, o),
				m.tpdf_col_estimate({}, o),
				m.tpdf_col_range({}, o),
				m.tpdf_col_per_device({}, o)
			]
		],
		body: model.ranked.map((r) => {
			const e = r.comparison.switchingCost.estimate;
			return [
				`${r.rank}. ${r.comparison.vendor}`,
				money(currency, e.total),
				e.low === e.high
					? '–'
					: m.tpdf_range({ low: money(currency, e.low), high: money(currency, e.high) }, o),
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
						`${line.label}: ${money(cost.currency, line.amount)}${line.assumed ? m.tpdf_cost_assumed({}, o) : ''}`
				),
				{ style: { size: SIZES.small }, after: 0.8 }
			);
		}
	}
}

/** Where each offer leaves devices exposed to permanent-roaming rules, country by country. */
export function drawRoaming(ctx: TenderReportContext) {
	const { w, model, locale } = ctx;
	const o = { locale };
	openSection(ctx, m.tpdf_roaming_heading({}, o));
	w.paragraph(m.tpdf_roaming_intro({}, o), { color: COLORS.muted }, { after: 3 });
	const countries = model.ranked[0]!.result.roaming;
	w.table({
		head: [
			[
				m.tpdf_col_country_devices({}, o),
				...model.ranked.map((r) => `${r.rank}. ${r.comparison.vendor}`)
			]
		],
		body: countries.map((c) => [
			`${c.name} (${formatNumber(c.devices, locale)})`,
			...model.ranked.map((r) =>
				roamingCell(
					r.result.roaming.find((x) => x.country === c.country)?.severity ?? 'none',
					locale
				)
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
			w.paragraph(m.tpdf_roaming_no_exposure({}, o), { size: SIZES.small });
		} else {
			w.list(
				exposed.map((r) => roamingLine(r, 'en')),
				{ style: { size: SIZES.small } }
			);
		}
	}
}
