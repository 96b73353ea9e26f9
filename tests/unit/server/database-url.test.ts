import { describe, expect, it } from 'vitest';
import { withoutPassword } from '../../../src/lib/server/store/index';

describe('a database URL as logs and the data CLI print it', () => {
	it('hides the password in the user part', () => {
		expect(withoutPassword('postgres://radar:s3cret@db.example.com:5432/radar')).toBe(
			'postgres://radar:***@db.example.com:5432/radar'
		);
	});

	it('hides a password given as a query parameter, as node-postgres also reads it', () => {
		const shown = withoutPassword(
			'postgres://radar@db.example.com/radar?sslmode=require&password=s3cret&sslpassword=k3y'
		);
		expect(shown).not.toContain('s3cret');
		expect(shown).not.toContain('k3y');
		expect(shown).toContain('sslmode=require');
	});

	it('says nothing of a string it cannot read', () => {
		expect(withoutPassword('not a url with s3cret')).toBe('the database in DATABASE_URL');
	});
});
