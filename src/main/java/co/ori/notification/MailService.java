package co.ori.notification;

/**
 * Sends the e-mails of the procedures. Every mail is recorded in the {@code mail_outbox}
 * table; when an SMTP server is configured ({@code spring.mail.host}) it is also sent
 * through it, and a failure is thrown (never swallowed) so the asynchronous send task
 * retries and ends as an incident in Cockpit.
 */
public interface MailService {

  /**
   * Records and (with SMTP configured) sends one mail.
   *
   * @throws org.springframework.mail.MailException when the SMTP server refuses or is unreachable
   */
  void send(Mail mail);
}
