-- How often UpdateContactTaskTemplate changed a task's template (at most 5).
ALTER TABLE ct_contact ADD COLUMN template_changes INT NOT NULL DEFAULT 0;
