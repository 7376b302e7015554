-- School access codes (issue 15): a school signs in with its 学校标识码 and an 8-character
-- access code that stays valid across collections until the bureau resets or revokes it. Only
-- a PBKDF2 hash of the code is kept; a reset replaces the row, a revocation deletes it (the
-- audit log keeps the history).
CREATE TABLE school_access (
    school_code VARCHAR(64) PRIMARY KEY,
    code_hash TEXT NOT NULL,
    issued_by VARCHAR(64) NOT NULL,
    issued_at BIGINT NOT NULL
);

-- A school signed in by code reaches its page in one collection through a session secret that
-- works like a link secret (/s/<secret>, the API's secret header) until it expires.
CREATE TABLE school_sessions (
    secret_hash VARCHAR(64) PRIMARY KEY,
    school_id BIGINT NOT NULL REFERENCES schools (id),
    expires_at BIGINT NOT NULL
);
