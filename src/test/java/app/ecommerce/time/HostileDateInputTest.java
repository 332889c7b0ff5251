package app.ecommerce.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Date inputs of get_sales_data (API.md §3.12) as a hostile client writes them: a date that does
 * not exist is refused, never moved to a neighbouring day; anything but one ISO shape is refused.
 * (The HTTP rows of the same values are in HostileInputTest; these run without the endpoint.)
 */
class HostileDateInputTest {

  @TestFactory
  Stream<DynamicTest> datesThatDoNotExistAreRefusedNotClamped() {
    return Stream.of("2023-02-29T10:00", "2024-02-30T10:00", "2024-04-31T00:00", "2024-06-31T23:59:59",
            "2023-02-29", "2024-02-30", "2024-13-01T00:00", "2024-00-10T00:00", "2024-01-00T00:00",
            "2024-01-05T24:00", "2024-01-05T24:00:00", "2024-01-05T23:59:60", "2024-01-05T10:60",
            "2024-01-05T10:00+05:00+0500", "2024-01-05T10:00Z+05:00", "2024-01-05T10:00+25:00", "+12024-01-05T10:00",
            "-2024-01-05T10:00", "2024-01-05T10:00:00.1234567891", "2024-01-05T10", "2024-01-05t10:00",
            "2024-01-05T10:00z", "2024-01-05  10:00", "２０２４-01-05T10:00", "2024-01-05T1０:00", "")
        .map(text -> DynamicTest.dynamicTest(text + " is refused",
            () -> assertTrue(DateTimeInput.parse(text).isEmpty(), () -> text + " → " + DateTimeInput.parse(text))));
  }

  @TestFactory
  Stream<DynamicTest> everyAcceptedShapeMeansWhatItSays() {
    LocalDateTime ten = LocalDateTime.of(2024, 2, 29, 10, 0);
    return Stream.of(
            List.<Object>of("2024-02-29", LocalDateTime.of(2024, 2, 29, 0, 0), ""),
            List.<Object>of("2024-02-29T10:00", ten, ""),
            List.<Object>of("2024-02-29 10:00", ten, ""),
            List.<Object>of(" 2024-02-29T10:00:00 ", ten, ""),
            List.<Object>of("2024-02-29T10:00:00.5", ten.plusNanos(500_000_000), ""),
            List.<Object>of("2024-02-29T10:00:00.123456789", ten.plusNanos(123_456_789), ""),
            List.<Object>of("2024-02-29T10:00Z", ten, "Z"),
            List.<Object>of("2024-02-29T10:00:00+05:30", ten, "+05:30"),
            List.<Object>of("2024-02-29T10:00:00-0800", ten, "-08:00"),
            List.<Object>of("2024-02-29T10:00+18:00", ten, "+18:00"))
        .map(c -> DynamicTest.dynamicTest(c.get(0) + " → " + c.get(1) + c.get(2), () -> {
          DateTimeInput parsed = DateTimeInput.parse((String) c.get(0)).orElseThrow();
          assertEquals(c.get(1), parsed.local());
          assertEquals(((String) c.get(2)).isEmpty() ? null : ZoneOffset.of((String) c.get(2)), parsed.offset());
        }));
  }
}
