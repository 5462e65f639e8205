-- The open-task count of an instance is split over 16 shards, one row each, so that starts on
-- different shards take their slots without waiting for each other's commits. A shard may hold
-- at most its slots, a part of the quota it was cut from (slots_quota); the slots of all shards sum
-- to at most that quota, so a start that fits its shard's slots fits the quota. Where a shard is
-- full, the start locks every shard, counts them and cuts the free slots anew. A contact counts in
-- the shard named by its open_shard: open_count is the number of such contacts with
-- open_until_ns > counted_until_ns (the same in every shard, moved only with every shard locked),
-- and next_expiry_ns is at most the earliest of their open_until_ns. directory_version follows the
-- guard's, so that a slot taken at a flow's version holds off a change of the flows until the commit.
CREATE TABLE ct_open_shard (
  instance_id       VARCHAR(100) NOT NULL,
  shard             INT NOT NULL,
  open_count        BIGINT NOT NULL,
  counted_until_ns  BIGINT NOT NULL,
  next_expiry_ns    BIGINT NOT NULL,
  slots             BIGINT NOT NULL,
  slots_quota       BIGINT NOT NULL,
  directory_version BIGINT NOT NULL,
  PRIMARY KEY (instance_id, shard)
);
ALTER TABLE ct_contact ADD COLUMN open_shard INT NOT NULL DEFAULT 0;
-- The contacts stored so far count in shard 0, which takes over the guard's count; no shard has
-- slots yet, so the first start cuts them.
INSERT INTO ct_open_shard (instance_id, shard, open_count, counted_until_ns, next_expiry_ns, slots, slots_quota, directory_version)
SELECT g.instance_id, n.shard, CASE WHEN n.shard = 0 THEN g.open_count ELSE 0 END, g.counted_until_ns,
       CASE WHEN n.shard = 0 THEN g.next_expiry_ns ELSE 9223372036854775807 END, 0, 0, g.directory_version
FROM ct_instance_guard g CROSS JOIN (SELECT 0 AS shard UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3
  UNION ALL SELECT 4 UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9
  UNION ALL SELECT 10 UNION ALL SELECT 11 UNION ALL SELECT 12 UNION ALL SELECT 13 UNION ALL SELECT 14 UNION ALL SELECT 15) n;
CREATE INDEX ct_contact_open_shard ON ct_contact (instance_id, open_shard, open_until_ns);
DROP INDEX ct_contact_open_until;
ALTER TABLE ct_instance_guard DROP COLUMN open_count;
ALTER TABLE ct_instance_guard DROP COLUMN counted_until_ns;
ALTER TABLE ct_instance_guard DROP COLUMN next_expiry_ns;
-- Nothing locks the guard row by updating it any more.
ALTER TABLE ct_instance_guard DROP COLUMN transactions;
