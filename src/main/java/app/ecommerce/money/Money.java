package app.ecommerce.money;

import java.math.BigDecimal;

/** Money is integer cents everywhere inside; at the edge it is an exact decimal string. */
public final class Money {
  private Money() {
  }

  /** {@code 149999} → {@code "1499.99"}, {@code 0} → {@code "0.00"}. */
  public static String format(long cents) {
    return BigDecimal.valueOf(cents, 2).toPlainString();
  }

  /** Exact product of a unit price and a quantity; overflow is an error, never a wrap-around. */
  public static long times(long cents, long quantity) {
    return Math.multiplyExact(cents, quantity);
  }
}
