-- Registries of procedures.md §0.3 (application tables, not Camunda tables):
-- agreement registry (§2.a.4), call registry (convocatorias, §0.3) and bans registry (§6.4).
-- Portable SQL: runs unchanged on H2 2.x and PostgreSQL 15 (no vendor types or functions).
-- Ids are per tenant, so every primary key starts with tenant_id. Generated ids come from
-- business_key_sequence (V3, co.ori.support.BusinessKeys): CNV-2026-0001, CALL-2026-0001, BAN-2026-0001.

-- Agreement registry, base de datos de convenios y alianzas (procedures.md §2.a.4; 000 §5.1).
-- valid_from/valid_until are inclusive; valid_until is null when indefinite.
CREATE TABLE agreement (
    tenant_id                  VARCHAR(64)              NOT NULL,
    id                         VARCHAR(64)              NOT NULL,
    instrument_type            VARCHAR(32)              NOT NULL,
    specific_purpose           VARCHAR(32),
    parent_agreement_id        VARCHAR(64),
    renewal_of                 VARCHAR(64),
    partner_name               VARCHAR(300)             NOT NULL,
    partner_country            VARCHAR(100)             NOT NULL,
    partner_city               VARCHAR(100),
    scope                      VARCHAR(16)              NOT NULL,
    responsible_unit           VARCHAR(200),
    signed_date                DATE,
    valid_from                 DATE,
    valid_until                DATE,
    indefinite                 BOOLEAN                  DEFAULT FALSE NOT NULL,
    auto_renewal               BOOLEAN                  DEFAULT FALSE NOT NULL,
    status                     VARCHAR(32)              NOT NULL,
    mobility_places_per_period INTEGER,
    network                    BOOLEAN                  DEFAULT FALSE NOT NULL,
    process_instance_id        VARCHAR(64),
    created_at                 TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at                 TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_agreement PRIMARY KEY (tenant_id, id),
    CONSTRAINT ck_agreement_validity CHECK (valid_until IS NULL OR valid_from IS NULL OR valid_until >= valid_from),
    CONSTRAINT ck_agreement_places CHECK (mobility_places_per_period IS NULL OR mobility_places_per_period >= 0)
);

CREATE INDEX ix_agreement_partner ON agreement (tenant_id, partner_name);

-- Call registry, convocatorias (procedures.md §0.3): a mobility start refers to a call by callId.
-- target_period is YYYY-1 or YYYY-2; overrides is a JSON object (text).
CREATE TABLE mobility_call (
    tenant_id           VARCHAR(64)              NOT NULL,
    id                  VARCHAR(64)              NOT NULL,
    host_institution    VARCHAR(300)             NOT NULL,
    host_country        VARCHAR(100)             NOT NULL,
    target_period       VARCHAR(6)               NOT NULL,
    places              INTEGER                  NOT NULL,
    opening_date        DATE                     NOT NULL,
    closing_date        DATE                     NOT NULL,
    agreement_id        VARCHAR(64),
    nomination_deadline DATE,
    description         VARCHAR(4000),
    overrides           VARCHAR(4000),
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_mobility_call PRIMARY KEY (tenant_id, id),
    CONSTRAINT fk_mobility_call_agreement FOREIGN KEY (tenant_id, agreement_id) REFERENCES agreement (tenant_id, id),
    CONSTRAINT ck_mobility_call_places CHECK (places >= 0),
    CONSTRAINT ck_mobility_call_dates CHECK (closing_date >= opening_date)
);

-- Bans / sanctions registry, mobility-bans (procedures.md §6.4).
-- Period-based (banned_periods = comma-separated YYYY-n), date-based (ban_until, exclusive:
-- banned while date < ban_until) or open-ended (both null). Lifted when lifted_at is set.
CREATE TABLE mobility_ban (
    tenant_id           VARCHAR(64)              NOT NULL,
    id                  VARCHAR(64)              NOT NULL,
    person_id           VARCHAR(64)              NOT NULL,
    scope               VARCHAR(32)              NOT NULL,
    banned_periods      VARCHAR(200),
    ban_until           DATE,
    source_rule         VARCHAR(200),
    process_instance_id VARCHAR(64),
    reason              VARCHAR(4000),
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    lifted_at           TIMESTAMP WITH TIME ZONE,
    lift_reason         VARCHAR(4000),
    CONSTRAINT pk_mobility_ban PRIMARY KEY (tenant_id, id),
    CONSTRAINT ck_mobility_ban_kind CHECK (banned_periods IS NULL OR ban_until IS NULL)
);

CREATE INDEX ix_mobility_ban_person ON mobility_ban (tenant_id, person_id);
