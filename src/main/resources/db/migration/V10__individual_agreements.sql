-- Individual specific agreements of UNAL free movers (procedures.md §2.e.2 FI5-FI7, §5 T06;
-- 003 Parte 3 §6.d, §7 and Anexo 1): each one is a row of the agreement registry (V1, instrument
-- CONVENIO_ESPECIFICO, purpose MOVILIDAD, valid one academic period; an extension is a new row
-- with renewal_of = the previous one) and, here, the person and case it was signed for. Lookups of
-- agreements "in force with an institution" leave these out: they do not cover other students.
-- Portable SQL (H2 2.x and PostgreSQL 15).
CREATE TABLE individual_agreement (
    tenant_id           VARCHAR(64)              NOT NULL,
    agreement_id        VARCHAR(64)              NOT NULL,
    case_id             VARCHAR(64)              NOT NULL,
    person_id           VARCHAR(64)              NOT NULL,
    extension_number    INTEGER                  NOT NULL,
    process_instance_id VARCHAR(64),
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_individual_agreement PRIMARY KEY (tenant_id, agreement_id),
    CONSTRAINT fk_individual_agreement FOREIGN KEY (tenant_id, agreement_id) REFERENCES agreement (tenant_id, id),
    CONSTRAINT uq_individual_agreement_case UNIQUE (tenant_id, case_id, extension_number),
    CONSTRAINT ck_individual_agreement_extension CHECK (extension_number >= 0 AND extension_number <= 1)
);

CREATE INDEX ix_individual_agreement_person ON individual_agreement (tenant_id, person_id);
