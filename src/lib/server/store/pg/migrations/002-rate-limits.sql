-- Rate limits shared by every app server: one token bucket per purpose and client (key
-- "<bucket> <client>"), as the single-server limiter keeps in memory. `tokens` left at
-- `updated_ms` (the database's clock, in ms since the epoch, so servers with skewed clocks agree);
-- `granted`: whether the last take got a token, what the take's RETURNING reports. A row idle for
-- an hour is full again, the same as no row: those are deleted now and then.
CREATE TABLE rate_limit_buckets (
	key text PRIMARY KEY,
	tokens double precision NOT NULL CHECK (tokens >= 0),
	updated_ms bigint NOT NULL,
	granted boolean NOT NULL
);
