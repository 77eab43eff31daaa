package co.ori.notification;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code mail_outbox} table (Flyway V2, V8): one row per notification, keyed by its
 * delivery key, with the state of its delivery (see V8 for the statuses).
 *
 * <p>The state changes around the SMTP hand-off ({@link #claim}, {@link #markSent},
 * {@link #markPending}, {@link #markUncertain}) each commit at once in their own transaction
 * ({@code REQUIRES_NEW}), independently of the send task's job: so after a crash the row tells
 * whether the mail was never handed over ({@code PENDING}), surely handed over ({@code SENT}) or
 * cut off during the hand-off ({@code SENDING} → {@code UNCERTAIN}). Only {@link #recordLogged}
 * joins the caller's transaction (no SMTP involved).
 */
@Component
public class MailOutbox implements DisposableBean {

  /** Statuses of {@code mail_outbox.status}. */
  public enum Status { LOGGED, PENDING, SENDING, SENT, UNCERTAIN }

  /** What an administrator decides about an {@code UNCERTAIN} mail. */
  public enum Resolution {
    /** The mail server shows the message: record it {@code SENT}; a retry does not resend. */
    CONFIRM_SENT,
    /** The mail server does not show it: back to {@code PENDING}; a retry sends it again. */
    RESEND
  }

  /**
   * One outbox row.
   *
   * @param attempts hand-offs started so far (0 for {@code LOGGED} rows and rows before V8)
   * @param messageId {@code Message-ID} header of the mail (null for rows before V8)
   * @param lastError last SMTP error or the reason of the status, or null
   */
  public record Entry(String id, String deliveryKey, String tenantId, String businessKey,
      String template, String recipients, String subject, Status status, int attempts,
      String messageId, OffsetDateTime createdAt, OffsetDateTime updatedAt,
      OffsetDateTime sentAt, String lastError) {}

  /** What the caller of {@link #claim} must do. */
  public enum Claim {
    /** The row is now {@code SENDING} (committed): hand the mail to the SMTP server. */
    SEND,
    /** The row is {@code SENT} or {@code LOGGED}: the mail went out already, do nothing. */
    ALREADY_SENT,
    /** The row is {@code UNCERTAIN} (committed): do not send; raise an incident. */
    UNCERTAIN
  }

  private static final String COLUMNS = "id, delivery_key, tenant_id, business_key, template,"
      + " recipients, subject, status, attempts, message_id, created_at, updated_at, sent_at,"
      + " last_error";

  /** The application's database, joining the caller's transaction. */
  private final JdbcClient jdbc;
  /** Own small connection pool for the status changes around the SMTP hand-off. */
  private final HikariDataSource statusPool;
  private final JdbcClient statusJdbc;
  private final TransactionTemplate newTransaction;

  /**
   * Creates the outbox.
   *
   * <p>The status changes commit in their own transactions while the send task's job keeps its
   * transaction (and its connection) open. They use a small pool of their own (property
   * {@code ori.mail.outbox-connections}, default 4) on the same database
   * ({@code spring.datasource.*}): with one shared pool, every job thread could hold one
   * connection while waiting for a second, and the pool would lock up under load.
   *
   * @param jdbc the application database, joining the caller's transaction
   * @param dataSource the settings of the application database ({@code spring.datasource.*})
   * @param connections size of the outbox's own pool (at least 1)
   */
  public MailOutbox(JdbcClient jdbc, DataSourceProperties dataSource,
      @Value("${ori.mail.outbox-connections:4}") int connections) {
    this.jdbc = jdbc;
    this.statusPool = dataSource.initializeDataSourceBuilder().type(HikariDataSource.class).build();
    this.statusPool.setPoolName("mail-outbox");
    this.statusPool.setMaximumPoolSize(Math.max(1, connections));
    this.statusPool.setMinimumIdle(0);
    this.statusJdbc = JdbcClient.create(statusPool);
    this.newTransaction = new TransactionTemplate(new DataSourceTransactionManager(statusPool));
    this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** Closes the outbox's own connection pool. */
  @Override
  public void destroy() {
    statusPool.close();
  }

  /** The row of a delivery key, if any (read in the caller's transaction). */
  public Optional<Entry> find(String deliveryKey) {
    return find(jdbc, deliveryKey);
  }

  private static Optional<Entry> find(JdbcClient db, String deliveryKey) {
    return db.sql("SELECT " + COLUMNS + " FROM mail_outbox WHERE delivery_key = ?")
        .param(deliveryKey).query(MailOutbox::entry).optional();
  }

  /**
   * Rows with a status, oldest first.
   *
   * @param limit at most this many rows (1-2000)
   */
  public List<Entry> findByStatus(Status status, int limit) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM mail_outbox WHERE status = ?"
            + " ORDER BY created_at FETCH FIRST " + Math.max(1, Math.min(limit, 2000)) + " ROWS ONLY")
        .param(status.name()).query(MailOutbox::entry).list();
  }

  /**
   * Records a mail that is only logged (no SMTP server), in the caller's transaction: rolled back
   * with the send task's job, so a job that runs again records it again, once.
   *
   * @return false when the delivery key already has a row (nothing recorded)
   */
  public boolean recordLogged(Mail mail, String deliveryKey, String messageId) {
    if (find(jdbc, deliveryKey).isPresent()) {
      return false;
    }
    insert(jdbc, mail, deliveryKey, messageId, Status.LOGGED, 0);
    return true;
  }

  /**
   * Takes the right to hand the mail to the SMTP server, committed at once: inserts the row as
   * {@code SENDING} (attempt 1) or moves a {@code PENDING} row to {@code SENDING} (attempts + 1,
   * content refreshed). A row found {@code SENDING} was left by an attempt that died during the
   * hand-off: it becomes {@code UNCERTAIN}.
   *
   * @param mail the rendered mail
   * @param deliveryKey its delivery key
   * @param messageId its {@code Message-ID} header (kept when the row exists)
   * @return what to do; see {@link Claim}
   */
  public Claim claim(Mail mail, String deliveryKey, String messageId) {
    for (int round = 0; round < 3; round++) {
      try {
        Claim claim = newTransaction.execute(status -> claimOnce(mail, deliveryKey, messageId));
        if (claim != null) {
          return claim;
        }
      } catch (DuplicateKeyException concurrentInsert) {
        // another attempt inserted the same key at the same moment: read its row again
      }
    }
    throw new IllegalStateException("No se pudo registrar el correo con clave de entrega "
        + deliveryKey + " en mail_outbox: su estado cambió varias veces durante el registro");
  }

  /**
   * Looks at the row before connecting to the SMTP server, committed at once: {@link Claim#SEND}
   * when there is none or it is {@code PENDING} (nothing changed), {@link Claim#ALREADY_SENT}
   * for {@code SENT}/{@code LOGGED}, {@link Claim#UNCERTAIN} for {@code UNCERTAIN} and for
   * {@code SENDING}, which it turns into {@code UNCERTAIN} (an attempt died during the hand-off).
   */
  public Claim check(String deliveryKey) {
    return newTransaction.execute(status -> {
      Optional<Entry> row = find(statusJdbc, deliveryKey);
      if (row.isEmpty()) {
        return Claim.SEND;
      }
      return switch (row.get().status()) {
        case PENDING -> Claim.SEND;
        case SENT, LOGGED -> Claim.ALREADY_SENT;
        case UNCERTAIN -> Claim.UNCERTAIN;
        case SENDING -> {
          transition(statusJdbc, deliveryKey, Status.SENDING, Status.UNCERTAIN,
              "Un intento anterior se interrumpió durante la entrega al servidor SMTP");
          yield Claim.UNCERTAIN;
        }
      };
    });
  }

  /**
   * Records an attempt that could not even connect to the SMTP server, committed at once: the
   * row is inserted or kept {@code PENDING}, attempts + 1, with the error.
   */
  public void recordRefusedAttempt(Mail mail, String deliveryKey, String messageId, String error) {
    for (int round = 0; round < 2; round++) {
      try {
        newTransaction.executeWithoutResult(status -> {
          if (find(statusJdbc, deliveryKey).isEmpty()) {
            insert(statusJdbc, mail, deliveryKey, messageId, Status.PENDING, 1);
          } else {
            statusJdbc.sql("""
                    UPDATE mail_outbox SET attempts = attempts + 1, updated_at = :now
                     WHERE delivery_key = :key AND status = 'PENDING'
                    """).param("now", now()).param("key", deliveryKey).update();
          }
          statusJdbc.sql("UPDATE mail_outbox SET last_error = :error WHERE delivery_key = :key"
                  + " AND status = 'PENDING'")
              .param("error", truncate(error)).param("key", deliveryKey).update();
        });
        return;
      } catch (DuplicateKeyException concurrentInsert) {
        // inserted at the same moment by another attempt: update it instead
      }
    }
  }

  /** One try of {@link #claim}; null when the row changed in between (try again). */
  private Claim claimOnce(Mail mail, String deliveryKey, String messageId) {
    Optional<Entry> row = find(statusJdbc, deliveryKey);
    if (row.isEmpty()) {
      insert(statusJdbc, mail, deliveryKey, messageId, Status.SENDING, 1);
      return Claim.SEND;
    }
    switch (row.get().status()) {
      case SENT, LOGGED:
        return Claim.ALREADY_SENT;
      case UNCERTAIN:
        return Claim.UNCERTAIN;
      case SENDING:
        return transition(statusJdbc, deliveryKey, Status.SENDING, Status.UNCERTAIN,
            "Un intento anterior se interrumpió durante la entrega al servidor SMTP")
            ? Claim.UNCERTAIN : null;
      case PENDING:
        int updated = statusJdbc.sql("""
                UPDATE mail_outbox SET status = 'SENDING', attempts = attempts + 1,
                       recipients = :recipients, subject = :subject, body = :body,
                       updated_at = :now
                 WHERE delivery_key = :key AND status = 'PENDING'
                """)
            .param("recipients", String.join(", ", mail.to()))
            .param("subject", mail.subject())
            .param("body", mail.body())
            .param("now", now())
            .param("key", deliveryKey)
            .update();
        return updated == 1 ? Claim.SEND : null;
      default:
        throw new IllegalStateException("Estado desconocido en mail_outbox: " + row.get().status());
    }
  }

  /**
   * Records that the SMTP server accepted the mail ({@code SENDING} or {@code UNCERTAIN} →
   * {@code SENT}, {@code sent_at} now), committed at once.
   *
   * @return false when the row was in another status (nothing changed)
   */
  public boolean markSent(String deliveryKey) {
    Integer updated = newTransaction.execute(status -> statusJdbc.sql("""
            UPDATE mail_outbox SET status = 'SENT', sent_at = :now, updated_at = :now,
                   last_error = NULL
             WHERE delivery_key = :key AND status IN ('SENDING', 'UNCERTAIN')
            """).param("now", now()).param("key", deliveryKey).update());
    return updated != null && updated == 1;
  }

  /**
   * Records that the attempt surely did not hand the mail over ({@code SENDING} →
   * {@code PENDING}), with the error, committed at once; the next attempt sends it.
   */
  public void markPending(String deliveryKey, String error) {
    newTransaction.executeWithoutResult(status ->
        transition(statusJdbc, deliveryKey, Status.SENDING, Status.PENDING, error));
  }

  /**
   * Records that the hand-off was cut off ({@code SENDING} → {@code UNCERTAIN}), committed at
   * once; the mail is not sent again until an administrator resolves it.
   */
  public void markUncertain(String deliveryKey, String error) {
    newTransaction.executeWithoutResult(status ->
        transition(statusJdbc, deliveryKey, Status.SENDING, Status.UNCERTAIN, error));
  }

  /**
   * An administrator's decision on an {@code UNCERTAIN} mail (README, "When the mail server is
   * down"), in the caller's transaction.
   *
   * @param deliveryKey delivery key of the row
   * @param resolution {@link Resolution#CONFIRM_SENT} → {@code SENT};
   *     {@link Resolution#RESEND} → {@code PENDING}
   * @param user who decided (kept in {@code last_error} as the reason)
   * @return the row after the change
   * @throws java.util.NoSuchElementException when no row has the key
   * @throws IllegalStateException when the row is not {@code UNCERTAIN}
   */
  public Entry resolve(String deliveryKey, Resolution resolution, String user) {
    Entry row = find(jdbc, deliveryKey).orElseThrow(() -> new java.util.NoSuchElementException(
        "No hay correo con clave de entrega " + deliveryKey + " en mail_outbox"));
    if (row.status() != Status.UNCERTAIN) {
      throw new IllegalStateException("El correo " + deliveryKey + " está en estado "
          + row.status() + "; solo se resuelve un correo en estado UNCERTAIN");
    }
    String reason = (resolution == Resolution.CONFIRM_SENT
        ? "Entrega confirmada por " : "Reenvío autorizado por ") + user;
    if (resolution == Resolution.CONFIRM_SENT) {
      jdbc.sql("""
              UPDATE mail_outbox SET status = 'SENT', sent_at = :now, updated_at = :now,
                     last_error = :reason
               WHERE delivery_key = :key AND status = 'UNCERTAIN'
              """).param("now", now()).param("reason", reason).param("key", deliveryKey).update();
    } else {
      transition(jdbc, deliveryKey, Status.UNCERTAIN, Status.PENDING, reason);
    }
    return find(jdbc, deliveryKey).orElseThrow();
  }

  private static boolean transition(JdbcClient db, String deliveryKey, Status from, Status to,
      String error) {
    return db.sql("""
            UPDATE mail_outbox SET status = :to, updated_at = :now, last_error = :error
             WHERE delivery_key = :key AND status = :from
            """)
        .param("to", to.name())
        .param("now", now())
        .param("error", truncate(error))
        .param("key", deliveryKey)
        .param("from", from.name())
        .update() == 1;
  }

  private static void insert(JdbcClient db, Mail mail, String deliveryKey, String messageId,
      Status status, int attempts) {
    OffsetDateTime now = now();
    db.sql("""
            INSERT INTO mail_outbox (id, delivery_key, tenant_id, business_key, template,
                                     recipients, subject, body, status, attempts, message_id,
                                     created_at, updated_at, sent_at)
            VALUES (:id, :key, :tenantId, :businessKey, :template, :recipients, :subject,
                    :body, :status, :attempts, :messageId, :now, :now, NULL)
            """)
        .param("id", UUID.randomUUID().toString())
        .param("key", deliveryKey)
        .param("tenantId", mail.tenantId())
        .param("businessKey", mail.businessKey())
        .param("template", mail.template())
        .param("recipients", String.join(", ", mail.to()))
        .param("subject", mail.subject())
        .param("body", mail.body())
        .param("status", status.name())
        .param("attempts", attempts)
        .param("messageId", messageId)
        .param("now", now)
        .update();
  }

  private static Entry entry(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new Entry(rs.getString("id"), rs.getString("delivery_key"), rs.getString("tenant_id"),
        rs.getString("business_key"), rs.getString("template"), rs.getString("recipients"),
        rs.getString("subject"), Status.valueOf(rs.getString("status")), rs.getInt("attempts"),
        rs.getString("message_id"), rs.getObject("created_at", OffsetDateTime.class),
        rs.getObject("updated_at", OffsetDateTime.class),
        rs.getObject("sent_at", OffsetDateTime.class), rs.getString("last_error"));
  }

  private static String truncate(String text) {
    return text == null || text.length() <= 4000 ? text : text.substring(0, 4000);
  }

  private static OffsetDateTime now() {
    return OffsetDateTime.now(ZoneOffset.UTC);
  }
}
