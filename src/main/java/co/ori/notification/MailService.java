package co.ori.notification;

/**
 * Sends the e-mails of the procedures. Every mail is recorded in the {@code mail_outbox}
 * table; when an SMTP server is configured ({@code spring.mail.host}) it is also sent
 * through it, at most once per delivery key ({@link Mail#deliveryKey()}), and a failure is
 * thrown (never swallowed) so the asynchronous send task retries and ends as an incident in
 * Cockpit.
 */
public interface MailService {

  /**
   * Records and (with SMTP configured) sends one mail, unless the mail of its delivery key was
   * sent already.
   *
   * @throws org.springframework.mail.MailException when the SMTP server refuses or is
   *     unreachable (the mail was not sent; a later call sends it)
   * @throws MailDeliveryUncertainException when a hand-off of this mail to the SMTP server was
   *     cut off (it is not sent again until an administrator resolves it)
   */
  void send(Mail mail);
}
