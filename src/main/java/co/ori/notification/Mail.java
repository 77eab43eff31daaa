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
 */
public record Mail(String tenantId, String businessKey, String template, List<String> to,
    String subject, String body) {}
