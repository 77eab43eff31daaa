package co.ori.notification;

import java.util.List;

/**
 * One notification e-mail, in Spanish.
 *
 * @param tenantId tenant of the case
 * @param businessKey business key of the case (e.g. {@code AGR-2026-0001}), or null
 * @param template template name (file {@code mail/<template>.txt}), for the outbox audit trail
 * @param to recipient addresses (at least one)
 * @param subject subject line
 * @param body plain-text body
 * @param deliveryKey stable identity of this notification (at most 255 characters): every call
 *     with the same key delivers at most one mail (see {@link SmtpMailService}); the send task
 *     uses its job id and activity id (see {@link SendMailDelegate#deliveryKey}). Null: a fresh
 *     key per call
 */
public record Mail(String tenantId, String businessKey, String template, List<String> to,
    String subject, String body, String deliveryKey) {

  /** A mail without delivery key: each call is a new notification. */
  public Mail(String tenantId, String businessKey, String template, List<String> to,
      String subject, String body) {
    this(tenantId, businessKey, template, to, subject, body, null);
  }
}
