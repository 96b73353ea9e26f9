/** File names for the simulation's downloads: readable, safe on every system, never an id. */
export function fileSlug(title: string): string {
	const slug = title
		.normalize('NFD')
		.replace(/\p{Diacritic}/gu, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 60)
		.replace(/-+$/, '');
	return slug || 'fleet';
}

export const dailyCsvName = (title: string, seed: number) =>
	`${fileSlug(title)}-simulation-daily-seed-${seed}.csv`;

/** `day` as the page shows it: day 1 is the deployment day. */
export const inventoryCsvName = (title: string, which: 'assessed' | 'recommended', day: number) =>
	`${fileSlug(title)}-inventory-${which}-day-${day}.csv`;
