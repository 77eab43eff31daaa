package co.ori.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Template loading and placeholder filling of {@link MailTemplates}, on the real template
 * {@code mail/agreement-request-approved.txt} and test templates under
 * {@code src/test/resources/mail/}.
 */
class MailTemplatesTest {

  private final MailTemplates templates = new MailTemplates();

  @Test
  void approvalTemplateIsFilledWithVariablesAndBuiltIns() {
    MailTemplates.RenderedMail mail = templates.render("agreement-request-approved", Map.of(
        "businessKey", "AGR-2026-0007",
        "partnerName", "Universidad de Salamanca",
        "reviewNotes", "Adjuntar la ficha técnica del convenio específico.",
        "tenantName", "Universidad Mayor de Cartagena",
        "processName", "Formalización de convenios"));

    assertThat(mail.subject()).isEqualTo("Solicitud de convenio aprobada (AGR-2026-0007)");
    assertThat(mail.body())
        .contains("Su solicitud AGR-2026-0007 de convenio con Universidad de Salamanca fue"
            + " revisada y aprobada por la Coordinación de Internacionalización (CINI) de"
            + " Universidad Mayor de Cartagena.")
        .contains("Adjuntar la ficha técnica del convenio específico.")
        .contains("\"Formalización de convenios\"")
        .doesNotContain("${")
        .doesNotStartWith("\n");
  }

  @Test
  void everyPlaceholderWithoutValueIsNamedInTheError() {
    Map<String, Object> values = new HashMap<>();
    values.put("businessKey", "AGR-2026-0007");
    values.put("reviewNotes", null);
    values.put("tenantName", "Universidad Mayor de Cartagena");
    values.put("processName", "Formalización de convenios");

    assertThatThrownBy(() -> templates.render("agreement-request-approved", values))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("agreement-request-approved")
        .hasMessageContaining("${partnerName}")
        .hasMessageContaining("${reviewNotes}")
        .message().doesNotContain("${businessKey}");
  }

  @Test
  void valuesAreFormattedForPeopleAndInsertedLiterally() {
    Map<String, Object> values = new HashMap<>();
    values.put("businessKey", "MOV-2026-0001");
    // 02:00 UTC on 20 March is still 19 March in Bogota
    values.put("startDate", Date.from(
        ZonedDateTime.of(2026, 3, 20, 2, 0, 0, 0, ZoneId.of("UTC")).toInstant()));
    values.put("endDate", LocalDate.of(2026, 12, 4));
    values.put("approved", true);
    values.put("note", "texto con ${businessKey} y ${otra} sin resolver");

    MailTemplates.RenderedMail mail = templates.render("test-values", values);

    assertThat(mail.subject()).isEqualTo("Recordatorio del caso MOV-2026-0001");
    assertThat(mail.body()).isEqualTo("""
        Fecha de inicio: 19/03/2026
        Fecha de regreso: 04/12/2026
        Aprobado: Sí
        Nota: texto con ${businessKey} y ${otra} sin resolver
        """);
  }

  @Test
  void unknownOrInvalidTemplateNamesAreRejected() {
    assertThatThrownBy(() -> templates.render("does-not-exist", Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("mail/does-not-exist.txt");
    assertThatThrownBy(() -> templates.render("../application", Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("mailTemplate");
    assertThatThrownBy(() -> templates.render(null, Map.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void templateWithoutSubjectLineIsRejected() {
    assertThatThrownBy(() -> templates.render("test-malformed", Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Asunto:");
  }
}
