-- The per-chain reading of the link limit counts the linked tasks of a chain: those with its
-- InitialContactId and a PreviousContactId.
CREATE INDEX ct_contact_initial ON ct_contact (instance_id, initial_contact_id);
