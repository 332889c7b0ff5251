package app.ecommerce.sales.impl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import app.ecommerce.money.Money;
import app.ecommerce.time.Times;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The JSON rows are written as bytes by hand ({@link SaleRows#JSON}); each must be, byte for byte,
 * what Vert.x's encoder makes of the same row built as a JsonObject and encoded as UTF-8, the
 * form the rows-included answer had before it was written by hand. Every column of a sale row is
 * NOT NULL, so there is no null cell to write.
 */
class SaleRowsJsonTest {
  private static final List<ZoneId> ZONES = List.of(ZoneOffset.UTC, ZoneId.of("UTC"), ZoneId.of("America/New_York"),
      ZoneId.of("Asia/Kolkata"), ZoneId.of("Asia/Kathmandu"), ZoneId.of("Pacific/Chatham"),
      ZoneId.of("America/St_Johns"), ZoneId.of("Europe/Amsterdam"), ZoneId.of("Africa/Monrovia"),
      ZoneOffset.ofHoursMinutesSeconds(-3, -25, -7));
  /** Texts that need every path of the text cell: escapes, control characters, UTF-8 of 2, 3 and 4 bytes. */
  private static final List<String> TEXTS = List.of("", "Hammer", "Watch, \"Gold\"", "back\\slash / solidus",
      "line\nbreak\ttab\rreturn\bback\fform", "nul\u0000 bell\u0007 unit\u001f del\u007f", "ünïcødé Ω – “quotes” €",
      "emoji 😀 and 𝄞", "\u2028separator\u2029", "lone high \ud83d end", "lone low \ude00 end", "\ud83d", "=1+1",
      "'\"", "x".repeat(5_000) + "\u00e9", "日本語の名前");

  /** The row as the answer once built it: a JsonObject per row, encoded by Vert.x, as UTF-8. */
  private static byte[] reference(SaleRow r, ZoneId zone) {
    return new JsonObject()
        .put("id", r.saleId)
        .put("sale_item_id", r.id)
        .put("user_id", r.userId)
        .put("created_at", Times.iso(r.createdAt, zone))
        .put("product_id", r.productId)
        .put("product_name", r.productName)
        .put("price_per_unit", Money.format(r.priceCents))
        .put("quantity", r.quantity)
        .put("revenue", Money.formatTimes(r.priceCents, r.quantity))
        .put("category_id", r.categoryId)
        .put("category_name", r.categoryName)
        .put("category_slug", r.categorySlug)
        .encode().getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] written(SaleRow r, ZoneId zone, SaleRows.Bytes out) {
    out.length = 0;
    SaleRows.write(SaleRows.JSON, out, r, zone);
    return Arrays.copyOf(out.bytes, out.length);
  }

  private static String randomText(Random random) {
    StringBuilder text = new StringBuilder();
    int n = random.nextInt(40);
    for (int i = 0; i < n; i++) {
      switch (random.nextInt(6)) {
        case 0 -> text.append((char) random.nextInt(0x20));                 // control characters
        case 1 -> text.append((char) (0xd800 + random.nextInt(0x800)));     // surrogates, paired or not
        case 2 -> text.append((char) (0x80 + random.nextInt(0xd800 - 0x80)));
        case 3 -> text.appendCodePoint(0x10000 + random.nextInt(0x100000)); // a valid pair
        default -> text.append((char) (0x20 + random.nextInt(0x60)));       // printable ASCII, " and \ too
      }
    }
    return text.toString();
  }

  private static long randomMicros(Random random) {
    return switch (random.nextInt(4)) {
      case 0 -> random.nextLong();                                  // years far outside 0000-9999
      case 1 -> 1_700_000_000_000_000L + random.nextInt(1_000_000); // micros, and whole seconds
      default -> Math.floorMod(random.nextLong(), 253_402_300_800_000_000L) / (random.nextBoolean() ? 1 : 1_000_000)
          * (random.nextBoolean() ? 1 : 1_000_000);
    };
  }

  private static long randomPositive(Random random) {
    return switch (random.nextInt(4)) {
      case 0 -> 1 + Math.floorMod(random.nextLong(), Long.MAX_VALUE);
      case 1 -> 1 + random.nextInt(100);
      default -> 1 + random.nextInt(10_000_000);
    };
  }

  @Test
  void everyRowIsWhatVertxWouldEncode() {
    Random random = new Random(20261207);
    SaleRows.Bytes out = new SaleRows.Bytes(16);
    SaleRow r = new SaleRow();
    for (int i = 0; i < 200_000; i++) {
      r.id = randomPositive(random);
      r.saleId = randomPositive(random);
      r.userId = i % 7 == 0 ? Long.MAX_VALUE : randomPositive(random);
      r.createdAt = randomMicros(random);
      r.productId = randomPositive(random);
      r.productName = i % 3 == 0 ? TEXTS.get(random.nextInt(TEXTS.size())) : randomText(random);
      r.priceCents = randomPositive(random);
      r.quantity = i % 5 == 0 ? randomPositive(random) : 1 + random.nextInt(20);
      r.categoryId = randomPositive(random);
      r.categoryName = i % 2 == 0 ? TEXTS.get(random.nextInt(TEXTS.size())) : randomText(random);
      r.categorySlug = randomText(random);
      ZoneId zone = ZONES.get(random.nextInt(ZONES.size()));
      byte[] expected = reference(r, zone);
      byte[] actual = written(r, zone, out);
      if (!Arrays.equals(expected, actual)) {
        assertEquals(new String(expected, StandardCharsets.UTF_8), new String(actual, StandardCharsets.UTF_8),
            "row " + i + " in " + zone);
        assertArrayEquals(expected, actual, "row " + i + " in " + zone);
      }
    }
  }

  @Test
  void edgeValuesAndEveryTextInEveryZone() {
    SaleRows.Bytes out = new SaleRows.Bytes(16);
    SaleRow r = new SaleRow();
    long[] cents = {1, 9, 10, 99, 100, 101, 149_999, 9_999_999_999L, Long.MAX_VALUE};
    long[] quantities = {1, 2, 3, 99, 1_000_000_000_000L, Long.MAX_VALUE};
    long[] instants = {0, 1, -1, 999_999, 1_000_000, 1_710_054_000_000_000L, 1_730_612_400_000_000L,
        -62_135_596_800_000_000L, 253_402_300_799_999_999L, 253_402_300_800_000_000L, Long.MAX_VALUE, Long.MIN_VALUE};
    int n = 0;
    for (String text : TEXTS) {
      for (long c : cents) {
        for (long q : quantities) {
          for (ZoneId zone : ZONES) {
            r.id = n;
            r.saleId = Long.MAX_VALUE - n;
            r.userId = 1;
            r.createdAt = instants[n % instants.length];
            r.productId = c;
            r.productName = text;
            r.priceCents = c;
            r.quantity = q;
            r.categoryId = q;
            r.categoryName = TEXTS.get(n % TEXTS.size());
            r.categorySlug = text;
            assertArrayEquals(reference(r, zone), written(r, zone, out), text + ", " + c + " x " + q + " in " + zone);
            n++;
          }
        }
      }
    }
  }
}
