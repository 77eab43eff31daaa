package co.ori.notification;

import co.ori.notification.MailOutbox.Claim;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.UUID;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.util.MailConnectException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The {@link MailService} of the application, on Spring Mail, delivering each notification at
 * most once per delivery key ({@link Mail#deliveryKey()}) and never losing one (issue 8).
 *
 * <ul>
 *   <li>With an SMTP server ({@code spring.mail.host} set, so Spring Boot provides a
 *       {@link JavaMailSender}), around the hand-off to the server, each step committed at once
 *       in {@code mail_outbox} ({@link MailOutbox}):
 *       <ol>
 *         <li>claim the delivery key: a new or {@code PENDING} row becomes {@code SENDING};
 *             a {@code SENT} row means the mail went out already (a job that runs again after
 *             a crash or a retry): nothing is sent; a {@code SENDING} row (an attempt died
 *             during the hand-off) becomes {@code UNCERTAIN};</li>
 *         <li>send (UTF-8, sender {@code ori.mail.from}) with a {@code Message-ID} derived from
 *             the delivery key ({@link #messageId}), the same on every attempt;</li>
 *         <li>mark the row {@code SENT}.</li>
 *       </ol>
 *       An SMTP failure before the message data (server unreachable, login refused,
 *       recipient or message refused) puts the row back to {@code PENDING} and is thrown as
 *       the {@link MailException}: the send task retries and ends as an incident. A failure
 *       during or after the message data leaves the delivery unknown: the row becomes
 *       {@code UNCERTAIN} and {@link MailDeliveryUncertainException} is thrown (an incident at
 *       once, see {@link UncertainMailIncidents}); such a mail is never resent on its own.</li>
 *   <li>Without ({@code spring.mail.host} unset, the embedded default): records the mail in
 *       {@code mail_outbox} as {@code LOGGED} in the caller's transaction and logs it at INFO.</li>
 * </ul>
 * A kill -9 at any point therefore leaves the mail either not sent (row absent or
 * {@code PENDING}: sent once later), sent and recorded ({@code SENT}: never resent), or cut off
 * during the hand-off ({@code SENDING}: an {@code UNCERTAIN} incident for an administrator) —
 * never a silent second copy.
 */
@Service
public class SmtpMailService implements MailService {

  private static final Logger LOG = LoggerFactory.getLogger(SmtpMailService.class);

  private final MailOutbox outbox;
  private final JavaMailSender sender;
  private final String from;
  private final String messageIdDomain;

  /**
   * Creates the service.
   *
   * @param outbox the {@code mail_outbox} table (Flyway V2, V8)
   * @param sender Spring Boot's mail sender, present only when {@code spring.mail.host} is set
   * @param from sender address, property {@code ori.mail.from}; its domain is the right-hand
   *     side of the {@code Message-ID}s
   */
  public SmtpMailService(MailOutbox outbox, ObjectProvider<JavaMailSender> sender,
      @Value("${ori.mail.from}") String from) {
    this.outbox = outbox;
    this.sender = sender.getIfAvailable();
    this.from = from;
    this.messageIdDomain = domainOf(from);
    LOG.info(this.sender == null
        ? "No SMTP server (spring.mail.host unset): mails are recorded in mail_outbox as LOGGED"
        : "SMTP configured: mails are sent from {} and recorded in mail_outbox as SENT", from);
  }

  /** Whether an SMTP server is configured ({@code spring.mail.host}). */
  public boolean smtpEnabled() {
    return sender != null;
  }

  /**
   * The {@code Message-ID} header of a delivery key: {@code <ori.<key>@<domain of
   * ori.mail.from>>}, characters outside {@code [A-Za-z0-9.-]} of the key replaced by
   * {@code .}. The same on every attempt, so a mail system can recognise a copy.
   */
  public String messageId(String deliveryKey) {
    return "<ori." + deliveryKey.replaceAll("[^A-Za-z0-9.-]", ".") + "@" + messageIdDomain + ">";
  }

  /**
   * Records and, with SMTP configured, sends one mail at most once per delivery key (see the
   * class description).
   *
   * @throws IllegalArgumentException when the mail has no recipient, subject or template
   * @throws org.springframework.mail.MailException when the SMTP server surely did not take the
   *     mail (unreachable, refused); the row is {@code PENDING}
   * @throws MailDeliveryUncertainException when an attempt was cut off during the hand-off
   *     (now or before); the row is {@code UNCERTAIN}
   */
  @Override
  @Transactional
  public void send(Mail mail) {
    validate(mail);
    String key = mail.deliveryKey() != null ? mail.deliveryKey() : "call:" + UUID.randomUUID();
    String messageId = messageId(key);
    String recipients = String.join(", ", mail.to());
    if (sender == null) {
      if (outbox.recordLogged(mail, key, messageId)) {
        LOG.info("Mail {} for case {} (tenant {}) to [{}] recorded, not sent (no SMTP server):"
            + " subject \"{}\"\n{}", mail.template(), mail.businessKey(), mail.tenantId(),
            recipients, mail.subject(), mail.body());
      }
      return;
    }
    Claim claim = outbox.claim(mail, key, messageId);
    if (claim == Claim.ALREADY_SENT) {
      LOG.info("Mail {} for case {} ({}) was already sent; not sent again", mail.template(),
          mail.businessKey(), key);
      return;
    }
    String storedMessageId = outbox.find(key).map(MailOutbox.Entry::messageId).orElse(messageId);
    if (claim == Claim.UNCERTAIN) {
      LOG.warn("Mail {} for case {} ({}, Message-ID {}) is UNCERTAIN: not sent again",
          mail.template(), mail.businessKey(), key, storedMessageId);
      throw new MailDeliveryUncertainException(key, storedMessageId, mail.businessKey(),
          mail.template(), null);
    }
    try {
      sender.send(message -> {
        try {
          MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
          helper.setFrom(from);
          helper.setTo(mail.to().toArray(String[]::new));
          helper.setSubject(mail.subject());
          helper.setText(mail.body(), false);
          // kept by JavaMailSenderImpl (it restores a preset Message-ID after saveChanges)
          message.setHeader("Message-ID", storedMessageId);
        } catch (MessagingException e) {
          throw new MailPreparationException("No se pudo preparar el correo " + mail.template(), e);
        }
      });
    } catch (MailException e) {
      switch (outcomeOf(e)) {
        case NOT_SENT -> {
          outbox.markPending(key, e.getMessage());
          throw e;
        }
        case UNCERTAIN -> {
          outbox.markUncertain(key, e.getMessage());
          throw new MailDeliveryUncertainException(key, storedMessageId, mail.businessKey(),
              mail.template(), e);
        }
        case SENT -> LOG.warn("Mail {} for case {} accepted by the SMTP server; closing the"
            + " connection failed afterwards: {}", mail.template(), mail.businessKey(),
            e.getMessage());
        default -> throw e;
      }
    } catch (RuntimeException e) {
      // not an SMTP answer (e.g. an error inside JavaMail): the hand-off may have happened
      outbox.markUncertain(key, String.valueOf(e));
      throw new MailDeliveryUncertainException(key, storedMessageId, mail.businessKey(),
          mail.template(), e);
    }
    if (!outbox.markSent(key)) {
      LOG.warn("Mail {} ({}) sent, but its mail_outbox row was no longer SENDING",
          mail.template(), key);
    }
    LOG.info("Mail {} for case {} (tenant {}) sent to [{}], Message-ID {}", mail.template(),
        mail.businessKey(), mail.tenantId(), recipients, storedMessageId);
  }

  /** What an SMTP failure says about the hand-off. */
  enum Outcome { NOT_SENT, SENT, UNCERTAIN }

  /**
   * Classifies a failure of {@link JavaMailSender#send}: surely not sent when it happened before
   * the message data (preparation, connection, login — Spring's "Mail server connection
   * failed" — or the server refusing sender, recipients or message with a 4xx/5xx SMTP reply,
   * {@link SendFailedException}); sent when only closing the connection failed after sending;
   * otherwise (an I/O error or timeout during or after the message data) uncertain.
   */
  static Outcome outcomeOf(MailException e) {
    if (e instanceof MailPreparationException || e instanceof MailParseException
        || e instanceof MailAuthenticationException) {
      return Outcome.NOT_SENT;
    }
    if (!(e instanceof MailSendException send)) {
      return Outcome.UNCERTAIN;
    }
    Map<Object, Exception> failed = send.getFailedMessages();
    if (failed.isEmpty()) {
      // JavaMailSenderImpl: "Failed to close server connection after message sending"
      return Outcome.SENT;
    }
    if (String.valueOf(send.getMessage()).startsWith("Mail server connection failed")
        || failed.values().stream().allMatch(SmtpMailService::beforeData)) {
      return Outcome.NOT_SENT;
    }
    return Outcome.UNCERTAIN;
  }

  /**
   * Whether a failed message surely was not taken: the connection could not be opened, or the
   * server refused sender, recipients or message with an SMTP reply code. An
   * {@link SMTPSendFailedException} without reply code ({@code [EOF]}: the connection was lost
   * while waiting for the answer to the message data) is not such a refusal.
   */
  private static boolean beforeData(Exception failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SMTPSendFailedException refused) {
        return refused.getReturnCode() >= 400;
      }
      if (t instanceof SendFailedException || t instanceof ConnectException
          || t instanceof UnknownHostException || t instanceof MailConnectException) {
        return true;
      }
    }
    return false;
  }

  private static String domainOf(String from) {
    try {
      String address = new InternetAddress(from).getAddress();
      int at = address.lastIndexOf('@');
      return at > 0 && at < address.length() - 1 ? address.substring(at + 1) : "ori.local";
    } catch (AddressException e) {
      throw new IllegalArgumentException("ori.mail.from no es una dirección de correo: " + from, e);
    }
  }

  private static void validate(Mail mail) {
    if (mail == null) {
      throw new IllegalArgumentException("El correo es obligatorio");
    }
    if (mail.to() == null || mail.to().isEmpty()) {
      throw new IllegalArgumentException("El correo no tiene destinatarios (to)");
    }
    if (mail.to().stream().anyMatch(address -> address == null || address.isBlank())) {
      throw new IllegalArgumentException(
          "El correo tiene un destinatario vacío (to): " + mail.to());
    }
    if (mail.subject() == null || mail.subject().isBlank()) {
      throw new IllegalArgumentException("El correo no tiene asunto (subject)");
    }
    if (mail.template() == null || mail.template().isBlank()) {
      throw new IllegalArgumentException("El correo no indica su plantilla (template)");
    }
    if (mail.body() == null) {
      throw new IllegalArgumentException("El correo no tiene cuerpo (body)");
    }
    if (mail.deliveryKey() != null && (mail.deliveryKey().isBlank()
        || mail.deliveryKey().length() > 255)) {
      throw new IllegalArgumentException("La clave de entrega del correo (deliveryKey) debe"
          + " tener entre 1 y 255 caracteres: " + mail.deliveryKey());
    }
  }
}
