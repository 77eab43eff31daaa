-- Numbering of case business keys (AGR-2026-0001): one row per tenant, prefix and year.
CREATE TABLE business_key_sequence (
  tenant_id  VARCHAR(64) NOT NULL,
  prefix     VARCHAR(16) NOT NULL,
  seq_year   INTEGER     NOT NULL,
  last_value INTEGER     NOT NULL,
  CONSTRAINT pk_business_key_sequence PRIMARY KEY (tenant_id, prefix, seq_year)
);
