-- Baseline of the service's own schema: which Sprintflow schema this database holds, so an
-- operator can tell a Sprintflow database from any other at a glance. Feature tables follow in
-- their own version ranges (docs/database.md). ("value" is reserved in H2, hence setting_value.)
CREATE TABLE sprintflow_info (
    setting_name  VARCHAR(100) PRIMARY KEY,
    setting_value VARCHAR(400) NOT NULL
);
INSERT INTO sprintflow_info (setting_name, setting_value) VALUES ('schema', 'sprintflow-service');
