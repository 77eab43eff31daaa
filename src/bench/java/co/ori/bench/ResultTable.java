package co.ori.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The benchmark's result: one row per (part, metric), one column per database (H2, PostgreSQL)
 * side by side, plus unit and note. Printed as a text table and written as CSV (commons-csv).
 */
final class ResultTable {

  static final List<String> DATABASES = List.of("H2", "PostgreSQL");

  private static final class Row {
    final String part;
    final String metric;
    final String unit;
    final Map<String, String> values = new LinkedHashMap<>();
    String note = "";

    Row(String part, String metric, String unit) {
      this.part = part;
      this.metric = metric;
      this.unit = unit;
    }
  }

  private final Map<String, Row> rows = new LinkedHashMap<>();

  synchronized void put(String part, String metric, String unit, String database, double value) {
    put(part, metric, unit, database, format(value));
  }

  synchronized void put(String part, String metric, String unit, String database, String value) {
    row(part, metric, unit).values.put(database, value);
  }

  synchronized void note(String part, String metric, String unit, String note) {
    row(part, metric, unit).note = note;
  }

  private Row row(String part, String metric, String unit) {
    return rows.computeIfAbsent(part + "\u0000" + metric, k -> new Row(part, metric, unit));
  }

  static String format(double value) {
    if (Double.isNaN(value)) {
      return "-";
    }
    if (Math.abs(value) >= 100) {
      return String.format(Locale.ROOT, "%.0f", value);
    }
    if (Math.abs(value) >= 10) {
      return String.format(Locale.ROOT, "%.1f", value);
    }
    return String.format(Locale.ROOT, "%.2f", value);
  }

  synchronized void print(PrintStream out) {
    List<String[]> lines = new ArrayList<>();
    lines.add(new String[] {"Part", "Metric", "H2", "PostgreSQL", "Unit", "Note"});
    for (Row r : rows.values()) {
      lines.add(new String[] {r.part, r.metric, r.values.getOrDefault("H2", "-"),
          r.values.getOrDefault("PostgreSQL", "-"), r.unit, r.note});
    }
    int[] width = new int[6];
    for (String[] l : lines) {
      for (int i = 0; i < 6; i++) {
        width[i] = Math.max(width[i], l[i].length());
      }
    }
    String previousPart = null;
    for (int n = 0; n < lines.size(); n++) {
      String[] l = lines.get(n);
      if (n == 1 || (n > 1 && !l[0].equals(previousPart))) {
        out.println(separator(width));
      }
      StringBuilder sb = new StringBuilder("|");
      for (int i = 0; i < 6; i++) {
        boolean right = i == 2 || i == 3;
        String cell = (n > 1 && i == 0 && l[0].equals(previousPart)) ? "" : l[i];
        sb.append(' ').append(right ? pad(cell, width[i], true) : pad(cell, width[i], false)).append(" |");
      }
      out.println(sb);
      previousPart = n == 0 ? null : l[0];
    }
    out.println(separator(width));
  }

  private static String separator(int[] width) {
    StringBuilder sb = new StringBuilder("|");
    for (int w : width) {
      sb.append("-".repeat(w + 2)).append('|');
    }
    return sb.toString();
  }

  private static String pad(String s, int width, boolean right) {
    String fill = " ".repeat(Math.max(0, width - s.length()));
    return right ? fill + s : s + fill;
  }

  synchronized void writeCsv(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        CSVPrinter csv = new CSVPrinter(w, CSVFormat.DEFAULT.builder()
            .setHeader("part", "metric", "h2", "postgresql", "unit", "note").get())) {
      for (Row r : rows.values()) {
        csv.printRecord(r.part, r.metric, r.values.getOrDefault("H2", ""),
            r.values.getOrDefault("PostgreSQL", ""), r.unit, r.note);
      }
    }
  }
}
