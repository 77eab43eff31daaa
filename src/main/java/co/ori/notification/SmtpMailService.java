package co.ori.notification;

import co.ori.notification.MailOutbox.Claim;
import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.UUID;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The {@link MailService} of the application, on Spring Mail, delivering each notification at
 * most once per delivery key ({@link Mail#deliveryKey()}) and never losing one (issue 8).
 *
 * <ul>
 *   <li>With an SMTP server ({@code spring.mail.host} set, so Spring Boot provides a
 *       {@link JavaMailSenderImpl}), each step committed at once in {@code mail_outbox}
 *       ({@link MailOutbox}):
 *       <ol>
 *         <li>check the delivery key: a {@code SENT} row means the mail went out already (a job
 *             that runs again after a crash or a retry): nothing is sent; a {@code SENDING} row
 *             (an attempt died during the hand-off) becomes {@code UNCERTAIN}, and an
 *             {@code UNCERTAIN} row is not sent: {@link MailDeliveryUncertainException};</li>
 *         <li>connect to the server (settings {@code spring.mail.*}); if it is down or refuses
 *             the login, the row is {@code PENDING} (attempts + 1) and a
 *             {@link org.springframework.mail.MailException} is thrown: the send task retries
 *             and ends as an incident;</li>
 *         <li>mark the row {@code SENDING}, hand the message over (UTF-8, sender
 *             {@code ori.mail.from}, a {@code Message-ID} derived from the delivery key,
 *             {@link #messageId}, the same on every attempt), mark it {@code SENT}, and only
 *             then close the connection.</li>
 *       </ol>
 *       If the server refuses the message with a 4xx/5xx reply the row goes back to
 *       {@code PENDING} (retries, incident). Any other failure during the hand-off leaves the
 *       delivery unknown: the row becomes {@code UNCERTAIN} and
 *       {@link MailDeliveryUncertainException} is thrown (an incident at once, see
 *       {@link UncertainMailIncidents}); such a mail is never resent on its own.</li>
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
  private final JavaMailSenderImpl sender;
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
    JavaMailSender configured = sender.getIfAvailable();
    if (configured != null && !(configured instanceof JavaMailSenderImpl)) {
      throw new IllegalStateException("SmtpMailService needs Spring Boot's JavaMailSenderImpl"
          + " (spring.mail.*), found " + configured.getClass().getName());
    }
    this.sender = (JavaMailSenderImpl) configured;
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
    return "<ori." + deliveryKey.replaceAll("[^A-Za-z0-9._-]", ".") + "@" + messageIdDomain + ">";
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
    Claim before = outbox.check(key);
    if (before == Claim.ALREADY_SENT) {
      LOG.info("Mail {} for case {} ({}) was already sent; not sent again", mail.template(),
          mail.businessKey(), key);
      return;
    }
    if (before == Claim.UNCERTAIN) {
      throw uncertain(mail, key, null);
    }
    // a PENDING row keeps the Message-ID of its first attempt
    String sentMessageId = outbox.find(key).map(MailOutbox.Entry::messageId).orElse(messageId);
    MimeMessage message = prepare(mail, sentMessageId);
    Transport transport = connect(mail, key, sentMessageId);
    try {
      Address[] addresses = message.getAllRecipients();
      Claim claim = outbox.claim(mail, key, sentMessageId);
      if (claim == Claim.ALREADY_SENT) {
        return;
      }
      if (claim == Claim.UNCERTAIN) {
        throw uncertain(mail, key, null);
      }
      // SENDING is committed: from here until SENT a crash leaves the delivery unknown
      try {
        transport.sendMessage(message, addresses);
      } catch (MessagingException e) {
        if (refusedBeforeDelivery(e)) {
          outbox.markPending(key, e.getMessage());
          throw new MailSendException("El servidor de correo rechazó el correo "
              + mail.template() + " del caso " + mail.businessKey() + ": " + e.getMessage(), e);
        }
        outbox.markUncertain(key, String.valueOf(e));
        throw uncertain(mail, key, e);
      } catch (RuntimeException e) {
        outbox.markUncertain(key, String.valueOf(e));
        throw uncertain(mail, key, e);
      }
      if (!outbox.markSent(key)) {
        LOG.warn("Mail {} ({}) sent, but its mail_outbox row was no longer SENDING",
            mail.template(), key);
      }
      LOG.info("Mail {} for case {} (tenant {}) sent to [{}], Message-ID {}", mail.template(),
          mail.businessKey(), mail.tenantId(), recipients, sentMessageId);
    } catch (MessagingException e) {
      throw new MailPreparationException("No se pudo preparar el correo " + mail.template(), e);
    } finally {
      closeQuietly(transport);
    }
  }

  private MailDeliveryUncertainException uncertain(Mail mail, String key, Exception cause) {
    String messageId = outbox.find(key).map(MailOutbox.Entry::messageId).orElse(messageId(key));
    LOG.warn("Mail {} for case {} ({}, Message-ID {}) is UNCERTAIN: not sent again",
        mail.template(), mail.businessKey(), key, messageId);
    return new MailDeliveryUncertainException(key, messageId, mail.businessKey(),
        mail.template(), cause);
  }

  /** The MIME message (UTF-8 plain text), not sent yet. */
  private MimeMessage prepare(Mail mail, String messageId) {
    try {
      MimeMessage message = sender.createMimeMessage();
      MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
      helper.setFrom(from);
      helper.setTo(mail.to().toArray(String[]::new));
      helper.setSubject(mail.subject());
      helper.setText(mail.body(), false);
      message.setSentDate(new java.util.Date());
      message.saveChanges();
      message.setHeader("Message-ID", messageId);
      return message;
    } catch (MessagingException e) {
      throw new MailPreparationException("No se pudo preparar el correo " + mail.template(), e);
    }
  }

  /**
   * Opens the SMTP connection with Spring Boot's settings ({@code spring.mail.*}), before the
   * row becomes {@code SENDING}: a server that is down leaves the row {@code PENDING}.
   *
   * @throws MailAuthenticationException when the server refuses the login
   * @throws MailSendException when the server cannot be reached
   */
  private Transport connect(Mail mail, String key, String messageId) {
    String username = "".equals(sender.getUsername()) ? null : sender.getUsername();
    String password = username == null && "".equals(sender.getPassword())
        ? null : sender.getPassword();
    Transport transport = null;
    try {
      transport = sender.getSession().getTransport(
          sender.getProtocol() != null ? sender.getProtocol() : "smtp");
      transport.connect(sender.getHost(), sender.getPort(), username, password);
      return transport;
    } catch (MessagingException | RuntimeException e) {
      closeQuietly(transport);
      outbox.recordRefusedAttempt(mail, key, messageId,
          "Mail server connection failed: " + e);
      if (e instanceof AuthenticationFailedException auth) {
        throw new MailAuthenticationException(auth);
      }
      throw new MailSendException("Mail server connection failed: " + e.getMessage(), e);
    }
  }

  private static void closeQuietly(Transport transport) {
    if (transport == null) {
      return;
    }
    try {
      transport.close();
    } catch (MessagingException e) {
      // the mail's fate is already recorded; a failed QUIT changes nothing
      LOG.debug("Closing the SMTP connection failed: {}", e.toString());
    }
  }

  /**
   * Whether a failure of {@code sendMessage} surely did not deliver the mail: the server refused
   * sender, recipients or message with a 4xx/5xx reply ({@link SendFailedException}). An
   * {@link SMTPSendFailedException} without reply code ({@code [EOF]}: the connection was lost
   * while waiting for the answer to the message data) and any I/O error are not: the mail may
   * have been delivered.
   */
  static boolean refusedBeforeDelivery(MessagingException failure) {
    if (failure instanceof SMTPSendFailedException refused) {
      return refused.getReturnCode() >= 400;
    }
    if (failure instanceof SMTPAddressFailedException refused) {
      return refused.getReturnCode() >= 400;
    }
    return failure instanceof SendFailedException;
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
