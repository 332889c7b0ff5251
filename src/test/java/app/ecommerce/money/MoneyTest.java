package app.ecommerce.money;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The hand-written decimal rendering of cents says exactly what BigDecimal says. */
class MoneyTest {
  private static String expected(long cents) {
    return BigDecimal.valueOf(cents, 2).toPlainString();
  }

  @Test
  void edges() {
    for (long cents : new long[] {0, 1, 9, 10, 99, 100, 101, 149_999, 9_999_999_999L, -1, -9, -10, -99, -100, -101,
        Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1}) {
      assertEquals(expected(cents), Money.format(cents), String.valueOf(cents));
    }
    assertEquals("1499.99", Money.format(149_999));
    assertEquals("-0.05", Money.format(-5));
  }

  @Test
  void amountsPast64BitsAndProductsOfAnySizeAreExact() {
    BigInteger huge = BigInteger.valueOf(Long.MAX_VALUE).multiply(BigInteger.TEN).add(
        BigInteger.valueOf(7));
    assertEquals(new BigDecimal(huge, 2).toPlainString(), Money.format(huge));
    assertEquals("-" + new BigDecimal(huge, 2).toPlainString(), Money.format(huge.negate()));
    assertEquals("0.05", Money.format(BigInteger.valueOf(5)));
    Random random = new Random(20261206);
    for (int i = 0; i < 100_000; i++) {
      long cents = random.nextLong();
      long quantity = i % 3 == 0 ? random.nextLong() : random.nextInt(1_000_000);
      String exact = new BigDecimal(BigInteger.valueOf(cents).multiply(BigInteger.valueOf(quantity)),
          2).toPlainString();
      assertEquals(exact, Money.formatTimes(cents, quantity), cents + " x " + quantity);
    }
    assertEquals("1499.99", Money.formatTimes(149_999, 1));
    assertEquals("180000000000000000.00", Money.formatTimes(9_000_000_000L, 2_000_000_000L));
  }

  @Test
  void manyRandomAmounts() {
    Random random = new Random(20261202);
    for (int i = 0; i < 100_000; i++) {
      long cents = i % 2 == 0 ? random.nextLong() : random.nextInt(2_000_000) - 1_000_000;
      assertEquals(expected(cents), Money.format(cents), String.valueOf(cents));
    }
  }
}
