-- Exactly-once delivery of the notification e-mails (issue 8, co.ori.notification.SmtpMailService).
-- Each mail has a stable delivery key (the send task's job id + activity id), unique, so a job
-- that runs again after a crash or a retry finds its row instead of sending again:
--   LOGGED    = no SMTP server configured: recorded and logged only (as before);
--   PENDING   = not handed to the SMTP server (never tried, or the last attempt failed for sure);
--   SENDING   = being handed to the SMTP server right now (committed before the hand-off);
--   SENT      = accepted by the SMTP server (sent_at set);
--   UNCERTAIN = an attempt was cut off during the hand-off (crash, or an SMTP error after the
--               message data): it may or may not have been delivered. Never resent on its own;
--               an administrator checks the mail server (message_id) and resolves it (README).
-- Rows written before V8 keep delivery_key NULL (NULLs do not collide in the UNIQUE constraint).
-- Portable SQL: runs on H2 2.x and PostgreSQL 15.
ALTER TABLE mail_outbox ADD COLUMN delivery_key VARCHAR(255);
ALTER TABLE mail_outbox ADD COLUMN message_id VARCHAR(300);
ALTER TABLE mail_outbox ADD COLUMN attempts INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE mail_outbox ADD COLUMN updated_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE mail_outbox ADD COLUMN last_error VARCHAR(4000);

ALTER TABLE mail_outbox DROP CONSTRAINT ck_mail_outbox_status;
ALTER TABLE mail_outbox DROP CONSTRAINT ck_mail_outbox_sent_at;
ALTER TABLE mail_outbox ADD CONSTRAINT ck_mail_outbox_status
    CHECK (status IN ('LOGGED', 'PENDING', 'SENDING', 'SENT', 'UNCERTAIN'));
ALTER TABLE mail_outbox ADD CONSTRAINT ck_mail_outbox_sent_at
    CHECK ((status = 'SENT' AND sent_at IS NOT NULL) OR (status <> 'SENT' AND sent_at IS NULL));
ALTER TABLE mail_outbox ADD CONSTRAINT uq_mail_outbox_delivery_key UNIQUE (delivery_key);

CREATE INDEX ix_mail_outbox_status ON mail_outbox (status);
