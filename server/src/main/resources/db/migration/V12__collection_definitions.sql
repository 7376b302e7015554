-- Collection definitions a bureau uploads (issue 12): every version kept, the file itself in
-- the file store by its SHA-256. A task names one by "<collection id>@<version>" in
-- collections.standard_id; a built-in collection by its id alone.
CREATE TABLE collection_definitions (
    id ${autoid},
    standard_id VARCHAR(64) NOT NULL,
    version INTEGER NOT NULL,
    title TEXT NOT NULL,
    period_kind VARCHAR(16) NOT NULL,
    structure_hash VARCHAR(32) NOT NULL,
    file_name TEXT NOT NULL,
    file_sha VARCHAR(64) NOT NULL,
    uploaded_by VARCHAR(64) NOT NULL,
    uploaded_at BIGINT NOT NULL,
    UNIQUE (standard_id, version)
);
