-- Sprint progress read model (docs/progress.md). Fed by the progress worker from Zeebe execution
-- listeners; sprints are registered here when they are started, so they survive a restart of the
-- service. Portable SQL: PostgreSQL and H2 in PostgreSQL mode (no reserved words as names).

-- One row per sprint: started through POST /api/sprints (from_plan = true, with the plan snapshot)
-- or first seen in a progress event of a sprint this service did not start (from_plan = false).
CREATE TABLE sprint (
    sprint_id              VARCHAR(200) PRIMARY KEY,
    plan_id                VARCHAR(200),
    plan_name              VARCHAR(500),
    bpmn_process_id        VARCHAR(300),
    process_version        INTEGER,
    process_definition_key BIGINT,
    process_instance_key   BIGINT,
    -- The plan as documented in docs/plan.schema.json: tasks with estimates and dependencies, gates.
    plan_json              TEXT,
    bpmn_xml               TEXT,
    sprint_state           VARCHAR(20)  NOT NULL,
    started_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    ended_at               TIMESTAMP WITH TIME ZONE,
    from_plan              BOOLEAN      NOT NULL
);
CREATE INDEX sprint_started ON sprint (started_at);

-- One row per task of a sprint: the plan's facts (title, estimate) and the projected state.
-- last_event_key/last_event_rank order the events applied so far (element instance key, then
-- start before end), so a late event never moves a task back.
CREATE TABLE sprint_task (
    sprint_id           VARCHAR(200) NOT NULL REFERENCES sprint (sprint_id) ON DELETE CASCADE,
    task_id             VARCHAR(200) NOT NULL,
    plan_position       INTEGER      NOT NULL,
    title               VARCHAR(500) NOT NULL,
    worker_kind         VARCHAR(200),
    estimate_seconds    BIGINT,
    task_state          VARCHAR(20)  NOT NULL,
    tier                VARCHAR(20),
    started_at          TIMESTAMP WITH TIME ZONE,
    finished_at         TIMESTAMP WITH TIME ZONE,
    state_changed_at    TIMESTAMP WITH TIME ZONE,
    attempts            INTEGER      NOT NULL DEFAULT 0,
    reviewers           VARCHAR(500),
    review_requested_at TIMESTAMP WITH TIME ZONE,
    review_decision     VARCHAR(50),
    review_comment      VARCHAR(2000),
    reviewed_at         TIMESTAMP WITH TIME ZONE,
    rework_count        INTEGER      NOT NULL DEFAULT 0,
    error_code          VARCHAR(200),
    error_message       VARCHAR(2000),
    triage_decision     VARCHAR(50),
    triage_comment      VARCHAR(2000),
    last_event_key      BIGINT       NOT NULL DEFAULT 0,
    last_event_rank     INTEGER      NOT NULL DEFAULT 0,
    PRIMARY KEY (sprint_id, task_id)
);

-- Verification gates of a sprint (user tasks of the sprint process).
CREATE TABLE sprint_gate (
    sprint_id        VARCHAR(200) NOT NULL REFERENCES sprint (sprint_id) ON DELETE CASCADE,
    gate_id          VARCHAR(200) NOT NULL,
    plan_position    INTEGER      NOT NULL,
    title            VARCHAR(500) NOT NULL,
    gate_state       VARCHAR(20)  NOT NULL,
    opened_at        TIMESTAMP WITH TIME ZONE,
    decided_at       TIMESTAMP WITH TIME ZONE,
    decision         VARCHAR(50),
    decision_comment VARCHAR(2000),
    last_event_key   BIGINT       NOT NULL DEFAULT 0,
    last_event_rank  INTEGER      NOT NULL DEFAULT 0,
    PRIMARY KEY (sprint_id, gate_id)
);

-- Every listener event recorded, once: the key is the element instance and the event type, so a
-- job that is retried, or completed after its timeout by a second worker, is recorded once.
CREATE TABLE progress_event (
    element_instance_key BIGINT       NOT NULL,
    event_type           VARCHAR(10)  NOT NULL,
    job_key              BIGINT       NOT NULL,
    sprint_id            VARCHAR(200) NOT NULL,
    subject_kind         VARCHAR(10)  NOT NULL,
    subject_id           VARCHAR(200),
    bpmn_process_id      VARCHAR(300) NOT NULL,
    element_id           VARCHAR(300) NOT NULL,
    process_instance_key BIGINT       NOT NULL,
    recorded_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (element_instance_key, event_type)
);
CREATE INDEX progress_event_sprint ON progress_event (sprint_id, recorded_at);
