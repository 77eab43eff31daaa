package co.ori.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * One database the benchmark runs on: an H2 file database in its own folder (the embedded
 * default) or the PostgreSQL database given by {@code ORI_BENCH_PG_URL}. Each part starts from
 * an empty database ({@link #reset()}): the H2 folder is deleted, the PostgreSQL schema
 * {@code public} is dropped and created again (the database owner may do that).
 */
final class BenchDatabase {

  enum Kind { H2, POSTGRES }

  private final Kind kind;
  private final String url;
  private final String user;
  private final String password;
  private final Path h2Folder;

  private BenchDatabase(Kind kind, String url, String user, String password, Path h2Folder) {
    this.kind = kind;
    this.url = url;
    this.user = user;
    this.password = password;
    this.h2Folder = h2Folder;
  }

  static BenchDatabase h2(Path folder) {
    return new BenchDatabase(Kind.H2, "jdbc:h2:file:" + folder.resolve("ori").toAbsolutePath()
        + ";DB_CLOSE_ON_EXIT=FALSE", "sa", "", folder);
  }

  static BenchDatabase postgres(BenchSettings settings) {
    return new BenchDatabase(Kind.POSTGRES, settings.pgUrl(), settings.pgUser(), settings.pgPassword(), null);
  }

  Kind kind() {
    return kind;
  }

  String label() {
    return kind == Kind.H2 ? "H2" : "PostgreSQL";
  }

  String url() {
    return url;
  }

  String user() {
    return user;
  }

  String password() {
    return password;
  }

  /** Empties the database. */
  void reset() throws IOException, SQLException {
    if (kind == Kind.H2) {
      if (Files.exists(h2Folder)) {
        try (Stream<Path> files = Files.walk(h2Folder)) {
          for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
            Files.delete(p);
          }
        }
      }
      Files.createDirectories(h2Folder);
    } else {
      try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
        s.execute("DROP SCHEMA public CASCADE");
        s.execute("CREATE SCHEMA public");
      }
    }
  }

  /**
   * A plain connection for bulk seeding (PostgreSQL: with {@code reWriteBatchedInserts}, so a
   * JDBC batch becomes multi-row INSERTs).
   */
  Connection connectForBulk() throws SQLException {
    String bulkUrl = url;
    if (kind == Kind.POSTGRES && !url.contains("reWriteBatchedInserts")) {
      bulkUrl = url + (url.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true";
    }
    Connection c = DriverManager.getConnection(bulkUrl, user, password);
    c.setAutoCommit(false);
    return c;
  }

  /** Updates the planner statistics after bulk loads (as autovacuum/ANALYZE would in production). */
  void analyze() throws SQLException {
    try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
      s.execute("ANALYZE");
    }
  }

  List<String> springArgs() {
    return List.of("--spring.datasource.url=" + url, "--spring.datasource.username=" + user,
        "--spring.datasource.password=" + password);
  }
}
