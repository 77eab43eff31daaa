package co.ori.mobility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.ori.agreements.RegistryTestUsers;
import co.ori.agreements.RegistryValidationException;
import co.ori.mobility.Ban.Scope;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/**
 * The bans registry {@code mobility-bans} ({@code procedures.md} §6.4): period-based, date-based
 * (boundary: {@code banUntil} itself is free) and open-ended bans, lifting, validation, and
 * {@code GET /api/tenants/{tenant}/bans?personId=…}. Real H2, real HTTP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class BanRegistryTest {

  @Autowired BanRegistry bans;
  @Autowired TestRestTemplate anonymous;
  @Autowired IdentityService identityService;

  String person;

  @BeforeEach
  void newPerson() {
    person = "CC-" + UUID.randomUUID().toString().substring(0, 10);
  }

  @Test
  void aPeriodBanBarsExactlyItsPeriodsScopeAndPerson() {
    // W2 (002 art. 12.1): withdrawal in 2025-2 without force majeure → 2026-1 and 2026-2
    Ban stored = bans.record("cesmag", periodBan(person, Scope.ACADEMIC_MOBILITY, Ban.followingPeriods("2025-2", 2)));

    assertThat(stored.id()).matches("BAN-\\d{4}-\\d{4}");
    assertThat(stored.bannedPeriods()).containsExactly("2026-1", "2026-2");
    assertThat(stored.createdAt()).isNotNull();
    assertThat(stored.isActive()).isTrue();

    assertThat(bans.isBanned("cesmag", person, Scope.ACADEMIC_MOBILITY, null, "2026-1")).isTrue();
    assertThat(bans.isBanned("cesmag", person, Scope.ACADEMIC_MOBILITY, LocalDate.of(2026, 8, 1), "2026-2")).isTrue();
    assertThat(bans.isBanned("cesmag", person, Scope.ACADEMIC_MOBILITY, null, "2025-2")).isFalse();
    assertThat(bans.isBanned("cesmag", person, Scope.ACADEMIC_MOBILITY, null, "2027-1")).isFalse();
    assertThat(bans.isBanned("cesmag", person, Scope.ACADEMIC_MOBILITY, LocalDate.of(2026, 3, 1), null))
        .as("a period ban is not checked by date").isFalse();
    assertThat(bans.isBanned("cesmag", person, Scope.SPORTS, null, "2026-1")).as("other scope").isFalse();
    assertThat(bans.isBanned("cesmag", person + "x", Scope.ACADEMIC_MOBILITY, null, "2026-1")).as("other person").isFalse();
    assertThat(bans.isBanned("unal", person, Scope.ACADEMIC_MOBILITY, null, "2026-1")).as("other tenant").isFalse();
    assertThat(bans.bansInForce("cesmag", person, Scope.ACADEMIC_MOBILITY, null, "2026-1")).containsExactly(stored);
  }

  @Test
  void aDateBanEndsOnBanUntilItself() {
    // N2 (003 Parte 1 §2.13): oficio 2025-03-15 → banUntil 2026-03-15
    bans.record("unal", new Ban(null, null, person, Scope.UNAL_NEW_MOBILITY, null,
        LocalDate.of(2026, 3, 15), "003 Parte 1 §2.13", "pi-1", "Desistimiento sin fuerza mayor",
        null, null, null));

    assertThat(bans.isBanned("unal", person, Scope.UNAL_NEW_MOBILITY, LocalDate.of(2025, 3, 16), null)).isTrue();
    assertThat(bans.isBanned("unal", person, Scope.UNAL_NEW_MOBILITY, LocalDate.of(2026, 3, 14), "2026-1")).isTrue();
    assertThat(bans.isBanned("unal", person, Scope.UNAL_NEW_MOBILITY, LocalDate.of(2026, 3, 15), null))
        .as("banUntil itself: applicationDate < banUntil is false").isFalse();
    assertThat(bans.isBanned("unal", person, Scope.UNAL_NEW_MOBILITY, LocalDate.of(2026, 3, 16), null)).isFalse();
    assertThat(bans.isBanned("unal", person, Scope.UNAL_NEW_MOBILITY, null, "2026-1"))
        .as("a date ban is not checked by period").isFalse();
  }

  @Test
  void anOpenEndedBanAppliesUntilLifted() {
    // W6 (002 art. 9.6): failed two or more courses → EXCHANGE_PERMANENT
    Ban ban = bans.record("cesmag", new Ban(null, "cesmag", person, Scope.EXCHANGE_PERMANENT, List.of(), null,
        "002 art. 9.6", null, null, null, null, null));
    assertThat(bans.isBanned("cesmag", person, Scope.EXCHANGE_PERMANENT, LocalDate.of(2040, 1, 1), null)).isTrue();
    assertThat(bans.isBanned("cesmag", person, Scope.EXCHANGE_PERMANENT, null, "2031-2")).isTrue();

    Ban lifted = bans.lift("cesmag", ban.id(), "Decisión del comité");
    assertThat(lifted.isActive()).isFalse();
    assertThat(lifted.liftedAt()).isNotNull();
    assertThat(lifted.liftReason()).isEqualTo("Decisión del comité");
    assertThat(bans.isBanned("cesmag", person, Scope.EXCHANGE_PERMANENT, LocalDate.of(2040, 1, 1), null)).isFalse();
    assertThat(bans.find("cesmag", person)).containsExactly(lifted);

    assertThatThrownBy(() -> bans.lift("cesmag", ban.id(), null))
        .isInstanceOf(RegistryValidationException.class).hasMessageContaining("ya fue levantada");
    assertThatThrownBy(() -> bans.lift("cesmag", "BAN-1900-0001", null))
        .isInstanceOf(RegistryValidationException.class).hasMessageContaining("BAN-1900-0001");
  }

  @Test
  void invalidBansAreRefusedNamingTheField() {
    assertThatThrownBy(() -> bans.record("cesmag", new Ban(null, null, " ", null, List.of("2026-3", "2026-1"),
        LocalDate.of(2027, 1, 1), null, null, null, null, null, null)))
        .isInstanceOfSatisfying(RegistryValidationException.class, e -> assertThat(e.errors())
            .anySatisfy(m -> assertThat(m).isEqualTo("personId: es obligatorio"))
            .anySatisfy(m -> assertThat(m).startsWith("scope: es obligatorio").contains("UFPS_SUPPORT_EXCLUDED"))
            .anySatisfy(m -> assertThat(m).isEqualTo("bannedPeriods: '2026-3' no válido; se espera YYYY-1 o YYYY-2"))
            .anySatisfy(m -> assertThat(m).startsWith("banUntil: debe estar vacío")));
    assertThat(bans.find("cesmag", " ")).isEmpty();
  }

  @Test
  void followingPeriodsCrossTheYear() {
    assertThat(Ban.followingPeriods("2025-1", 2)).containsExactly("2025-2", "2026-1");
    assertThat(Ban.followingPeriods("2025-2", 3)).containsExactly("2026-1", "2026-2", "2027-1");
    assertThatThrownBy(() -> Ban.followingPeriods("2025-3", 1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void getListsActiveAndLiftedBansFilteredByPerson() {
    Ban active = bans.record("cesmag", periodBan(person, Scope.SPORTS, List.of("2026-1", "2026-2")));
    Ban lifted = bans.lift("cesmag", bans.record("cesmag", new Ban(null, null, person,
        Scope.TEACHER_MOBILITY_APPROVAL, null, null, "002 art. 36 par. 1", null, null, null, null, null)).id(),
        "Informe entregado");
    Ban otherPerson = bans.record("cesmag", periodBan(person + "-otro", Scope.SPORTS, List.of("2026-1")));
    TestRestTemplate admin = anonymous.withBasicAuth("demo", "demo");

    ResponseEntity<JsonNode> mine = admin.getForEntity("/api/tenants/cesmag/bans?personId=" + person, JsonNode.class);
    assertThat(mine.getStatusCode().value()).isEqualTo(200);
    assertThat(mine.getBody().findValuesAsText("id")).containsExactly(active.id(), lifted.id());
    JsonNode first = mine.getBody().get(0);
    assertThat(first.path("personId").asText()).isEqualTo(person);
    assertThat(first.path("scope").asText()).isEqualTo("SPORTS");
    assertThat(first.path("bannedPeriods").toString()).isEqualTo("[\"2026-1\",\"2026-2\"]");
    assertThat(first.path("sourceRule").asText()).isEqualTo("002 art. 34.1");
    assertThat(first.path("active").asBoolean()).isTrue();
    JsonNode second = mine.getBody().get(1);
    assertThat(second.path("active").asBoolean()).isFalse();
    assertThat(second.path("liftedAt").asText()).isNotBlank();
    assertThat(second.path("liftReason").asText()).isEqualTo("Informe entregado");

    ResponseEntity<JsonNode> all = admin.getForEntity("/api/tenants/cesmag/bans", JsonNode.class);
    assertThat(all.getBody().findValuesAsText("id")).contains(active.id(), lifted.id(), otherPerson.id());

    assertThat(anonymous.getForEntity("/api/tenants/cesmag/bans", String.class).getStatusCode().value()).isEqualTo(401);
    TestRestTemplate umc = anonymous.withBasicAuth(RegistryTestUsers.ensureUmcUser(identityService), RegistryTestUsers.PASSWORD);
    assertThat(umc.getForEntity("/api/tenants/cesmag/bans?personId=" + person, String.class).getStatusCode().value())
        .isEqualTo(403);
    assertThat(admin.getForEntity("/api/tenants/atlantida/bans", String.class).getStatusCode().value()).isEqualTo(404);
  }

  static Ban periodBan(String person, Scope scope, List<String> periods) {
    return new Ban(null, null, person, scope, periods, null, "002 art. 34.1", "pi-42",
        "Retiro sin justificación", null, null, null);
  }
}
