package co.ori.notification;

import co.ori.notification.MailOutbox.Entry;
import co.ori.notification.MailOutbox.Resolution;
import co.ori.notification.MailOutbox.Status;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Administrators' view of {@code mail_outbox} and their decision on {@code UNCERTAIN} mails
 * (issue 8; README, "When the mail server is down"). HTTP Basic, group {@code camunda-admin}
 * only (403 otherwise, 401 without credentials).
 *
 * <ul>
 *   <li>{@code GET /api/mail-outbox?status=UNCERTAIN&maxResults=100}: rows with that status
 *       (default {@code UNCERTAIN}), oldest first, as JSON {@link Entry} objects (no body).</li>
 *   <li>{@code POST /api/mail-outbox/resolution} with {@code {"deliveryKey": "job:...",
 *       "action": "CONFIRM_SENT" | "RESEND"}}: after checking the mail server for the row's
 *       {@code messageId}, records the mail as sent (the retried job does not send it) or puts
 *       it back to {@code PENDING} (the retried job sends it, same {@code Message-ID}). Answers
 *       the row. 400 for a missing key or unknown action, 404 for an unknown key, 409 when the
 *       row is not {@code UNCERTAIN}. Then retry the incident in Cockpit.</li>
 * </ul>
 */
@RestController
public class MailOutboxController {

  private static final Logger LOG = LoggerFactory.getLogger(MailOutboxController.class);

  private final MailOutbox outbox;
  private final IdentityService identityService;

  /** Wires the outbox and the caller's identity. */
  public MailOutboxController(MailOutbox outbox, IdentityService identityService) {
    this.outbox = outbox;
    this.identityService = identityService;
  }

  /**
   * The request body of a resolution.
   *
   * @param deliveryKey delivery key of the {@code UNCERTAIN} row (shown in the incident message)
   * @param action {@code CONFIRM_SENT} or {@code RESEND}
   */
  public record ResolutionRequest(String deliveryKey, String action) {}

  /**
   * Lists outbox rows with a status.
   *
   * @throws ResponseStatusException 403 unless {@code camunda-admin}; 400 for an unknown status
   */
  @GetMapping("/api/mail-outbox")
  public List<Entry> list(@RequestParam(defaultValue = "UNCERTAIN") String status,
      @RequestParam(defaultValue = "100") int maxResults) {
    requireAdmin();
    return outbox.findByStatus(parse(Status.class, status, "status"), maxResults);
  }

  /**
   * Resolves an {@code UNCERTAIN} mail.
   *
   * @throws ResponseStatusException 403 unless {@code camunda-admin}; 400, 404, 409 as above
   */
  @PostMapping("/api/mail-outbox/resolution")
  @Transactional
  public Entry resolve(@RequestBody ResolutionRequest request) {
    String user = requireAdmin();
    if (request == null || request.deliveryKey() == null || request.deliveryKey().isBlank()) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "deliveryKey: es obligatorio");
    }
    Resolution action = parse(Resolution.class, request.action(), "action");
    try {
      Entry entry = outbox.resolve(request.deliveryKey().strip(), action, user);
      LOG.info("Mail {} ({}) resolved by {}: {} -> {}", entry.deliveryKey(), entry.messageId(),
          user, action, entry.status());
      return entry;
    } catch (NoSuchElementException e) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, e.getMessage());
    } catch (IllegalStateException e) {
      throw new ResponseStatusException(HttpStatus.CONFLICT, e.getMessage());
    }
  }

  private String requireAdmin() {
    Authentication auth = identityService.getCurrentAuthentication();
    if (auth == null || auth.getGroupIds() == null
        || !auth.getGroupIds().contains(Groups.CAMUNDA_ADMIN)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN,
          "Solo un administrador (grupo camunda-admin) puede consultar o resolver correos");
    }
    return auth.getUserId();
  }

  private static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
    try {
      return Enum.valueOf(type, String.valueOf(value).strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, field + ": valor no válido '"
          + value + "'; valores: " + java.util.Arrays.toString(type.getEnumConstants()));
    }
  }
}
