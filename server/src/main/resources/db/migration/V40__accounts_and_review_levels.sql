-- Issue 15: accounts that can be disabled, the last sign-in, and reviewers scoped to townships.
ALTER TABLE users ADD COLUMN disabled SMALLINT NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN last_login_at BIGINT NULL;

-- A reviewer (乡镇/学区 level) first-approves only the schools of these townships; staff
-- without a row here work at county level.
CREATE TABLE user_townships (
    user_id BIGINT NOT NULL REFERENCES users (id),
    township VARCHAR(200) NOT NULL,
    PRIMARY KEY (user_id, township)
);
