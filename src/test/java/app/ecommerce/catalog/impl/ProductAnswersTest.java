package app.ecommerce.catalog.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import app.ecommerce.catalog.impl.CatalogJson.ProductRow;
import io.vertx.core.json.JsonObject;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * {@link ProductAnswers}: an unchanged row in the same zone gets the very bytes it got before;
 * any change to the row, or another zone, gets its own rendering, equal to a fresh one.
 */
class ProductAnswersTest {
  private static final ZoneId UTC = ZoneOffset.UTC;
  private static final long T = 1_700_000_000_000_000L;

  private static ProductRow row(long price, long quantity, long stockUpdatedAt, String categoryName) {
    return new ProductRow(7, "Kettle", null, 3, price, true, quantity, stockUpdatedAt, T, T + 1, categoryName, "kitchen");
  }

  @Test
  void anUnchangedRowIsAnsweredWithTheSameBytesAndAChangedOneAfresh() {
    ProductAnswers answers = new ProductAnswers();
    ProductRow row = row(1999, 4, T + 2, "Kitchen");
    var first = answers.of(row, UTC);
    assertSame(first, answers.of(row(1999, 4, T + 2, "Kitchen"), UTC));
    assertEquals(CatalogJson.productWithInventory(row, UTC), new JsonObject(first));

    for (ProductRow changed : new ProductRow[] {row(2000, 4, T + 2, "Kitchen"), row(1999, 3, T + 2, "Kitchen"),
        row(1999, 4, T + 3, "Kitchen"), row(1999, 4, T + 2, "Cooking")}) {
      var answer = answers.of(changed, UTC);
      assertNotSame(first, answer);
      assertEquals(CatalogJson.productWithInventory(changed, UTC), new JsonObject(answer));
    }
    ZoneId karachi = ZoneId.of("Asia/Karachi");
    var there = answers.of(row, karachi);
    assertEquals(CatalogJson.productWithInventory(row, karachi), new JsonObject(there));
    assertEquals("2023-11-15T03:13:20+05:00", new JsonObject(there).getString("created_at"));
    assertSame(first, answers.of(row, UTC));
  }

  @Test
  void itKeepsAtMostItsBoundOldestOutFirst() {
    ProductAnswers answers = new ProductAnswers();
    var oldest = answers.of(row(1, 0, T, "Kitchen"), UTC);
    for (long q = 1; q <= ProductAnswers.MAX_ANSWERS; q++) {
      answers.of(row(1, q, T, "Kitchen"), UTC);
    }
    assertEquals(ProductAnswers.MAX_ANSWERS, answers.size());
    assertNotSame(oldest, answers.of(row(1, 0, T, "Kitchen"), UTC));
    assertEquals(ProductAnswers.MAX_ANSWERS, answers.size());
  }
}
