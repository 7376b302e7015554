-- huizong server schema. Portable between SQLite and PostgreSQL: times are epoch milliseconds
-- (BIGINT), flags are SMALLINT 0/1, ids come from the ${autoid} placeholder (SQLite
-- "INTEGER PRIMARY KEY AUTOINCREMENT", PostgreSQL "BIGSERIAL PRIMARY KEY"). Uploaded files live
-- on disk under <data>/files/<sha256>; rows only name them.

CREATE TABLE settings (
    name VARCHAR(64) PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE users (
    id ${autoid},
    username VARCHAR(64) NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    is_admin SMALLINT NOT NULL,
    created_at BIGINT NOT NULL
);

CREATE TABLE sessions (
    token_hash VARCHAR(64) PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users (id),
    csrf_token VARCHAR(64) NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);

CREATE TABLE collections (
    id ${autoid},
    standard_id VARCHAR(64) NOT NULL,
    title TEXT NOT NULL,
    period VARCHAR(8) NOT NULL,
    deadline VARCHAR(10) NOT NULL,
    previous_collection_id BIGINT NULL REFERENCES collections (id),
    previous_file VARCHAR(64) NULL,
    created_by VARCHAR(64) NOT NULL,
    created_at BIGINT NOT NULL
);

CREATE TABLE schools (
    id ${autoid},
    collection_id BIGINT NOT NULL REFERENCES collections (id),
    position INTEGER NOT NULL,
    code VARCHAR(10) NOT NULL,
    name TEXT NOT NULL,
    school_type TEXT NOT NULL,
    township TEXT NOT NULL,
    ownership TEXT NOT NULL,
    UNIQUE (collection_id, code)
);

CREATE TABLE school_links (
    id ${autoid},
    school_id BIGINT NOT NULL REFERENCES schools (id),
    secret_hash VARCHAR(64) NOT NULL UNIQUE,
    created_at BIGINT NOT NULL,
    revoked_at BIGINT NULL
);

CREATE INDEX school_links_school ON school_links (school_id);

-- One row per uploaded file that the reader accepted as this school's return; never updated
-- except verdict/findings when the school adds a 说明 for a warning.
CREATE TABLE return_versions (
    id ${autoid},
    school_id BIGINT NOT NULL REFERENCES schools (id),
    version_no INTEGER NOT NULL,
    file_sha256 VARCHAR(64) NOT NULL,
    file_name TEXT NOT NULL,
    file_size BIGINT NOT NULL,
    uploaded_by TEXT NOT NULL,
    uploaded_at BIGINT NOT NULL,
    channel VARCHAR(16) NOT NULL,
    verdict VARCHAR(16) NOT NULL,
    errors INTEGER NOT NULL,
    warnings INTEGER NOT NULL,
    unexplained INTEGER NOT NULL,
    findings_json TEXT NOT NULL,
    UNIQUE (school_id, version_no)
);

CREATE TABLE explanations (
    version_id BIGINT NOT NULL REFERENCES return_versions (id),
    rule_id VARCHAR(128) NOT NULL,
    text TEXT NOT NULL,
    source VARCHAR(16) NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (version_id, rule_id)
);

CREATE TABLE reviews (
    id ${autoid},
    version_id BIGINT NOT NULL REFERENCES return_versions (id),
    decision VARCHAR(16) NOT NULL,
    reason TEXT NOT NULL,
    reviewer VARCHAR(64) NOT NULL,
    created_at BIGINT NOT NULL
);

CREATE INDEX reviews_version ON reviews (version_id);

CREATE TABLE audit_log (
    id ${autoid},
    at BIGINT NOT NULL,
    actor TEXT NOT NULL,
    action VARCHAR(64) NOT NULL,
    collection_id BIGINT NULL,
    school_id BIGINT NULL,
    detail TEXT NOT NULL
);

CREATE INDEX audit_log_collection ON audit_log (collection_id);
