-- Bumped, under the guard's lock, by every change to the instance's contact flows: a process may
-- reuse a flow it read earlier while the version it holds the guard at is the one it read it at.
ALTER TABLE ct_instance_guard ADD COLUMN directory_version BIGINT NOT NULL DEFAULT 0;
