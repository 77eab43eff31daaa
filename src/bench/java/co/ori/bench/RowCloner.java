package co.ori.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Bulk copies of rows the engine itself wrote: reads template rows of one engine table
 * (every column, with the engine's own values) and inserts copies with some columns replaced
 * (ids, dates, group), in JDBC batches. Because every other column keeps the value the engine
 * wrote, the copies are rows the engine reads back like its own, on H2 and PostgreSQL alike,
 * and stay valid when Camunda adds columns.
 */
final class RowCloner implements AutoCloseable {

  static final int BATCH = 1000;
  /** Batches per commit: fewer, larger transactions load faster on both databases. */
  static final int BATCHES_PER_COMMIT = 10;

  private final Connection connection;
  private final String table;
  private final List<String> columns;
  private final int[] sqlTypes;
  private final PreparedStatement insert;
  private int pending;
  private int uncommittedBatches;
  private long inserted;

  /**
   * @param connection a connection with auto-commit off ({@link BenchDatabase#connectForBulk()})
   * @param table the engine table, e.g. {@code ACT_RU_TASK}
   */
  RowCloner(Connection connection, String table) throws SQLException {
    this.connection = connection;
    this.table = table;
    try (PreparedStatement probe = connection.prepareStatement("SELECT * FROM " + table + " WHERE 1 = 0");
        ResultSet rs = probe.executeQuery()) {
      ResultSetMetaData md = rs.getMetaData();
      columns = new ArrayList<>();
      sqlTypes = new int[md.getColumnCount()];
      for (int i = 1; i <= md.getColumnCount(); i++) {
        columns.add(md.getColumnName(i).toUpperCase(Locale.ROOT));
        sqlTypes[i - 1] = md.getColumnType(i);
      }
    }
    insert = connection.prepareStatement("INSERT INTO " + table + " (" + String.join(", ", columns)
        + ") VALUES (" + "?, ".repeat(columns.size() - 1) + "?)");
  }

  /** The rows of this table matching {@code where} (a SQL condition with ? parameters). */
  List<Map<String, Object>> templates(String where, Object... params) throws SQLException {
    List<Map<String, Object>> rows = new ArrayList<>();
    try (PreparedStatement select = connection.prepareStatement("SELECT * FROM " + table + " WHERE " + where)) {
      for (int i = 0; i < params.length; i++) {
        select.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          Map<String, Object> row = new LinkedHashMap<>();
          for (int i = 0; i < columns.size(); i++) {
            row.put(columns.get(i), rs.getObject(i + 1));
          }
          rows.add(row);
        }
      }
    }
    if (rows.isEmpty()) {
      throw new IllegalStateException("no template row in " + table + " where " + where);
    }
    return rows;
  }

  /** Adds a copy of {@code template} with {@code overrides} (upper-case column names) to the batch. */
  void add(Map<String, Object> template, Map<String, Object> overrides) throws SQLException {
    for (int i = 0; i < columns.size(); i++) {
      String column = columns.get(i);
      Object value = overrides.containsKey(column) ? overrides.get(column) : template.get(column);
      if (value == null) {
        insert.setNull(i + 1, sqlTypes[i]);
      } else {
        insert.setObject(i + 1, value);
      }
    }
    for (String column : overrides.keySet()) {
      if (!columns.contains(column)) {
        throw new IllegalArgumentException(table + " has no column " + column);
      }
    }
    insert.addBatch();
    if (++pending >= BATCH) {
      insert.executeBatch();
      inserted += pending;
      pending = 0;
      if (++uncommittedBatches >= BATCHES_PER_COMMIT) {
        connection.commit();
        uncommittedBatches = 0;
      }
    }
  }

  /** Executes the pending batch and commits (call in foreign-key order: parents first). */
  void flush() throws SQLException {
    if (pending > 0) {
      insert.executeBatch();
      inserted += pending;
      pending = 0;
    }
    connection.commit();
    uncommittedBatches = 0;
  }

  long inserted() {
    return inserted;
  }

  @Override
  public void close() throws SQLException {
    flush();
    insert.close();
  }
}
