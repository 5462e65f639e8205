-- SearchContacts reads a time range of one instance's contacts by initiation time.
CREATE INDEX ct_contact_initiated ON ct_contact (instance_id, initiated_ns);
