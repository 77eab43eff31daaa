package co.ori.notification;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Resolves the recipients of a notification from the {@code mailTo} input variable of a send
 * task into e-mail addresses, using the engine's users (Camunda Admin).
 *
 * <p>{@code mailTo} is a comma-separated list whose entries are:
 * <ul>
 *   <li>a plain e-mail address, e.g. {@code oficina@umc.edu.co};</li>
 *   <li>{@code user:<userId>}: the e-mail of that engine user;</li>
 *   <li>{@code group:<groupId>}: the e-mails of the users of that group who are direct
 *       members of the case's tenant (candidate-group ids are the same in every tenant,
 *       procedures.md §0.3, so the tenant keeps one institution's staff out of another's
 *       mails); members without an e-mail are skipped;</li>
 *   <li>{@code initiator}: the user in the process variable {@code initiator}.</li>
 * </ul>
 * Duplicates are removed; the order of first appearance is kept. Identity queries are subject
 * to Camunda authorization when a user is authenticated, so send tasks run asynchronously
 * (job executor, no authenticated user).
 */
@Component
public class MailRecipients {

  private static final Logger LOG = LoggerFactory.getLogger(MailRecipients.class);

  private final IdentityService identityService;

  /** Creates the resolver on the engine's identity service. */
  public MailRecipients(IdentityService identityService) {
    this.identityService = identityService;
  }

  /**
   * Resolves {@code mailTo} into addresses.
   *
   * @param mailTo comma-separated entries (see the class description)
   * @param tenantId tenant of the case; required when an entry is {@code group:...}
   * @param initiatorUserId value of the process variable {@code initiator}; required when an
   *     entry is {@code initiator}
   * @return at least one address, without duplicates
   * @throws IllegalArgumentException when an entry is malformed, an address is not valid, a
   *     {@code user:}/{@code initiator} user does not exist or has no e-mail, a
   *     {@code group:} is used without a tenant, or {@code initiator} is used without the
   *     variable
   * @throws IllegalStateException when the list resolves to no address at all (e.g. a group
   *     with no members in the tenant): the mail is not silently skipped
   */
  public List<String> resolve(String mailTo, String tenantId, String initiatorUserId) {
    Set<String> addresses = new LinkedHashSet<>();
    for (String raw : mailTo == null ? new String[0] : mailTo.split(",")) {
      String entry = raw.strip();
      if (entry.isEmpty()) {
        continue;
      }
      if (entry.startsWith("user:")) {
        addresses.add(emailOf(required(entry, "user:"), entry));
      } else if (entry.startsWith("group:")) {
        addresses.addAll(groupEmails(required(entry, "group:"), tenantId, entry));
      } else if (entry.equals("initiator")) {
        if (initiatorUserId == null || initiatorUserId.isBlank()) {
          throw new IllegalArgumentException("El destinatario 'initiator' de mailTo requiere la"
              + " variable de proceso 'initiator', que no está definida");
        }
        addresses.add(emailOf(initiatorUserId, entry));
      } else if (entry.contains("@")) {
        addresses.add(validAddress(entry, "mailTo"));
      } else {
        throw new IllegalArgumentException("Destinatario de correo no reconocido en mailTo: '"
            + entry + "'; se espera una dirección, user:<id>, group:<id> o initiator");
      }
    }
    if (addresses.isEmpty()) {
      throw new IllegalStateException("El correo no tiene destinatarios: mailTo='" + mailTo
          + "' no corresponde a ninguna dirección" + (tenantId == null ? "" : " en el tenant '"
          + tenantId + "'"));
    }
    return List.copyOf(addresses);
  }

  private String emailOf(String userId, String entry) {
    User user = identityService.createUserQuery().userId(userId).singleResult();
    if (user == null) {
      throw new IllegalArgumentException(
          "El usuario '" + userId + "' de mailTo (" + entry + ") no existe");
    }
    if (user.getEmail() == null || user.getEmail().isBlank()) {
      throw new IllegalArgumentException(
          "El usuario '" + userId + "' de mailTo (" + entry + ") no tiene correo electrónico");
    }
    return validAddress(user.getEmail(), "correo del usuario '" + userId + "'");
  }

  private List<String> groupEmails(String groupId, String tenantId, String entry) {
    if (tenantId == null || tenantId.isBlank()) {
      throw new IllegalArgumentException("El destinatario '" + entry
          + "' de mailTo requiere un proceso con tenant (institución)");
    }
    List<String> emails = new ArrayList<>();
    for (User user : identityService.createUserQuery()
        .memberOfGroup(groupId).memberOfTenant(tenantId).orderByUserId().asc().list()) {
      if (user.getEmail() == null || user.getEmail().isBlank()) {
        LOG.warn("User {} of group {} in tenant {} has no e-mail; not notified",
            user.getId(), groupId, tenantId);
      } else {
        emails.add(validAddress(user.getEmail(), "correo del usuario '" + user.getId() + "'"));
      }
    }
    return emails;
  }

  private static String required(String entry, String prefix) {
    String id = entry.substring(prefix.length()).strip();
    if (id.isEmpty()) {
      throw new IllegalArgumentException(
          "Destinatario de correo incompleto en mailTo: '" + entry + "'");
    }
    return id;
  }

  private static String validAddress(String address, String field) {
    try {
      InternetAddress parsed = new InternetAddress(address, true);
      parsed.validate();
      return parsed.getAddress();
    } catch (AddressException e) {
      throw new IllegalArgumentException(
          "Dirección de correo no válida (" + field + "): '" + address + "'", e);
    }
  }
}
