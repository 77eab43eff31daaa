package co.ori.agreements;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bulk load of the agreements an office already holds on paper
 * ({@code POST /api/tenants/{tenant}/agreements/import}, contract "Registries";
 * {@code procedures.md} §2.a.4 "Migrate these as ACTIVE rows").
 *
 * <p>Format (RFC 4180, read with commons-csv): UTF-8 text, optional byte-order mark, separator
 * {@code ,} (or {@code ;} when the header has no comma, as Excel writes in Spanish locales).
 * Line 1 is the header: the JSON field names of {@link Agreement} ({@link #COLUMNS}), in any
 * order; only {@link #REQUIRED_COLUMNS} are mandatory; {@code id} is optional (generated when
 * empty). Cells: dates {@code yyyy-MM-dd}; booleans {@code true}/{@code false} (also
 * {@code sí}/{@code no}; empty = false); enums by constant name, case-insensitive; empty = null.
 *
 * <p>All or nothing: every row is checked before anything is saved; every bad row is reported by
 * its line number (line 1 = header, so the first data row is line 2), field and reason in Spanish,
 * e.g. {@code "línea 3: validUntil: no puede ser anterior a validFrom (2024-01-01)"}, and then
 * nothing of the file is saved.
 */
@Component
public class AgreementCsvImport {

  /** Accepted header names, i.e. the JSON field names of {@link Agreement} that can be loaded. */
  public static final List<String> COLUMNS = List.of("id", "partnerName", "partnerCountry",
      "partnerCity", "instrumentType", "specificPurpose", "parentAgreementId", "renewalOf",
      "scope", "responsibleUnit", "signedDate", "validFrom", "validUntil", "indefinite",
      "autoRenewal", "status", "mobilityPlacesPerPeriod", "network");

  /** Columns the header must contain (their cells are also required in every row). */
  public static final List<String> REQUIRED_COLUMNS =
      List.of("partnerName", "partnerCountry", "instrumentType", "scope", "validFrom");

  /** Largest accepted number of data rows in one file. */
  public static final int MAX_ROWS = 10_000;

  private static final Pattern LINE_BREAK = Pattern.compile("\r\n|\r|\n");

  private final JdbcAgreementRegistry registry;

  /** @param registry where the rows are stored, in one transaction */
  public AgreementCsvImport(JdbcAgreementRegistry registry) {
    this.registry = registry;
  }

  /**
   * Validates every row of a CSV file and, when all are valid, registers them all in one
   * transaction (status {@code ACTIVE} when the row gives none).
   *
   * @param tenantId the tenant the agreements belong to
   * @param csv the whole file
   * @return the stored rows, in file order
   * @throws RegistryValidationException with every problem, each prefixed by its line
   *     ({@code "línea 1: columnas desconocidas: foo"}, {@code "línea 3: partnerName: es obligatorio"});
   *     nothing is saved
   */
  @Transactional
  public List<Agreement> importCsv(String tenantId, String csv) {
    String text = csv == null ? "" : csv;
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    CSVFormat format = CSVFormat.DEFAULT.builder()
        .setDelimiter(detectDelimiter(text))
        .setIgnoreSurroundingSpaces(true)
        .setIgnoreEmptyLines(true)
        .get();
    List<String> errors = new ArrayList<>();
    List<Agreement> rows = new ArrayList<>();
    List<Integer> lines = new ArrayList<>();
    try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
      Iterator<CSVRecord> records = parser.iterator();
      if (!records.hasNext()) {
        throw new RegistryValidationException(JdbcAgreementRegistry.lineMessage(1,
            "el archivo está vacío; la línea 1 debe ser el encabezado con los campos: "
                + String.join(",", COLUMNS)));
      }
      CSVRecord headerRecord = records.next();
      Map<String, Integer> header = readHeader(headerRecord);
      int dataRows = 0;
      while (records.hasNext()) {
        CSVRecord record = records.next();
        int line = (int) parser.getCurrentLineNumber() - lineBreaks(record);
        if (isBlank(record)) {
          continue; // e.g. ",,,," rows that spreadsheets leave at the end
        }
        if (++dataRows > MAX_ROWS) {
          throw new RegistryValidationException(JdbcAgreementRegistry.lineMessage(line,
              "el archivo supera el máximo de " + MAX_ROWS + " filas; divídalo en varios archivos"));
        }
        List<String> rowErrors = new ArrayList<>();
        Agreement agreement = toAgreement(tenantId, record, header, headerRecord.size(), rowErrors);
        if (rowErrors.isEmpty()) {
          rows.add(agreement);
          lines.add(line);
        } else {
          rowErrors.forEach(e -> errors.add(JdbcAgreementRegistry.lineMessage(line, e)));
        }
      }
    } catch (UncheckedIOException | IOException e) {
      // Malformed CSV (e.g. a quote never closed): a user error, reported with the parser's reason.
      RegistryValidationException invalid = new RegistryValidationException(List.of(
          "formato CSV no válido (¿comillas sin cerrar?): " + e.getMessage()));
      invalid.initCause(e);
      throw invalid;
    }
    if (rows.isEmpty() && errors.isEmpty()) {
      throw new RegistryValidationException(JdbcAgreementRegistry.lineMessage(2,
          "el archivo no tiene filas de datos después del encabezado"));
    }
    if (!errors.isEmpty()) {
      // Some rows did not even parse: report them together with the problems of the others.
      errors.addAll(registry.validateAll(tenantId, rows, lines));
      errors.sort((a, b) -> Integer.compare(lineOf(a), lineOf(b)));
      throw new RegistryValidationException(errors);
    }
    return registry.registerAll(tenantId, rows, lines);
  }

  /** Column name → index; rejects unknown, duplicated and missing required columns. */
  private static Map<String, Integer> readHeader(CSVRecord headerRecord) {
    Map<String, Integer> header = new HashMap<>();
    Set<String> unknown = new LinkedHashSet<>();
    Set<String> duplicated = new LinkedHashSet<>();
    for (int i = 0; i < headerRecord.size(); i++) {
      String name = headerRecord.get(i).strip();
      if (name.isEmpty()) {
        unknown.add("(columna " + (i + 1) + " sin nombre)");
      } else if (!COLUMNS.contains(name)) {
        unknown.add(name);
      } else if (header.putIfAbsent(name, i) != null) {
        duplicated.add(name);
      }
    }
    List<String> errors = new ArrayList<>();
    if (!unknown.isEmpty()) {
      errors.add("columnas desconocidas: " + String.join(", ", unknown)
          + "; columnas permitidas: " + String.join(", ", COLUMNS));
    }
    if (!duplicated.isEmpty()) {
      errors.add("columnas repetidas: " + String.join(", ", duplicated));
    }
    List<String> missing = REQUIRED_COLUMNS.stream().filter(c -> !header.containsKey(c)).toList();
    if (!missing.isEmpty()) {
      errors.add("faltan columnas obligatorias: " + String.join(", ", missing));
    }
    if (!errors.isEmpty()) {
      throw new RegistryValidationException(
          errors.stream().map(e -> JdbcAgreementRegistry.lineMessage(1, e)).toList());
    }
    return header;
  }

  private static Agreement toAgreement(String tenantId, CSVRecord record,
      Map<String, Integer> header, int headerSize, List<String> errors) {
    if (record.size() != headerSize) {
      errors.add("tiene " + record.size() + " valores y el encabezado " + headerSize
          + " columnas");
      return null;
    }
    Cells cells = new Cells(record, header, errors);
    return new Agreement(
        cells.text("id"),
        tenantId,
        cells.enumValue("instrumentType", InstrumentType.class),
        cells.upperText("specificPurpose"),
        cells.text("parentAgreementId"),
        cells.text("renewalOf"),
        cells.text("partnerName"),
        cells.text("partnerCountry"),
        cells.text("partnerCity"),
        cells.enumValue("scope", AgreementScope.class),
        cells.text("responsibleUnit"),
        cells.date("signedDate"),
        cells.date("validFrom"),
        cells.date("validUntil"),
        cells.bool("indefinite"),
        cells.bool("autoRenewal"),
        cells.enumValue("status", AgreementStatus.class),
        cells.integer("mobilityPlacesPerPeriod"),
        cells.bool("network"),
        null);
  }

  private static boolean isBlank(CSVRecord record) {
    return record.stream().allMatch(String::isBlank);
  }

  /** Typed access to a row's cells; conversion problems go to the row's error list. */
  private record Cells(CSVRecord record, Map<String, Integer> header, List<String> errors) {

    String text(String column) {
      Integer index = header.get(column);
      if (index == null) {
        return null;
      }
      String value = record.get(index).strip();
      return value.isEmpty() ? null : value;
    }

    String upperText(String column) {
      String value = text(column);
      return value == null ? null : value.toUpperCase(Locale.ROOT);
    }

    <E extends Enum<E>> E enumValue(String column, Class<E> type) {
      return parse(column, value -> Enum.valueOf(type, value.toUpperCase(Locale.ROOT)),
          value -> column + ": valor '" + value + "' no válido; "
              + JdbcAgreementRegistry.allowed(type.getEnumConstants()));
    }

    LocalDate date(String column) {
      return parse(column, LocalDate::parse,
          value -> column + ": '" + value + "' no es una fecha válida yyyy-MM-dd");
    }

    Integer integer(String column) {
      return parse(column, Integer::valueOf,
          value -> column + ": '" + value + "' no es un número entero");
    }

    boolean bool(String column) {
      Boolean b = parse(column, value -> switch (value.toLowerCase(Locale.ROOT)) {
        case "true", "sí", "si", "s", "1" -> Boolean.TRUE;
        case "false", "no", "n", "0" -> Boolean.FALSE;
        default -> throw new IllegalArgumentException(value);
      }, value -> column + ": '" + value + "' no es true o false");
      return Boolean.TRUE.equals(b);
    }

    private <T> T parse(String column, Function<String, T> parser, Function<String, String> message) {
      String value = text(column);
      if (value == null) {
        return null;
      }
      try {
        return parser.apply(value);
      } catch (IllegalArgumentException | DateTimeParseException e) {
        errors.add(message.apply(value));
        return null;
      }
    }
  }

  /** {@code ;} when the header line has semicolons and no comma, else {@code ,}. */
  private static char detectDelimiter(String text) {
    String firstLine = LINE_BREAK.split(text, 2)[0];
    return firstLine.indexOf(';') >= 0 && firstLine.indexOf(',') < 0 ? ';' : ',';
  }

  /** Line breaks inside the (quoted) values of a record, to find the line it starts on. */
  private static int lineBreaks(CSVRecord record) {
    int count = 0;
    for (String value : record) {
      var matcher = LINE_BREAK.matcher(value);
      while (matcher.find()) {
        count++;
      }
    }
    return count;
  }

  private static int lineOf(String message) {
    String digits = message.substring("línea ".length(), message.indexOf(':'));
    return Integer.parseInt(digits);
  }
}
