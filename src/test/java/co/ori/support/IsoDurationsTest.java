package co.ori.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Date;
import org.junit.jupiter.api.Test;

/** Configured terms are checked at start-up; calendar arithmetic moved into BusinessCalendar. */
class IsoDurationsTest {

  private final BusinessCalendar calendar = new BusinessCalendar();

  @Test
  void aNonPositiveOrMistypedDurationNamesTheProperty() {
    IsoDurations.requirePositive("ori.x.wait", "P30D");
    assertThatThrownBy(() -> IsoDurations.requirePositive("ori.x.wait", "P0D"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("ori.x.wait");
    assertThatThrownBy(() -> IsoDurations.requirePositive("ori.x.wait", "30 días"))
        .hasMessageContaining("ori.x.wait").hasMessageContaining("'30 días'");
    assertThatThrownBy(() -> IsoDurations.requirePositive("ori.x.wait", null))
        .hasMessageContaining("ori.x.wait");
  }

  @Test
  void aCycleMustBeARepeatingIntervalWithAPositiveDuration() {
    IsoDurations.requireRepeatingInterval("ori.x.cycle", "R/P6M", "R/P6M");
    IsoDurations.requireRepeatingInterval("ori.x.cycle", "R4/P3M", "R/P3M");
    assertThatThrownBy(() -> IsoDurations.requireRepeatingInterval("ori.x.cycle", "P6M", "R/P6M"))
        .hasMessageContaining("ori.x.cycle").hasMessageContaining("R/P6M");
    assertThatThrownBy(() -> IsoDurations.requireRepeatingInterval("ori.x.cycle", "R/P0D", "R/P6M"))
        .hasMessageContaining("ori.x.cycle");
  }

  @Test
  void subtractingBusinessDaysSkipsWeekendsAndHolidays() {
    // 10 business days before Wednesday 31 July 2030 is Wednesday 17 July 2030 (20 July is a Saturday)
    assertThat(calendar.subtractBusinessDays(LocalDate.of(2030, 7, 31), 10)).isEqualTo(LocalDate.of(2030, 7, 17));
    // 1 business day before Tuesday 24 March 2026: Monday 23 is San José (moved), so Friday 20
    assertThat(calendar.subtractBusinessDays(LocalDate.of(2026, 3, 24), 1)).isEqualTo(LocalDate.of(2026, 3, 20));
    assertThat(calendar.subtractBusinessDays(LocalDate.of(2026, 3, 22), 0)).isEqualTo(LocalDate.of(2026, 3, 22));
    assertThatThrownBy(() -> calendar.subtractBusinessDays(LocalDate.of(2026, 3, 22), -1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void plusAddsCalendarDurationsInBogota() {
    Date start = Date.from(ZonedDateTime.parse("2026-01-31T10:00:00-05:00").toInstant());
    assertThat(calendar.plus(start, "P1M"))
        .isEqualTo(Date.from(ZonedDateTime.parse("2026-02-28T10:00:00-05:00").toInstant()));
    assertThat(calendar.plus(start, "P30D"))
        .isEqualTo(Date.from(ZonedDateTime.parse("2026-03-02T10:00:00-05:00").toInstant()));
  }
}
