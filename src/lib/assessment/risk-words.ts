/** How an answer's risk reads to a buyer, the same on every page and in every sentence. */
export type RiskBand = 'flexible' | 'some' | 'locking';

export function riskBand(risk: number): RiskBand {
	return risk <= 0.2 ? 'flexible' : risk < 0.6 ? 'some' : 'locking';
}
