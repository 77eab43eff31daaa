package co.ori.notification;

/**
 * A notification may or may not have reached the SMTP server: an earlier attempt was cut off
 * during the hand-off (the JVM died, or the connection broke after the message data was sent).
 * The mail is <em>not</em> sent again on its own, so nobody gets it twice; the send task's job
 * fails at once with 0 retries ({@link UncertainMailIncidents}), which raises an incident in
 * Cockpit with this message. An administrator checks the mail server for the
 * {@code Message-ID}, resolves the {@code mail_outbox} row ({@link MailOutboxController}) and
 * retries the incident (README, "When the mail server is down").
 */
public class MailDeliveryUncertainException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String deliveryKey;
  private final String messageId;

  /**
   * Creates the exception with its Spanish message.
   *
   * @param deliveryKey delivery key of the {@code mail_outbox} row (status {@code UNCERTAIN})
   * @param messageId {@code Message-ID} header of the mail, to look it up on the mail server
   * @param businessKey business key of the case, or null
   * @param template template name
   * @param cause the SMTP error that cut the hand-off off, or null after a crash
   */
  public MailDeliveryUncertainException(String deliveryKey, String messageId, String businessKey,
      String template, Throwable cause) {
    super("Envío de correo incierto: el correo '" + template + "' del caso " + businessKey
        + " pudo haberse entregado o no (un intento de envío se interrumpió durante la entrega al"
        + " servidor de correo"
        + (cause == null ? "" : ": " + cause.getMessage()) + "). No se reenvía automáticamente."
        + " Verifique en el servidor de correo el mensaje con Message-ID " + messageId
        + "; luego resuelva el correo con POST /api/mail-outbox/resolution {\"deliveryKey\": \""
        + deliveryKey + "\", \"action\": \"CONFIRM_SENT\" o \"RESEND\"} y reintente este"
        + " incidente.", cause);
    this.deliveryKey = deliveryKey;
    this.messageId = messageId;
  }

  /** Delivery key of the {@code mail_outbox} row. */
  public String deliveryKey() {
    return deliveryKey;
  }

  /** The mail's {@code Message-ID} header, angle brackets included. */
  public String messageId() {
    return messageId;
  }
}
