import type { z } from 'zod';
import type { TokenIndex } from '../token-index';
import type { Database } from './database';

const HASH_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** The kinds of capability link, as migration 001's CHECK lists them. */
export type LinkKind = 'share' | 'respondent' | 'comparison';

/** Two different targets under one token hash: never overwritten, whatever the caller meant. */
export class TokenHashTakenError extends Error {
	constructor(kind: LinkKind) {
		super(`A ${kind} link with this token hash already exists`);
		this.name = 'TokenHashTakenError';
	}
}

/**
 * The token index in `link_tokens`: the primary key (kind, token_hash) makes a hash unique, so a
 * second put of the same hash is accepted only when it names the same target (an import that is
 * run twice) and refused when it would redirect a live link.
 */
export function createPgTokenIndex<T extends object>(
	db: Database,
	kind: LinkKind,
	schema: z.ZodType<T>
): TokenIndex<T> {
	return {
		async put(tokenHash, entry) {
			if (!HASH_PATTERN.test(tokenHash)) throw new Error('invalid token hash');
			const target = JSON.stringify(schema.parse(entry));
			const { rowCount } = await db.query(
				`INSERT INTO link_tokens (kind, token_hash, target) VALUES ($1, $2, $3::json)
				 ON CONFLICT (kind, token_hash) DO NOTHING`,
				[kind, tokenHash, target]
			);
			if (rowCount === 1) return;
			const existing = await this.get(tokenHash);
			if (JSON.stringify(existing) !== target) throw new TokenHashTakenError(kind);
		},
		async get(tokenHash) {
			if (!HASH_PATTERN.test(tokenHash)) return null;
			const { rows } = await db.query<{ target: unknown }>(
				'SELECT target FROM link_tokens WHERE kind = $1 AND token_hash = $2',
				[kind, tokenHash]
			);
			if (!rows[0]) return null;
			const parsed = schema.safeParse(rows[0].target);
			return parsed.success ? parsed.data : null;
		}
	};
}
