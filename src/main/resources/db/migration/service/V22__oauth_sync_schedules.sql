-- Scheduled syncs (bpmn/oauth-sync-schedule.bpmn): at most one running schedule per connection.
CREATE TABLE oauth_sync_schedule (
    connection_id        VARCHAR(64)  PRIMARY KEY REFERENCES oauth_connection (id) ON DELETE CASCADE,
    process_instance_key BIGINT       NOT NULL,
    sync_interval        VARCHAR(50)  NOT NULL,
    sync_options         VARCHAR(4000),
    started_at           TIMESTAMP WITH TIME ZONE NOT NULL
);
