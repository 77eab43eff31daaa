package co.ori.notification;

import jakarta.mail.MessagingException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The {@link MailService} of the application, on Spring Mail.
 *
 * <ul>
 *   <li>With an SMTP server ({@code spring.mail.host} set, so Spring Boot provides a
 *       {@link JavaMailSender}): sends the mail (UTF-8, sender {@code ori.mail.from}) and then
 *       records it in {@code mail_outbox} with status {@code SENT}. An SMTP failure is thrown
 *       as a {@link org.springframework.mail.MailException} and nothing is recorded.</li>
 *   <li>Without ({@code spring.mail.host} unset, the embedded default): records the mail in
 *       {@code mail_outbox} with status {@code LOGGED} and logs it at INFO.</li>
 * </ul>
 * The outbox insert joins the current transaction (the engine's, when called from a send
 * task), so a failure rolls it back with the job.
 */
@Service
public class SmtpMailService implements MailService {

  private static final Logger LOG = LoggerFactory.getLogger(SmtpMailService.class);

  private final JdbcClient jdbc;
  private final JavaMailSender sender;
  private final String from;

  /**
   * Creates the service.
   *
   * @param jdbc the application database (table {@code mail_outbox}, Flyway V2)
   * @param sender Spring Boot's mail sender, present only when {@code spring.mail.host} is set
   * @param from sender address, property {@code ori.mail.from}
   */
  public SmtpMailService(JdbcClient jdbc, ObjectProvider<JavaMailSender> sender,
      @Value("${ori.mail.from}") String from) {
    this.jdbc = jdbc;
    this.sender = sender.getIfAvailable();
    this.from = from;
    LOG.info(this.sender == null
        ? "No SMTP server (spring.mail.host unset): mails are recorded in mail_outbox as LOGGED"
        : "SMTP configured: mails are sent from {} and recorded in mail_outbox as SENT", from);
  }

  /** Whether an SMTP server is configured ({@code spring.mail.host}). */
  public boolean smtpEnabled() {
    return sender != null;
  }

  /**
   * Records and, with SMTP configured, sends one mail (see the class description).
   *
   * @throws IllegalArgumentException when the mail has no recipient, subject or template
   * @throws org.springframework.mail.MailException when the SMTP server refuses the mail or
   *     is unreachable; nothing is recorded as {@code SENT}
   */
  @Override
  @Transactional
  public void send(Mail mail) {
    validate(mail);
    String recipients = String.join(", ", mail.to());
    if (sender == null) {
      insert(mail, recipients, "LOGGED", null);
      LOG.info("Mail {} for case {} (tenant {}) to [{}] recorded, not sent (no SMTP server):"
          + " subject \"{}\"\n{}", mail.template(), mail.businessKey(), mail.tenantId(),
          recipients, mail.subject(), mail.body());
      return;
    }
    sender.send(message -> {
      try {
        MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
        helper.setFrom(from);
        helper.setTo(mail.to().toArray(String[]::new));
        helper.setSubject(mail.subject());
        helper.setText(mail.body(), false);
      } catch (MessagingException e) {
        throw new MailPreparationException("No se pudo preparar el correo " + mail.template(), e);
      }
    });
    insert(mail, recipients, "SENT", OffsetDateTime.now(ZoneOffset.UTC));
    LOG.info("Mail {} for case {} (tenant {}) sent to [{}]", mail.template(),
        mail.businessKey(), mail.tenantId(), recipients);
  }

  private void insert(Mail mail, String recipients, String status, OffsetDateTime sentAt) {
    jdbc.sql("""
            INSERT INTO mail_outbox (id, tenant_id, business_key, template, recipients, subject,
                                     body, status, created_at, sent_at)
            VALUES (:id, :tenantId, :businessKey, :template, :recipients, :subject,
                    :body, :status, :createdAt, :sentAt)
            """)
        .param("id", UUID.randomUUID().toString())
        .param("tenantId", mail.tenantId())
        .param("businessKey", mail.businessKey())
        .param("template", mail.template())
        .param("recipients", recipients)
        .param("subject", mail.subject())
        .param("body", mail.body())
        .param("status", status)
        .param("createdAt", OffsetDateTime.now(ZoneOffset.UTC))
        .param("sentAt", sentAt)
        .update();
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
  }
}
