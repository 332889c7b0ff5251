package app.ecommerce.time;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The hand-written ISO-8601 rendering says exactly what java.time's formatter says. */
class TimesTest {
  private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");
  private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS");
  private static final List<ZoneId> ZONES = List.of(ZoneOffset.UTC, ZoneId.of("UTC"), ZoneId.of("America/New_York"),
      ZoneId.of("Asia/Kolkata"), ZoneId.of("Australia/Lord_Howe"), ZoneId.of("Pacific/Chatham"),
      ZoneId.of("Europe/Amsterdam"), ZoneId.of("Africa/Monrovia"), ZoneOffset.ofHoursMinutesSeconds(-3, -25, -7));

  private static String expectedLocal(LocalDateTime time) {
    return (time.getNano() == 0 ? SECONDS : MICROS).format(time.truncatedTo(ChronoUnit.MICROS));
  }

  private static String expectedIso(long micros, ZoneId zone) {
    var zoned = Times.fromMicros(micros).atZone(zone);
    return expectedLocal(zoned.toLocalDateTime()) + zoned.getOffset().getId().replace("Z", "+00:00");
  }

  @Test
  void rendersLikeTheFormatterForManyInstantsAndZones() {
    Random random = new Random(20261128);
    long min = -62_135_596_800_000_000L; // 0001-01-01T00:00:00Z
    long max = 253_402_300_799_999_999L; // 9999-12-31T23:59:59.999999Z
    for (int i = 0; i < 20_000; i++) {
      long micros = min + Math.floorMod(random.nextLong(), max - min);
      if (i % 3 == 0) {
        micros -= Math.floorMod(micros, 1_000_000L); // whole seconds take the short form
      }
      for (ZoneId zone : ZONES) {
        assertEquals(expectedIso(micros, zone), Times.iso(micros, zone), micros + " in " + zone);
      }
    }
  }

  @Test
  void edgesOfTheFourDigitYearsAndOfTheFraction() {
    for (LocalDateTime time : List.of(LocalDateTime.of(1, 1, 1, 0, 0), LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_000),
        LocalDateTime.of(0, 6, 1, 1, 2, 3), LocalDateTime.of(-1, 1, 1, 0, 0), LocalDateTime.of(10000, 1, 1, 0, 0, 0, 1_000),
        LocalDateTime.of(2024, 3, 10, 2, 0, 0, 1_000), LocalDateTime.of(2024, 11, 3, 1, 59, 59, 999_999_000))) {
      assertEquals(expectedLocal(time), Times.local(time), time.toString());
    }
    assertEquals("2024-03-10T03:00:00-04:00", Times.iso(1_710_054_000_000_000L, ZoneId.of("America/New_York")));
    assertEquals("1970-01-01T05:30:00.000001+05:30", Times.iso(1, ZoneId.of("Asia/Kolkata")));
  }
}
