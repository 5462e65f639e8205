-- What CreateContactFlow and the template operations are given and DescribeContactFlow and GetTaskTemplate
-- return: a flow's Description, Content and Tags (a JSON object), a template's Description; NULL when not given.
-- A template field's Description lives in fields_json with the field.
ALTER TABLE ct_contact_flow ADD COLUMN description VARCHAR;
ALTER TABLE ct_contact_flow ADD COLUMN content VARCHAR;
ALTER TABLE ct_contact_flow ADD COLUMN tags_json VARCHAR;
ALTER TABLE ct_task_template ADD COLUMN description VARCHAR;
