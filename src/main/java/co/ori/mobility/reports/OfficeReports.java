package co.ori.mobility.reports;

import co.ori.agreements.Agreement;
import co.ori.agreements.AgreementRegistry;
import co.ori.mobility.MobilityCase;
import co.ori.mobility.MobilityCaseRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

/**
 * The reports an international-relations office owes ({@code procedures.md} §7, §2.a.4; issue 7),
 * computed from the mobility case registry ({@link MobilityCaseRegistry}, kept current by the
 * student-mobility procedures) and the agreement registry:
 * <ul>
 *   <li>reciprocity balances per agreement and period ({@link ReciprocityBalance}; 002 art. 18.1,
 *       004 art. 5.2, 31);</li>
 *   <li>office statistics per period, the figures reported to the ministry's information system
 *       (SNIES): mobility cases counted by direction, scope, mobility type, partner country and
 *       status; agreements counted by status, instrument type and expiry relative to the period.</li>
 * </ul>
 * Files: CSV (RFC 4180, UTF-8 with a byte-order mark, Commons CSV) and XLSX (one sheet per table,
 * header row frozen and filtered, Apache POI). Headers and labels in Spanish; codes kept as codes
 * so the figures can be loaded elsewhere.
 */
@Component
public class OfficeReports {

  /** Academic period {@code YYYY-1} (January–June) or {@code YYYY-2} (July–December). */
  public static final Pattern PERIOD = Pattern.compile("(\\d{4})-([12])");

  /** Sheet of the mobility statistics. */
  public static final String MOBILITY_SHEET = "Movilidad";
  /** Sheet of the agreements statistics. */
  public static final String AGREEMENTS_SHEET = "Convenios";
  /** Sheet of the reciprocity balances. */
  public static final String RECIPROCITY_SHEET = "Reciprocidad";

  /** Headers of the mobility statistics. */
  public static final List<String> MOBILITY_HEADERS = List.of("Periodo", "Dirección", "Ámbito",
      "Tipo de movilidad", "País de la otra institución", "Estado", "Movilidad libre", "Cantidad");
  /** Headers of the agreements statistics. */
  public static final List<String> AGREEMENT_HEADERS = List.of("Periodo", "Estado", "Tipo de instrumento",
      "Ámbito", "Vencimiento respecto del periodo", "Cantidad");
  /** Headers of the reciprocity report. */
  public static final List<String> RECIPROCITY_HEADERS = List.of("Convenio", "Institución aliada", "Periodo",
      "Estudiantes enviados", "Estudiantes recibidos", "Diferencia (recibidos - enviados)", "Balance");

  private final MobilityCaseRegistry cases;
  private final AgreementRegistry agreements;

  /** Wires the registries. */
  public OfficeReports(MobilityCaseRegistry cases, AgreementRegistry agreements) {
    this.cases = cases;
    this.agreements = agreements;
  }

  /** One row of the mobility statistics: a group and its count. */
  public record MobilityCount(String period, String direction, String scope, String mobilityType,
      String partnerCountry, String status, boolean freeMover, int count) {}

  /** One row of the agreements statistics. */
  public record AgreementCount(String period, String status, String instrumentType, String scope,
      String expiry, int count) {}

  /**
   * Reciprocity balances of one agreement: one per period with cases, oldest first (or only
   * {@code period} when given).
   */
  public List<ReciprocityBalance> reciprocity(String tenantId, String agreementId, String period) {
    String partner = agreements.findById(tenantId, agreementId).map(Agreement::partnerName).orElse(null);
    Map<String, List<MobilityCase>> byPeriod = cases.findByAgreement(tenantId, agreementId, period).stream()
        .filter(c -> c.targetPeriod() != null)
        .filter(c -> MobilityCase.Status.ACCEPTED_OR_LATER.contains(c.status()))
        .collect(Collectors.groupingBy(MobilityCase::targetPeriod, TreeMap::new, Collectors.toList()));
    if (period != null && byPeriod.isEmpty()) {
      byPeriod.put(period, List.of());
    }
    List<ReciprocityBalance> result = new ArrayList<>();
    byPeriod.forEach((p, list) -> result.add(ReciprocityBalance.of(agreementId, partner, p,
        count(list, MobilityCase.Direction.OUTGOING), count(list, MobilityCase.Direction.INCOMING))));
    return result;
  }

  /**
   * Reciprocity balances of every agreement with cases in the period (or in any period), by
   * agreement id then period.
   */
  public List<ReciprocityBalance> reciprocity(String tenantId, String period) {
    List<String> ids = cases.find(tenantId, period, null).stream().map(MobilityCase::agreementId)
        .filter(Objects::nonNull).distinct().sorted().toList();
    List<ReciprocityBalance> result = new ArrayList<>();
    for (String id : ids) {
      result.addAll(reciprocity(tenantId, id, period));
    }
    return result;
  }

  /** Mobility cases of the period counted by direction, scope, type, country, status and free mover. */
  public List<MobilityCount> mobility(String tenantId, String period) {
    Map<List<Object>, Long> groups = cases.find(tenantId, period, null).stream().collect(Collectors.groupingBy(
        c -> List.of(nz(c.targetPeriod()), c.direction().name(), nz(c.scope()), nz(c.mobilityType()),
            nz(c.partnerCountry()), c.status().name(), c.freeMover()), Collectors.counting()));
    return groups.entrySet().stream()
        .map(e -> new MobilityCount((String) e.getKey().get(0), (String) e.getKey().get(1), (String) e.getKey().get(2),
            (String) e.getKey().get(3), (String) e.getKey().get(4), (String) e.getKey().get(5),
            (Boolean) e.getKey().get(6), e.getValue().intValue()))
        .sorted(Comparator.comparing(MobilityCount::period).thenComparing(MobilityCount::direction)
            .thenComparing(MobilityCount::scope).thenComparing(MobilityCount::mobilityType)
            .thenComparing(MobilityCount::partnerCountry).thenComparing(MobilityCount::status))
        .toList();
  }

  /**
   * Agreements of the tenant counted by status, instrument type, scope and expiry relative to the
   * period ({@code VENCIDO} before it starts, {@code VENCE_EN_EL_PERIODO}, {@code VENCE_EN_6_MESES}
   * after it ends, {@code VIGENTE_MAS_DE_6_MESES}, {@code SIN_VENCIMIENTO} for indefinite ones,
   * {@code SIN_FECHA} when not signed yet).
   *
   * @throws IllegalArgumentException when {@code period} is not {@code YYYY-1}/{@code YYYY-2}
   */
  public List<AgreementCount> agreements(String tenantId, String period) {
    LocalDate[] bounds = bounds(period);
    Map<List<String>, Long> groups = agreements.findAll(tenantId).stream().collect(Collectors.groupingBy(
        a -> List.of(a.status() == null ? "" : a.status().name(), a.instrumentType() == null ? "" : a.instrumentType().name(),
            a.scope() == null ? "" : a.scope().name(), expiry(a, bounds[0], bounds[1])), Collectors.counting()));
    return groups.entrySet().stream()
        .map(e -> new AgreementCount(period, e.getKey().get(0), e.getKey().get(1), e.getKey().get(2), e.getKey().get(3),
            e.getValue().intValue()))
        .sorted(Comparator.comparing(AgreementCount::status).thenComparing(AgreementCount::instrumentType)
            .thenComparing(AgreementCount::scope).thenComparing(AgreementCount::expiry))
        .toList();
  }

  /**
   * First and last day of an academic period: {@code YYYY-1} = 1 January – 30 June, {@code YYYY-2}
   * = 1 July – 31 December.
   *
   * @throws IllegalArgumentException when the period is malformed
   */
  public static LocalDate[] bounds(String period) {
    var m = period == null ? null : PERIOD.matcher(period);
    if (m == null || !m.matches()) {
      throw new IllegalArgumentException("period: se espera AAAA-1 o AAAA-2, no '" + period + "'");
    }
    int year = Integer.parseInt(m.group(1));
    return "1".equals(m.group(2))
        ? new LocalDate[] {LocalDate.of(year, 1, 1), LocalDate.of(year, 6, 30)}
        : new LocalDate[] {LocalDate.of(year, 7, 1), LocalDate.of(year, 12, 31)};
  }

  // ---- files ---------------------------------------------------------------------------------

  /** The mobility statistics as CSV. */
  public byte[] mobilityCsv(List<MobilityCount> rows) {
    return csv(MOBILITY_HEADERS, rows, OfficeReports::mobilityValues);
  }

  /** The agreements statistics as CSV. */
  public byte[] agreementsCsv(List<AgreementCount> rows) {
    return csv(AGREEMENT_HEADERS, rows, OfficeReports::agreementValues);
  }

  /** The reciprocity balances as CSV. */
  public byte[] reciprocityCsv(List<ReciprocityBalance> rows) {
    return csv(RECIPROCITY_HEADERS, rows, OfficeReports::reciprocityValues);
  }

  /**
   * The statistics of a period as one XLSX workbook with three sheets: {@value #MOBILITY_SHEET},
   * {@value #AGREEMENTS_SHEET}, {@value #RECIPROCITY_SHEET}; counts as numbers.
   */
  public byte[] statisticsXlsx(List<MobilityCount> mobility, List<AgreementCount> agreementRows,
      List<ReciprocityBalance> reciprocity) {
    try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      CellStyle header = workbook.createCellStyle();
      Font bold = workbook.createFont();
      bold.setBold(true);
      bold.setColor(IndexedColors.WHITE.getIndex());
      header.setFont(bold);
      header.setFillForegroundColor(IndexedColors.DARK_TEAL.getIndex());
      header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
      header.setWrapText(true);
      sheet(workbook, header, MOBILITY_SHEET, MOBILITY_HEADERS, mobility, OfficeReports::mobilityValues);
      sheet(workbook, header, AGREEMENTS_SHEET, AGREEMENT_HEADERS, agreementRows, OfficeReports::agreementValues);
      sheet(workbook, header, RECIPROCITY_SHEET, RECIPROCITY_HEADERS, reciprocity, OfficeReports::reciprocityValues);
      workbook.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("No se pudo escribir el XLSX de estadísticas", e);
    }
  }

  private static <T> void sheet(XSSFWorkbook workbook, CellStyle header, String name, List<String> headers,
      List<T> rows, Function<T, List<Object>> values) {
    Sheet sheet = workbook.createSheet(name);
    Row head = sheet.createRow(0);
    for (int i = 0; i < headers.size(); i++) {
      head.createCell(i).setCellValue(headers.get(i));
      head.getCell(i).setCellStyle(header);
      sheet.setColumnWidth(i, 22 * 256);
    }
    int r = 1;
    for (T row : rows) {
      Row line = sheet.createRow(r++);
      List<Object> cells = values.apply(row);
      for (int i = 0; i < cells.size(); i++) {
        Object v = cells.get(i);
        if (v instanceof Integer n) {
          line.createCell(i).setCellValue(n);
        } else if (v != null) {
          line.createCell(i).setCellValue(v.toString());
        }
      }
    }
    sheet.createFreezePane(0, 1);
    sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, r - 1), 0, headers.size() - 1));
  }

  private static <T> byte[] csv(List<String> headers, List<T> rows, Function<T, List<Object>> values) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
      writer.write('\uFEFF');
      CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180.builder()
          .setHeader(headers.toArray(String[]::new)).get());
      for (T row : rows) {
        printer.printRecord(values.apply(row).stream().map(v -> v == null ? "" : v.toString()).toList());
      }
      printer.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("No se pudo escribir el CSV", e);
    }
    return out.toByteArray();
  }

  private static List<Object> mobilityValues(MobilityCount c) {
    return List.of(c.period(), c.direction(), c.scope(), c.mobilityType(), c.partnerCountry(), c.status(),
        c.freeMover() ? "Sí" : "No", c.count());
  }

  private static List<Object> agreementValues(AgreementCount c) {
    return List.of(c.period(), c.status(), c.instrumentType(), c.scope(), c.expiry(), c.count());
  }

  private static List<Object> reciprocityValues(ReciprocityBalance b) {
    List<Object> v = new ArrayList<>();
    v.add(b.agreementId());
    v.add(b.partnerName() == null ? "" : b.partnerName());
    v.add(b.period());
    v.add(b.sent());
    v.add(b.received());
    v.add(b.difference());
    v.add(b.statusLabel());
    return v;
  }

  private static String expiry(Agreement a, LocalDate periodStart, LocalDate periodEnd) {
    if (a.indefinite()) {
      return "SIN_VENCIMIENTO";
    }
    LocalDate until = a.validUntil();
    if (until == null) {
      return "SIN_FECHA";
    }
    if (until.isBefore(periodStart)) {
      return "VENCIDO";
    }
    if (!until.isAfter(periodEnd)) {
      return "VENCE_EN_EL_PERIODO";
    }
    if (!until.isAfter(periodEnd.plusMonths(6))) {
      return "VENCE_EN_6_MESES";
    }
    return "VIGENTE_MAS_DE_6_MESES";
  }

  private static int count(List<MobilityCase> list, MobilityCase.Direction direction) {
    return (int) list.stream().filter(c -> c.direction() == direction).count();
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
