-- A deleted instance keeps its row, as a tombstone: deleted_ns is when it was deleted, and
-- deletion_token the ClientToken of that DeleteInstance, so a retry with it answers as the first
-- call did. Everything stored under the instance is deleted with it.
ALTER TABLE ct_instance ADD COLUMN deleted_ns BIGINT;
ALTER TABLE ct_instance ADD COLUMN deletion_token VARCHAR(500);
