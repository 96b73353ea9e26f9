import { randomBytes } from 'node:crypto';

/** 128 random bits, base64url: unguessable, URL-safe, 22 characters. */
export function newId(): string {
	return randomBytes(16).toString('base64url');
}

const ID_PATTERN = /^[A-Za-z0-9_-]{22}$/;

/** Rejects anything that is not an id before it reaches the file system. */
export function isValidId(value: string): boolean {
	return ID_PATTERN.test(value);
}
