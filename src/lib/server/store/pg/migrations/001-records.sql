-- Assessments and tenders: one row per record. The body is the record as the app's schema
-- defines it (json, not jsonb: jsonb refuses the \u0000 escape a pasted note may hold). `revision`
-- mirrors the body's, so an operator can see it without parsing.
CREATE TABLE assessments (
	id text PRIMARY KEY,
	revision integer NOT NULL CHECK (revision >= 0),
	body json NOT NULL,
	created_at timestamptz NOT NULL DEFAULT now(),
	updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE tenders (
	id text PRIMARY KEY,
	revision integer NOT NULL CHECK (revision >= 0),
	body json NOT NULL,
	created_at timestamptz NOT NULL DEFAULT now(),
	updated_at timestamptz NOT NULL DEFAULT now()
);

-- Capability links: the SHA-256 of a token (never the token) to what it opens. The primary key
-- makes a token hash unique per kind of link; the record stays the authority on whether it is live.
CREATE TABLE link_tokens (
	kind text NOT NULL CHECK (kind IN ('share', 'respondent', 'comparison')),
	token_hash text NOT NULL CHECK (token_hash ~ '^[A-Za-z0-9_-]{43}$'),
	target json NOT NULL,
	created_at timestamptz NOT NULL DEFAULT now(),
	PRIMARY KEY (kind, token_hash)
);

-- Evidence files' bytes, referred to by id from the tenders' answers.
CREATE TABLE evidence_files (
	id text PRIMARY KEY,
	bytes bytea NOT NULL,
	created_at timestamptz NOT NULL DEFAULT now()
);
