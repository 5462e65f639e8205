-- Tags of an instance's taggable things, one row of JSON a key: 'instance', 'contact-flow/<id>',
-- 'transfer-destination/<id>', 'task-template/<id>' or 'contact/<id>'. A change locks its row.
CREATE TABLE ct_tag (
  instance_id VARCHAR(100) NOT NULL,
  tag_key     VARCHAR(600) NOT NULL,
  tags_json   MEDIUMTEXT NOT NULL,
  PRIMARY KEY (instance_id, tag_key)
)${table_options};
