-- The open-task count of an instance, kept in its guard row so that StartTaskContact need not count
-- the instance's rows: open_count is the number of its contacts with open_until_ns > counted_until_ns,
-- and next_expiry_ns is at most the earliest such open_until_ns, so that a count at a time before it
-- needs no query. The defaults make the first count after this migration recount everything.
ALTER TABLE ct_instance_guard ADD COLUMN open_count BIGINT NOT NULL DEFAULT 0;
ALTER TABLE ct_instance_guard ADD COLUMN counted_until_ns BIGINT NOT NULL DEFAULT -9223372036854775807;
ALTER TABLE ct_instance_guard ADD COLUMN next_expiry_ns BIGINT NOT NULL DEFAULT -9223372036854775807;
UPDATE ct_instance_guard SET open_count = (SELECT COUNT(*) FROM ct_contact c
  WHERE c.instance_id = ct_instance_guard.instance_id AND c.open_until_ns IS NOT NULL);
