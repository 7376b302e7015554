-- The state of a collection cycle beyond its returns: the bureau closes a collection (截止，不再
-- 接收) and allows late filing (补报) per school. A row exists while the state holds; reopening
-- a collection or withdrawing an allowance deletes it (the audit log keeps the history).

CREATE TABLE collection_closures (
    collection_id BIGINT PRIMARY KEY REFERENCES collections (id),
    closed_by VARCHAR(64) NOT NULL,
    closed_at BIGINT NOT NULL
);

CREATE TABLE late_allowances (
    school_id BIGINT PRIMARY KEY REFERENCES schools (id),
    allowed_by VARCHAR(64) NOT NULL,
    reason TEXT NOT NULL,
    allowed_at BIGINT NOT NULL
);
