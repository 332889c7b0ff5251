package app.ecommerce.money;

/** Money is integer cents everywhere inside; at the edge it is an exact decimal string. */
public final class Money {
  private Money() {
  }

  /** {@code 149999} → {@code "1499.99"}, {@code 0} → {@code "0.00"}. */
  public static String format(long cents) {
    // by hand rather than BigDecimal.toPlainString: every product of every page has a price
    long units = Math.abs(cents / 100);  // never overflows, even for Long.MIN_VALUE
    int hundredths = (int) Math.abs(cents % 100);
    StringBuilder text = new StringBuilder(24);
    if (cents < 0) {
      text.append('-');
    }
    return text.append(units).append('.').append((char) ('0' + hundredths / 10)).append((char) ('0' + hundredths % 10))
        .toString();
  }

  /** Exact product of a unit price and a quantity; overflow is an error, never a wrap-around. */
  public static long times(long cents, long quantity) {
    return Math.multiplyExact(cents, quantity);
  }
}
