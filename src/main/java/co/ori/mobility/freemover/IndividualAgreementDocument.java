package co.ori.mobility.freemover;

import com.deepoove.poi.XWPFTemplate;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The individual free-mover agreement of 003 Anexo 1 ("Modelo de convenio movilidad libre o free
 * mover") as a Word document, filled from the template
 * {@code templates/free-mover/convenio-individual.docx} with poi-tl ({@code {{tag}}} placeholders;
 * the template is written by {@code scripts/templates/free-mover-agreement.py} and may be edited
 * in Word as long as the tags stay). Every tag the template uses is given a value: an empty
 * datum prints as a visible blank line "________" to be completed by hand, never as the tag.
 */
@Component
public class IndividualAgreementDocument {

  /** MIME type of the generated document. */
  public static final String MIME_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

  /** Classpath location of the template. */
  public static final String TEMPLATE = "templates/free-mover/convenio-individual.docx";

  /** Printed for a datum the case does not have. */
  public static final String BLANK = "________";

  /**
   * Renders the template.
   *
   * @param data tag → value (texts)
   * @return the DOCX bytes
   * @throws UncheckedIOException when the template cannot be read or the document written
   */
  public byte[] render(Map<String, Object> data) {
    try (InputStream in = new ClassPathResource(TEMPLATE).getInputStream();
         XWPFTemplate template = XWPFTemplate.compile(in).render(data);
         ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      template.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("No se pudo generar el convenio individual desde " + TEMPLATE, e);
    }
  }

  /**
   * The template's data from a case's variables (start data §2.c.1/§2.d.1, the program director's
   * and council's outputs FI3-FI4, the DRE's draft data FI5, the fees FI9).
   *
   * @param agreementId the registry id the agreement will have
   */
  public static Map<String, Object> data(DelegateExecution execution, String agreementId) {
    Map<String, Object> d = new HashMap<>();
    for (String name : new String[] {"homeInstitution", "fullName", "documentNumber", "programName",
        "homeFaculty", "campus", "hostFaculty", "councilName", "councilActRef", "learningAgreement",
        "coordinatorName", "curricularArea", "homeCoordinatorName", "homeCoordinatorPosition",
        "unalSignatoryName", "unalSignatoryCity", "unalSignatoryIdNumber", "unalSignatoryIdCity",
        "unalSignatoryPosition", "unalSignatoryAppointment", "homeSignatoryName", "homeSignatoryPosition",
        "studentCity", "documentTypeLabel", "startDateText", "endDateText", "targetPeriod",
        "periodEndText", "feeSummary", "caseKey"}) {
      Object value = execution.getVariable(name);
      d.put(name, value == null || value.toString().isBlank() ? BLANK : value.toString());
    }
    d.put("agreementId", agreementId);
    d.put("homeInstitutionUpper", d.get("homeInstitution").toString().toUpperCase(Locale.forLanguageTag("es-CO")));
    Object count = execution.getVariable("extensionCount");
    String previous = FreeMover.text(execution, "individualAgreementId");
    d.put("extensionNote", count instanceof Number n && n.intValue() > 0
        ? " · Prórroga (nuevo convenio, 003 Parte 3 §7) del convenio " + (previous == null ? BLANK : previous)
        : "");
    d.put("generatedDateText", FreeMover.DAY.format(LocalDate.now(FreeMover.BOGOTA)));
    return d;
  }
}
