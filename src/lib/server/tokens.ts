import { createHash, randomBytes } from 'node:crypto';

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{22}$/;

/** A share token: 128 random bits from the CSPRNG, base64url (22 characters). */
export function newShareToken(): string {
	return randomBytes(16).toString('base64url');
}

/** What is stored instead of the token: a copy of the data reveals no working link. */
export function hashToken(token: string): string {
	return createHash('sha256').update(token, 'utf8').digest('base64url');
}

export function looksLikeToken(value: string): boolean {
	return TOKEN_PATTERN.test(value);
}
