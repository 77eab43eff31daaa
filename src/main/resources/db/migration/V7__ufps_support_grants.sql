-- UFPS complementary economic supports (procedures.md §7.1-7.2; 004 art. 24-34): one row per
-- support approved by the Comité Administrativo (ufps_support_grant) and its instalments
-- (ufps_support_payment), written by processes/ufps-financial-support.bpmn through
-- co.ori.mobility.funding.JdbcSupportGrantRegistry. F2 reads the grants for exclusion U8
-- (004 art. 32 par. 2: support already received from a UFPS international semester programme).
-- Portable SQL: runs unchanged on H2 2.x and PostgreSQL 15.
--   id                     = the support case's business key (the mobility case's, when called from it);
--   semester_international = outgoing international semester mobility (U8 counts only these);
--   status                 = GRANTED (paying), PAID (closed), LOST (art. 34), WITHDRAWN (mobility withdrawn);
--   amounts in pesos (COP), whole.
CREATE TABLE ufps_support_grant (
    tenant_id              VARCHAR(64)              NOT NULL,
    id                     VARCHAR(64)              NOT NULL,
    process_instance_id    VARCHAR(64),
    person_id              VARCHAR(64)              NOT NULL,
    person_name            VARCHAR(300),
    support_program        VARCHAR(32)              NOT NULL,
    direction              VARCHAR(16)              NOT NULL,
    scope                  VARCHAR(16),
    mobility_type          VARCHAR(64),
    semester_international BOOLEAN                  DEFAULT FALSE NOT NULL,
    target_period          VARCHAR(6),
    agreement_id           VARCHAR(64),
    partner_country        VARCHAR(100),
    region                 VARCHAR(32),
    support_start          DATE                     NOT NULL,
    support_end            DATE                     NOT NULL,
    approved_amount        DECIMAL(15, 2)           NOT NULL,
    paid_amount            DECIMAL(15, 2)           DEFAULT 0 NOT NULL,
    status                 VARCHAR(16)              NOT NULL,
    loss_cause             INTEGER,
    refund_amount          DECIMAL(15, 2),
    refund_ref             VARCHAR(1000),
    created_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_ufps_support_grant PRIMARY KEY (tenant_id, id),
    CONSTRAINT ck_ufps_support_grant_status CHECK (status IN ('GRANTED', 'PAID', 'LOST', 'WITHDRAWN'))
);

CREATE INDEX ix_ufps_support_grant_person ON ufps_support_grant (tenant_id, person_id);

CREATE TABLE ufps_support_payment (
    tenant_id       VARCHAR(64)    NOT NULL,
    grant_id        VARCHAR(64)    NOT NULL,
    number          INTEGER        NOT NULL,
    concept         VARCHAR(16)    NOT NULL,
    due_date        DATE           NOT NULL,
    covered_from    DATE,
    covered_to      DATE,
    month_fraction  DECIMAL(9, 6),
    smmlv_year      INTEGER,
    smmlv           DECIMAL(15, 2),
    amount          DECIMAL(15, 2) NOT NULL,
    status          VARCHAR(16)    NOT NULL,
    paid_on         DATE,
    payment_ref     VARCHAR(1000),
    CONSTRAINT pk_ufps_support_payment PRIMARY KEY (tenant_id, grant_id, number),
    CONSTRAINT fk_ufps_support_payment_grant FOREIGN KEY (tenant_id, grant_id)
        REFERENCES ufps_support_grant (tenant_id, id) ON DELETE CASCADE,
    CONSTRAINT ck_ufps_support_payment_status CHECK (status IN ('SCHEDULED', 'PAID', 'CANCELLED'))
);
