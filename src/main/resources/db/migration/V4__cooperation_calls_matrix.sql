-- Calls matrix of the Alcaldía de Pasto (matriz de convocatorias, procedures.md §1.2 and §2.b;
-- 001 tasks 1, 2, 6, 7): one row per cooperation call, created at step P1 of
-- pasto-cooperation-strategy and kept up to date by the process (co.ori.cooperation.CooperationLifecycle).
-- Read over GET /api/tenants/{tenant}/calls for tenants that run that procedure, exported as CSV/XLSX.
-- Portable SQL: runs unchanged on H2 2.x and PostgreSQL 15.
--   id          = the case's business key (COOP-<year>-<seq>);
--   status      = where the call is in the matrix: IDENTIFIED, VALIDATED, DISCARDED, SUBMITTED,
--                 AWARDED, NOT_AWARDED, CLOSED, MISSED;
--   outcome     = how the case ended (end event of §2.b.2), null while the case runs:
--                 NOT_APPLIED, CALL_NOT_PURSUED, NO_PARTICIPATION, DEADLINE_MISSED, NOT_AWARDED, PROJECT_CLOSED.
CREATE TABLE cooperation_call (
    tenant_id           VARCHAR(64)              NOT NULL,
    id                  VARCHAR(64)              NOT NULL,
    title               VARCHAR(500)             NOT NULL,
    cooperant           VARCHAR(300)             NOT NULL,
    cooperant_country   VARCHAR(100),
    info_source         VARCHAR(32)              NOT NULL,
    call_url            VARCHAR(1000),
    opening_date        DATE,
    closing_date        DATE                     NOT NULL,
    resources_amount    DECIMAL(19, 2)           NOT NULL,
    currency            VARCHAR(3)               NOT NULL,
    eligible_actors     VARCHAR(4000)            NOT NULL,
    expected_impact     VARCHAR(4000)            NOT NULL,
    support_type        VARCHAR(32)              NOT NULL,
    priority_score      INTEGER                  NOT NULL,
    request_origin      VARCHAR(32),
    status              VARCHAR(32)              NOT NULL,
    outcome             VARCHAR(32),
    outcome_notes       VARCHAR(4000),
    lead_dependency     VARCHAR(300),
    submission_channel  VARCHAR(16),
    submission_ref      VARCHAR(1000),
    submission_date     DATE,
    process_instance_id VARCHAR(64),
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_cooperation_call PRIMARY KEY (tenant_id, id),
    CONSTRAINT ck_cooperation_call_priority CHECK (priority_score BETWEEN 1 AND 5),
    CONSTRAINT ck_cooperation_call_amount CHECK (resources_amount >= 0),
    CONSTRAINT ck_cooperation_call_dates CHECK (opening_date IS NULL OR closing_date >= opening_date),
    CONSTRAINT ck_cooperation_call_status CHECK (status IN ('IDENTIFIED', 'VALIDATED', 'DISCARDED',
        'SUBMITTED', 'AWARDED', 'NOT_AWARDED', 'CLOSED', 'MISSED'))
);

CREATE INDEX ix_cooperation_call_closing ON cooperation_call (tenant_id, closing_date);
