package co.ori.cooperation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

/**
 * Exports the calls matrix (matriz de convocatorias, 001 tasks 1, 2, 6, 7) for the office's
 * reports, with Spanish column headers and Spanish names of statuses and codes:
 * <ul>
 *   <li>CSV (RFC 4180, comma-separated, UTF-8 with a byte-order mark so spreadsheet programs
 *       read the accents; dates {@code yyyy-MM-dd}, amounts with a decimal point), written with
 *       Apache Commons CSV;</li>
 *   <li>XLSX (one sheet "Matriz de convocatorias", header row frozen and filtered, dates as
 *       date cells {@code dd/mm/yyyy}, amounts and priority as numbers), written with Apache
 *       POI.</li>
 * </ul>
 */
@Component
public class CooperationCallExport {

  /** Name of the XLSX sheet. */
  public static final String SHEET = "Matriz de convocatorias";

  private static final ZoneId BOGOTA = ZoneId.of("America/Bogota");

  /** One column: Spanish header, value of a row (String, LocalDate, BigDecimal, Integer, LocalDateTime), width. */
  private record Column(String header, Function<CooperationCall, Object> value, int width) {}

  private static final List<Column> COLUMNS = List.of(
      new Column("Id del caso", CooperationCall::id, 16),
      new Column("Convocatoria", CooperationCall::title, 40),
      new Column("Organismo cooperante", CooperationCall::hostInstitution, 30),
      new Column("País del cooperante", CooperationCall::hostCountry, 16),
      new Column("Fuente de información", c -> CooperationValues.infoSourceLabel(c.infoSource()), 26),
      new Column("Enlace", CooperationCall::callUrl, 30),
      new Column("Fecha de apertura", CooperationCall::openingDate, 12),
      new Column("Fecha de cierre", CooperationCall::closingDate, 12),
      new Column("Monto de los recursos", CooperationCall::resourcesAmount, 16),
      new Column("Moneda", CooperationCall::currency, 8),
      new Column("Tipo de apoyo", c -> CooperationValues.supportTypeLabel(c.supportType()), 24),
      new Column("Actores que pueden aplicar", CooperationCall::eligibleActors, 36),
      new Column("Impacto esperado", CooperationCall::expectedImpact, 36),
      new Column("Prioridad (1-5)", CooperationCall::priorityScore, 10),
      new Column("Origen de la solicitud", c -> CooperationValues.requestOriginLabel(c.requestOrigin()), 24),
      new Column("Estado", c -> c.status().label(), 22),
      new Column("Resultado", c -> c.outcome() == null ? "En curso" : c.outcome().label(), 26),
      new Column("Observaciones", CooperationCall::outcomeNotes, 40),
      new Column("Dependencia u organización que aplica", CooperationCall::leadDependency, 30),
      new Column("Medio de presentación", c -> channelLabel(c.submissionChannel()), 18),
      new Column("Radicado", CooperationCall::submissionRef, 20),
      new Column("Fecha de presentación", CooperationCall::submissionDate, 12),
      new Column("Última actualización", c -> c.updatedAt() == null ? null
          : c.updatedAt().atZoneSameInstant(BOGOTA).toLocalDateTime(), 17));

  /** The Spanish column headers, in order. */
  public static List<String> headers() {
    return COLUMNS.stream().map(Column::header).toList();
  }

  /**
   * The matrix as CSV: a header row, then one row per call.
   *
   * @return UTF-8 bytes, starting with a byte-order mark
   */
  public byte[] csv(List<CooperationCall> calls) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
      // the byte-order mark goes before the header, which the printer writes when created
      writer.write('\uFEFF');
      CSVPrinter printer = new CSVPrinter(writer,
          CSVFormat.RFC4180.builder().setHeader(headers().toArray(String[]::new)).get());
      for (CooperationCall call : calls) {
        List<String> values = new ArrayList<>();
        for (Column column : COLUMNS) {
          values.add(csvText(column.value().apply(call)));
        }
        printer.printRecord(values);
      }
      printer.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("No se pudo escribir el CSV de la matriz de convocatorias", e);
    }
    return out.toByteArray();
  }

  /**
   * The matrix as an XLSX workbook with one sheet ({@value #SHEET}).
   *
   * @return the workbook's bytes
   */
  public byte[] xlsx(List<CooperationCall> calls) {
    try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = workbook.createSheet(SHEET);
      CellStyle header = workbook.createCellStyle();
      Font bold = workbook.createFont();
      bold.setBold(true);
      bold.setColor(IndexedColors.WHITE.getIndex());
      header.setFont(bold);
      header.setFillForegroundColor(IndexedColors.DARK_TEAL.getIndex());
      header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
      header.setBorderBottom(BorderStyle.THIN);
      header.setWrapText(true);
      header.setVerticalAlignment(VerticalAlignment.CENTER);
      CellStyle date = workbook.createCellStyle();
      date.setDataFormat(workbook.createDataFormat().getFormat("dd/mm/yyyy"));
      CellStyle dateTime = workbook.createCellStyle();
      dateTime.setDataFormat(workbook.createDataFormat().getFormat("dd/mm/yyyy hh:mm"));
      CellStyle amount = workbook.createCellStyle();
      amount.setDataFormat(workbook.createDataFormat().getFormat("#,##0.00"));
      CellStyle text = workbook.createCellStyle();
      text.setVerticalAlignment(VerticalAlignment.TOP);

      Row head = sheet.createRow(0);
      for (int i = 0; i < COLUMNS.size(); i++) {
        Cell cell = head.createCell(i);
        cell.setCellValue(COLUMNS.get(i).header());
        cell.setCellStyle(header);
        sheet.setColumnWidth(i, COLUMNS.get(i).width() * 256);
      }
      int r = 1;
      for (CooperationCall call : calls) {
        Row row = sheet.createRow(r++);
        for (int i = 0; i < COLUMNS.size(); i++) {
          Object value = COLUMNS.get(i).value().apply(call);
          if (value == null) {
            continue;
          }
          Cell cell = row.createCell(i);
          if (value instanceof LocalDate day) {
            cell.setCellValue(day);
            cell.setCellStyle(date);
          } else if (value instanceof LocalDateTime at) {
            cell.setCellValue(at);
            cell.setCellStyle(dateTime);
          } else if (value instanceof BigDecimal number) {
            cell.setCellValue(number.doubleValue());
            cell.setCellStyle(amount);
          } else if (value instanceof Integer number) {
            cell.setCellValue(number);
          } else {
            cell.setCellValue(value.toString());
            cell.setCellStyle(text);
          }
        }
      }
      sheet.createFreezePane(0, 1);
      sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, r - 1), 0, COLUMNS.size() - 1));
      workbook.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("No se pudo escribir el XLSX de la matriz de convocatorias", e);
    }
  }

  private static String csvText(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof BigDecimal number) {
      return number.toPlainString();
    }
    if (value instanceof LocalDateTime at) {
      return at.withNano(0).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
    }
    if (value instanceof OffsetDateTime at) {
      return at.toString();
    }
    return value.toString();
  }

  private static String channelLabel(String channel) {
    if (channel == null) {
      return null;
    }
    return switch (channel) {
      case "EMAIL" -> "Correo electrónico";
      case "POSTAL" -> "Correo físico";
      case "PLATFORM" -> "Plataforma del oferente";
      default -> channel;
    };
  }
}
