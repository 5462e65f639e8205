-- connect-tasks schema, mariadb
-- Instances never change once created.
CREATE TABLE ct_instance (
  instance_id     VARCHAR(100) PRIMARY KEY,
  instance_alias  VARCHAR(100),
  created_ns      BIGINT NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;

-- One row per instance whose contacts are stored; every contact transaction updates it first,
-- which serialises the transactions of one instance across all processes.
CREATE TABLE ct_instance_guard (
  instance_id     VARCHAR(100) PRIMARY KEY,
  transactions    BIGINT NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;

CREATE TABLE ct_contact_flow (
  instance_id     VARCHAR(100) NOT NULL,
  contact_flow_id VARCHAR(256) NOT NULL,
  name            TEXT NOT NULL,
  flow_type       VARCHAR(40) NOT NULL,
  flow_state      VARCHAR(20) NOT NULL,
  flow_status     VARCHAR(20) NOT NULL,
  PRIMARY KEY (instance_id, contact_flow_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;

CREATE TABLE ct_quick_connect (
  instance_id      VARCHAR(100) NOT NULL,
  quick_connect_id VARCHAR(256) NOT NULL,
  name             TEXT NOT NULL,
  quick_connect_type VARCHAR(20) NOT NULL,
  target           TEXT,
  contact_flow_id  VARCHAR(256),
  PRIMARY KEY (instance_id, quick_connect_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;

CREATE TABLE ct_task_template (
  instance_id      VARCHAR(100) NOT NULL,
  task_template_id VARCHAR(256) NOT NULL,
  name             TEXT NOT NULL,
  contact_flow_id  VARCHAR(256),
  fields_json      MEDIUMTEXT NOT NULL,
  constraints_json MEDIUMTEXT NOT NULL,
  defaults_json    MEDIUMTEXT NOT NULL,
  template_status  VARCHAR(20) NOT NULL,
  template_version INT NOT NULL,
  PRIMARY KEY (instance_id, task_template_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;

-- open_until_ns is the expiry of a task that is not stopped, NULL otherwise: the open-task count
-- at time t is the number of the instance's rows with open_until_ns > t.
CREATE TABLE ct_contact (
  instance_id         VARCHAR(100) NOT NULL,
  contact_id          VARCHAR(256) NOT NULL,
  channel             VARCHAR(10) NOT NULL,
  initiation_method   VARCHAR(40) NOT NULL,
  name                TEXT NOT NULL,
  description         TEXT,
  references_json     MEDIUMTEXT NOT NULL,
  flow_id             VARCHAR(256),
  flow_source         VARCHAR(20),
  flow_source_id      VARCHAR(256),
  template_version    INT,
  previous_contact_id VARCHAR(256),
  related_contact_id  VARCHAR(256),
  initial_contact_id  VARCHAR(256) NOT NULL,
  initiated_ns        BIGINT NOT NULL,
  scheduled_ns        BIGINT,
  expiry_duration_ns  BIGINT,
  stopped_ns          BIGINT,
  client_token        VARCHAR(500),
  reschedule_count    INT NOT NULL,
  open_until_ns       BIGINT,
  PRIMARY KEY (instance_id, contact_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;
CREATE INDEX ct_contact_previous ON ct_contact (instance_id, previous_contact_id);
CREATE INDEX ct_contact_open_until ON ct_contact (instance_id, open_until_ns);

-- The attributes every contact of one chain (or one related copy) shares, as one JSON object.
CREATE TABLE ct_scope (
  instance_id     VARCHAR(100) NOT NULL,
  scope_id        VARCHAR(256) NOT NULL,
  attributes_json MEDIUMTEXT NOT NULL,
  PRIMARY KEY (instance_id, scope_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;

CREATE TABLE ct_client_token (
  instance_id     VARCHAR(100) NOT NULL,
  client_token    VARCHAR(500) NOT NULL,
  fingerprint     MEDIUMTEXT NOT NULL,
  contact_id      VARCHAR(256) NOT NULL,
  created_ns      BIGINT NOT NULL,
  PRIMARY KEY (instance_id, client_token)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;

CREATE TABLE ct_rate_bucket (
  bucket_key      VARCHAR(700) PRIMARY KEY,
  available_ns    BIGINT NOT NULL,
  updated_ns      BIGINT NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;
