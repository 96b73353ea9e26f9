import { slugify } from '../report/filename';

/** File names for the simulation's downloads: readable, safe on every system, never an id. */
export const fileSlug = (title: string) => slugify(title, 'fleet');

export const dailyCsvName = (title: string, seed: number) =>
	`${fileSlug(title)}-simulation-daily-seed-${seed}.csv`;

/** `day` as the page shows it: day 1 is the deployment day. */
export const inventoryCsvName = (title: string, which: 'assessed' | 'recommended', day: number) =>
	`${fileSlug(title)}-inventory-${which}-day-${day}.csv`;
