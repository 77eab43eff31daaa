package co.ori.mobility.outgoing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The rule catalogue and the tenant tables agree: every rule id a table can return has a Spanish
 * reason and an article; every intake rule of the catalogue (step O5) is a row of its
 * institution's {@code student-outgoing-eligibility}, and a rule checked only at a later step (a
 * gate, through {@code recordGate}) is not. Ids of procedures.md §3: CES-SO-01…33, UN-SO-01…13, UF-SO-01…18.
 */
class StudentOutgoingRuleCatalogueTest {

  static final Map<String, String> PREFIX = Map.of("cesmag", "CES-SO-", "unal", "UN-SO-", "ufps", "UF-SO-");
  static final Map<String, Integer> COUNT = Map.of("cesmag", 33, "unal", 13, "ufps", 18);

  @Test
  void everyRuleOfTheSpecIsCataloguedAndEveryIntakeRuleIsInItsTable() throws IOException {
    for (String tenant : PREFIX.keySet()) {
      Set<String> inTable = ruleIds(tenant);
      Set<String> intake = new TreeSet<>();
      for (int i = 1; i <= COUNT.get(tenant); i++) {
        String id = PREFIX.get(tenant) + String.format("%02d", i);
        StudentOutgoingRuleCatalogue.Rule rule = StudentOutgoingRuleCatalogue.RULES.get(id);
        assertThat(rule).as(id).isNotNull();
        assertThat(rule.reason()).as(id).isNotBlank();
        assertThat(rule.source()).as(id).matches(".*(art\\.|Parte).*");
        if (rule.intake()) {
          intake.add(id);
        }
      }
      assertThat(inTable).as("rows of %s/student-outgoing-eligibility.dmn", tenant).isEqualTo(intake);
    }
    assertThat(StudentOutgoingRuleCatalogue.RULES).hasSize(33 + 13 + 18);
  }

  @Test
  void describeGivesReasonValuesAndArticle() {
    String line = StudentOutgoingRuleCatalogue.describe("CES-SO-09", Map.<String, Object>of("cumulativeGpa", 3.99)::get);
    assertThat(line).startsWith("CES-SO-09: El promedio acumulado debe ser mínimo 4,0")
        .contains("(promedio acumulado: 3,99)").endsWith("Fuente: Acuerdo 106 de 2023 (Universidad CESMAG), art. 10 num. 9 lit. b.");
    assertThat(StudentOutgoingRuleCatalogue.describeAll(java.util.List.of("UN-SO-03", "UN-SO-08"),
        Map.<String, Object>of("creditsApprovedPct", 39.9, "applicationsInPeriod", 3)::get))
        .contains("- UN-SO-03: ", "(créditos aprobados: 39,9 %)", "\n- UN-SO-08: ", "(solicitudes en el periodo, incluida esta: 3)");
    assertThatThrownBy(() -> StudentOutgoingRuleCatalogue.describe("XX-01", n -> null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  static Set<String> ruleIds(String tenant) throws IOException {
    String path = "/processes/decisions/" + tenant + "/student-outgoing-eligibility.dmn";
    try (InputStream in = StudentOutgoingRuleCatalogueTest.class.getResourceAsStream(path)) {
      assertThat(in).as(path).isNotNull();
      String xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      Matcher m = Pattern.compile("<outputEntry[^>]*><text>\"([A-Z]+-SO-\\d\\d)\"</text>").matcher(xml);
      Set<String> ids = new TreeSet<>();
      while (m.find()) {
        ids.add(m.group(1));
      }
      return ids;
    }
  }
}
