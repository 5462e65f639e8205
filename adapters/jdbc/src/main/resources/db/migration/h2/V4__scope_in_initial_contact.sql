-- The attributes a chain (or a related copy) shares now live in the row of its initial contact:
-- every scope is keyed by the id of a contact of the same instance, and a new chain then costs one
-- row instead of two (one index entry fewer, one statement fewer). NULL: the scope has no attributes.
ALTER TABLE ct_contact ADD COLUMN attributes_json VARCHAR;
UPDATE ct_contact SET attributes_json = (SELECT s.attributes_json FROM ct_scope s
  WHERE s.instance_id = ct_contact.instance_id AND s.scope_id = ct_contact.contact_id);
DROP TABLE ct_scope;
