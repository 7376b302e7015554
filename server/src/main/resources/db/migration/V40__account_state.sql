-- Issue 15: accounts an administrator can disable, and each account's last sign-in.
ALTER TABLE users ADD COLUMN disabled SMALLINT NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN last_login_at BIGINT NULL;
