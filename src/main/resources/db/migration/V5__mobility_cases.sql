-- Mobility case registry (procedures.md §2.c–§2.e; §3 UN-SO-08/09; §7 reciprocity and office
-- statistics): one row per student-mobility case (outgoing, incoming, free mover), written by the
-- processes through the bean mobilityCases (co.ori.mobility.MobilityCaseLifecycle) and read by
-- eligibility (applications per period), reciprocity balances and the SNIES statistics export.
-- Portable SQL: runs unchanged on H2 2.x and PostgreSQL 15.
--   id             = the case's business key (e.g. MES-2026-0001);
--   direction      = OUTGOING | INCOMING;
--   free_mover     = true for UNAL free-mover cases (003 Parte 3), outside an agreement;
--   mobility_type  = CESMAG category, UNAL unalModality or UFPS ufpsType of the case;
--   partner_*      = the other institution (host when outgoing, home when incoming);
--   status         = APPLIED, NOT_ELIGIBLE, REJECTED, DISCONTINUED, CANCELLED, ROUTED_TO_FREE_MOVER,
--                    ACCEPTED, IN_PROGRESS, COMPLETED, WITHDRAWN (co.ori.mobility.MobilityCase.Status).
CREATE TABLE mobility_case (
    tenant_id           VARCHAR(64)              NOT NULL,
    id                  VARCHAR(64)              NOT NULL,
    process_instance_id VARCHAR(64),
    process_key         VARCHAR(64)              NOT NULL,
    direction           VARCHAR(16)              NOT NULL,
    free_mover          BOOLEAN                  DEFAULT FALSE NOT NULL,
    person_id           VARCHAR(64)              NOT NULL,
    person_name         VARCHAR(300),
    program_name        VARCHAR(300),
    program_level       VARCHAR(32),
    mobility_type       VARCHAR(64),
    partner_institution VARCHAR(300),
    partner_country     VARCHAR(100),
    scope               VARCHAR(16),
    modality            VARCHAR(16),
    agreement_id        VARCHAR(64),
    call_id             VARCHAR(64),
    target_period       VARCHAR(6),
    start_date          DATE,
    end_date            DATE,
    support_program     VARCHAR(32),
    status              VARCHAR(32)              NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_mobility_case PRIMARY KEY (tenant_id, id),
    CONSTRAINT ck_mobility_case_direction CHECK (direction IN ('OUTGOING', 'INCOMING'))
);

CREATE INDEX ix_mobility_case_person ON mobility_case (tenant_id, person_id, target_period);
CREATE INDEX ix_mobility_case_agreement ON mobility_case (tenant_id, agreement_id, target_period);
