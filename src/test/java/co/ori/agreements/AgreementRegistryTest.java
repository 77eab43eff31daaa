package co.ori.agreements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The agreement registry on its table ({@code procedures.md} §2.a.4): register with generated ids,
 * validation naming the field, all-or-nothing batches and CSV files reported by line, and the
 * status/validity updates the formalization process uses. Real H2 (profile {@code test}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AgreementRegistryTest {

  private static final String TENANT = "unal";

  @Autowired JdbcAgreementRegistry registry;
  @Autowired AgreementCsvImport csvImport;

  @Test
  void registerGeneratesAReadableIdAndStoresActive() {
    String partner = "Universidad de Chile " + UUID.randomUUID();
    Agreement stored = registry.register(TENANT, marco(null, partner,
        LocalDate.of(2024, 2, 1), LocalDate.of(2029, 1, 31)));

    assertThat(stored.id()).matches("CNV-\\d{4}-\\d{4}");
    assertThat(stored.tenantId()).isEqualTo(TENANT);
    assertThat(stored.status()).isEqualTo(AgreementStatus.ACTIVE);
    assertThat(stored.partnerName()).isEqualTo(partner);
    assertThat(registry.findById(TENANT, stored.id())).contains(stored);
    assertThat(registry.findById("ufps", stored.id())).isEmpty();
    assertThat(registry.findAll(TENANT)).contains(stored);

    Agreement second = registry.register(TENANT, marco(null, partner + " 2", LocalDate.of(2024, 1, 1), null, true));
    assertThat(second.id()).isNotEqualTo(stored.id()).matches("CNV-\\d{4}-\\d{4}");
    assertThat(second.indefinite()).isTrue();
    assertThat(second.validUntil()).isNull();
  }

  @Test
  void everyInvalidFieldIsNamedAndNothingIsSaved() {
    long before = registry.count(TENANT);
    Agreement bad = new Agreement(null, null, InstrumentType.CONVENIO_ESPECIFICO, null, "NO-EXISTE",
        null, " ", null, null, null, null, null, LocalDate.of(2025, 5, 1), LocalDate.of(2025, 4, 30),
        false, false, null, -1, false, null);

    assertThatThrownBy(() -> registry.register(TENANT, bad))
        .isInstanceOfSatisfying(RegistryValidationException.class, e -> assertThat(e.errors())
            .anySatisfy(m -> assertThat(m).startsWith("partnerName:"))
            .anySatisfy(m -> assertThat(m).startsWith("partnerCountry:"))
            .anySatisfy(m -> assertThat(m).startsWith("scope:").contains("NACIONAL, INTERNACIONAL"))
            .anySatisfy(m -> assertThat(m).startsWith("specificPurpose:").contains("MOVILIDAD"))
            .anySatisfy(m -> assertThat(m).startsWith("parentAgreementId:").contains("NO-EXISTE"))
            .anySatisfy(m -> assertThat(m).startsWith("validUntil:").contains("anterior a validFrom"))
            .anySatisfy(m -> assertThat(m).startsWith("mobilityPlacesPerPeriod:")));
    assertThat(registry.count(TENANT)).isEqualTo(before);
  }

  @Test
  void validUntilIsRequiredUnlessIndefiniteAndEmptyWhenIndefinite() {
    assertThatThrownBy(() -> registry.register(TENANT, marco(null, "Sin fin", LocalDate.of(2024, 1, 1), null, false)))
        .isInstanceOfSatisfying(RegistryValidationException.class,
            e -> assertThat(e.errors()).singleElement().asString().startsWith("validUntil:").contains("indefinite"));
    assertThatThrownBy(() -> registry.register(TENANT, marco(null, "Contradictorio",
        LocalDate.of(2024, 1, 1), LocalDate.of(2026, 1, 1), true)))
        .isInstanceOfSatisfying(RegistryValidationException.class,
            e -> assertThat(e.errors()).singleElement().asString().startsWith("validUntil:").contains("vacío"));
    assertThatThrownBy(() -> registry.register(TENANT, marco(null, "Sin inicio", null, LocalDate.of(2026, 1, 1))))
        .isInstanceOfSatisfying(RegistryValidationException.class,
            e -> assertThat(e.errors()).singleElement().asString().startsWith("validFrom:"));
  }

  @Test
  void aGivenIdIsKeptAndCannotBeRegisteredTwice() {
    String id = "LEGACY-" + UUID.randomUUID().toString().substring(0, 8);
    Agreement stored = registry.register(TENANT, marco(id, "Universidad de Lima", LocalDate.of(2020, 1, 1), LocalDate.of(2030, 1, 1)));
    assertThat(stored.id()).isEqualTo(id);
    // the same id in another tenant is another agreement
    assertThat(registry.register("ufps", marco(id, "Universidad de Lima", LocalDate.of(2020, 1, 1), LocalDate.of(2030, 1, 1))).tenantId())
        .isEqualTo("ufps");

    assertThatThrownBy(() -> registry.register(TENANT, marco(id, "Otra", LocalDate.of(2020, 1, 1), LocalDate.of(2030, 1, 1))))
        .isInstanceOfSatisfying(RegistryValidationException.class,
            e -> assertThat(e.errors()).containsExactly("id: ya existe un convenio con id " + id));
  }

  @Test
  void registerAllIsAllOrNothingAndReportsEveryBadRowByLine() {
    long before = registry.count(TENANT);
    List<Agreement> batch = List.of(
        marco(null, "Fila buena", LocalDate.of(2024, 1, 1), LocalDate.of(2027, 1, 1)),
        marco(null, "", LocalDate.of(2024, 1, 1), LocalDate.of(2027, 1, 1)),
        marco(null, "Fila buena 2", LocalDate.of(2024, 1, 1), LocalDate.of(2027, 1, 1)),
        marco(null, "Fechas al revés", LocalDate.of(2024, 1, 1), LocalDate.of(2023, 1, 1)));

    assertThatThrownBy(() -> registry.registerAll(TENANT, batch))
        .isInstanceOfSatisfying(RegistryValidationException.class, e -> assertThat(e.errors())
            .containsExactly("línea 3: partnerName: es obligatorio",
                "línea 5: validUntil: no puede ser anterior a validFrom (2024-01-01)"));
    assertThat(registry.count(TENANT)).isEqualTo(before);
  }

  @Test
  void aBatchMayReferToItsOwnRowsButNotRepeatAnId() {
    String marcoId = "MARCO-" + UUID.randomUUID().toString().substring(0, 8);
    Agreement especifico = new Agreement(null, null, InstrumentType.CONVENIO_ESPECIFICO, "MOVILIDAD",
        marcoId, null, "Universidad de Chile", "Chile", null, AgreementScope.INTERNACIONAL, null, null,
        LocalDate.of(2024, 1, 1), LocalDate.of(2025, 12, 31), false, false, null, 4, false, null);
    List<Agreement> stored = registry.registerAll(TENANT,
        List.of(especifico, marco(marcoId, "Universidad de Chile", LocalDate.of(2024, 1, 1), LocalDate.of(2029, 1, 1))));
    assertThat(stored).extracting(Agreement::parentAgreementId).containsExactly(marcoId, null);
    assertThat(stored.get(0).mobilityPlacesPerPeriod()).isEqualTo(4);

    String dup = "DUP-" + UUID.randomUUID().toString().substring(0, 8);
    long before = registry.count(TENANT);
    assertThatThrownBy(() -> registry.registerAll(TENANT, List.of(
        marco(dup, "A", LocalDate.of(2024, 1, 1), LocalDate.of(2025, 1, 1)),
        marco(dup, "B", LocalDate.of(2024, 1, 1), LocalDate.of(2025, 1, 1)))))
        .isInstanceOfSatisfying(RegistryValidationException.class, e -> assertThat(e.errors())
            .containsExactly("línea 3: id: el id " + dup + " está repetido en el archivo"));
    assertThat(registry.count(TENANT)).isEqualTo(before);
  }

  @Test
  void theFormalizationProcessMovesARequestThroughItsStatuses() {
    String key = "AGR-2026-" + UUID.randomUUID().toString().substring(0, 6);
    Agreement request = new Agreement(key, null, InstrumentType.CONVENIO_MARCO, null, null, null,
        "Universidad de Salamanca", "España", "Salamanca", AgreementScope.INTERNACIONAL, "Facultad de Derecho",
        null, null, null, false, false, null, null, false, "pi-123");
    Agreement created = registry.createRequest("umc", request);
    assertThat(created.status()).isEqualTo(AgreementStatus.REQUESTED);
    assertThat(created.validFrom()).isNull();
    assertThat(created.processInstanceId()).isEqualTo("pi-123");

    registry.updateStatus("umc", key, AgreementStatus.SIGNED);
    registry.recordValidity("umc", key, LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 10),
        LocalDate.of(2031, 3, 9), false, true);
    Agreement signed = registry.findById("umc", key).orElseThrow();
    assertThat(signed.status()).isEqualTo(AgreementStatus.SIGNED);
    assertThat(signed.signedDate()).isEqualTo(LocalDate.of(2026, 3, 2));
    assertThat(signed.validFrom()).isEqualTo(LocalDate.of(2026, 3, 10));
    assertThat(signed.validUntil()).isEqualTo(LocalDate.of(2031, 3, 9));
    assertThat(signed.autoRenewal()).isTrue();

    assertThatThrownBy(() -> registry.recordValidity("umc", key, null, LocalDate.of(2026, 3, 10),
        LocalDate.of(2026, 3, 9), false, false)).isInstanceOf(RegistryValidationException.class)
        .hasMessageContaining("validUntil");
    assertThatThrownBy(() -> registry.updateStatus("umc", "NO-EXISTE", AgreementStatus.ACTIVE))
        .isInstanceOf(RegistryValidationException.class).hasMessageContaining("NO-EXISTE");
    assertThatThrownBy(() -> registry.createRequest("umc", request))
        .isInstanceOf(RegistryValidationException.class).hasMessageContaining("ya existe");
  }

  @Test
  void csvWithBomSemicolonsQuotedLineBreaksAndSpanishTextIsLoaded() {
    String partner = "Universidad Nacional Autónoma de México " + UUID.randomUUID();
    String csv = "\uFEFFpartnerName;partnerCountry;instrumentType;scope;validFrom;validUntil;indefinite;network;mobilityPlacesPerPeriod\n"
        + "\"" + partner + "\";México;convenio_marco;INTERNACIONAL;2023-01-01;2028-12-31;no;;2\n"
        + "\n"
        + "\"Red\nde universidades\";Estados Unidos;ALIANZA;INTERNACIONAL;2010-01-01;;sí;true;\n";
    long before = registry.count(TENANT);

    List<Agreement> stored = csvImport.importCsv(TENANT, csv);

    assertThat(stored).hasSize(2);
    assertThat(stored.get(0).partnerName()).isEqualTo(partner);
    assertThat(stored.get(0).partnerCountry()).isEqualTo("México");
    assertThat(stored.get(0).instrumentType()).isEqualTo(InstrumentType.CONVENIO_MARCO);
    assertThat(stored.get(0).mobilityPlacesPerPeriod()).isEqualTo(2);
    assertThat(stored.get(1).indefinite()).isTrue();
    assertThat(stored.get(1).network()).isTrue();
    assertThat(stored.get(1).partnerName()).isEqualTo("Red\nde universidades");
    assertThat(registry.count(TENANT)).isEqualTo(before + 2);
  }

  @Test
  void csvErrorsGiveTheLineWhereTheRowStarts() {
    String csv = "partnerName,partnerCountry,instrumentType,scope,validFrom,validUntil\n"
        + "\"Dos\nlíneas\",Chile,CONVENIO_MARCO,INTERNACIONAL,2024-01-01,2025-01-01\n" // lines 2-3
        + "\n"                                                                            // line 4
        + "Mala fecha,Chile,CONVENIO_MARCO,INTERNACIONAL,2024-13-01,2025-01-01\n"         // line 5
        + "Mal tipo,Chile,CONVENIO,INTERNACIONAL,2024-01-01,2025-01-01\n"                  // line 6
        + ",Chile,CONVENIO_MARCO,INTERNACIONAL,2024-01-01,2025-01-01\n"                    // line 7
        + "Corta,Chile\n";                                                                // line 8
    long before = registry.count(TENANT);

    assertThatThrownBy(() -> csvImport.importCsv(TENANT, csv))
        .isInstanceOfSatisfying(RegistryValidationException.class, e -> assertThat(e.errors())
            .containsExactly(
                "línea 5: validFrom: '2024-13-01' no es una fecha válida yyyy-MM-dd",
                "línea 6: instrumentType: valor 'CONVENIO' no válido; valores permitidos: CONVENIO_MARCO, CONVENIO_ESPECIFICO, ALIANZA",
                "línea 7: partnerName: es obligatorio",
                "línea 8: tiene 2 valores y el encabezado 6 columnas"));
    assertThat(registry.count(TENANT)).isEqualTo(before);
  }

  @Test
  void csvHeaderMustUseTheFieldNames() {
    assertThatThrownBy(() -> csvImport.importCsv(TENANT,
        "partnerName,pais,instrumentType,scope,validFrom,validUntil,colorFavorito\nX,Chile,ALIANZA,NACIONAL,2024-01-01,2025-01-01,azul\n"))
        .isInstanceOfSatisfying(RegistryValidationException.class, e -> assertThat(e.errors())
            .anySatisfy(m -> assertThat(m).startsWith("línea 1: columnas desconocidas: pais, colorFavorito"))
            .anySatisfy(m -> assertThat(m).isEqualTo("línea 1: faltan columnas obligatorias: partnerCountry")));
    assertThatThrownBy(() -> csvImport.importCsv(TENANT,
        "partnerName,partnerCountry,instrumentType,scope,validFrom,validUntil\n\"Sin cerrar,Chile,ALIANZA,NACIONAL,2024-01-01,2025-01-01\n"))
        .isInstanceOf(RegistryValidationException.class).hasMessageStartingWith("formato CSV no válido");
    assertThatThrownBy(() -> csvImport.importCsv(TENANT, ""))
        .isInstanceOf(RegistryValidationException.class).hasMessageContaining("vacío");
    assertThatThrownBy(() -> csvImport.importCsv(TENANT, "partnerName,partnerCountry,instrumentType,scope,validFrom\n"))
        .isInstanceOf(RegistryValidationException.class).hasMessageContaining("no tiene filas");
  }

  @Test
  void validateReportsWithoutSaving() {
    long before = registry.count(TENANT);
    assertThat(registry.validate(TENANT, marco(null, "Válido", LocalDate.of(2024, 1, 1), LocalDate.of(2025, 1, 1)), Set.of()))
        .isEmpty();
    assertThat(registry.count(TENANT)).isEqualTo(before);
  }

  static Agreement marco(String id, String partner, LocalDate from, LocalDate until) {
    return marco(id, partner, from, until, false);
  }

  static Agreement marco(String id, String partner, LocalDate from, LocalDate until, boolean indefinite) {
    return new Agreement(id, null, InstrumentType.CONVENIO_MARCO, null, null, null, partner, "Chile",
        null, AgreementScope.INTERNACIONAL, null, null, from, until, indefinite, false, null, null,
        false, null);
  }
}
