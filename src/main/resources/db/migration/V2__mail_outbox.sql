-- Outbox of the notification e-mails (co.ori.notification.SmtpMailService).
-- Every mail a procedure sends is recorded here, in the engine's transaction:
--   LOGGED = no SMTP server configured (spring.mail.host unset): recorded and logged only;
--   SENT   = accepted by the SMTP server (sent_at set).
-- Portable SQL: runs on H2 2.x and PostgreSQL 15. The id is a UUID generated in Java.
CREATE TABLE mail_outbox (
    id           VARCHAR(36)              NOT NULL,
    tenant_id    VARCHAR(64),
    business_key VARCHAR(255),
    template     VARCHAR(100)             NOT NULL,
    recipients   VARCHAR(4000)            NOT NULL,
    subject      VARCHAR(1000)            NOT NULL,
    body         VARCHAR(100000)          NOT NULL,
    status       VARCHAR(10)              NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at      TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_mail_outbox PRIMARY KEY (id),
    CONSTRAINT ck_mail_outbox_status CHECK (status IN ('LOGGED', 'SENT')),
    CONSTRAINT ck_mail_outbox_sent_at CHECK (
        (status = 'SENT' AND sent_at IS NOT NULL) OR (status = 'LOGGED' AND sent_at IS NULL))
);

CREATE INDEX ix_mail_outbox_case ON mail_outbox (tenant_id, business_key);
