package app.ecommerce.money;

import java.math.BigInteger;

/** Money is integer cents everywhere inside; at the edge it is an exact decimal string. */
public final class Money {
  private static final BigInteger HUNDRED = BigInteger.valueOf(100);

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

  /** {@code format(cents)} for any size: sums past 2^63 − 1 cents are exact too. */
  public static String format(BigInteger cents) {
    if (cents.bitLength() < 64) {
      return format(cents.longValue());
    }
    BigInteger[] units = cents.abs().divideAndRemainder(HUNDRED);
    int hundredths = units[1].intValue();
    return (cents.signum() < 0 ? "-" : "") + units[0] + '.' + (char) ('0' + hundredths / 10) + (char) ('0' + hundredths % 10);
  }

  /** The formatted amount of {@code quantity} units at {@code cents} each, exact at any size. */
  public static String formatTimes(long cents, long quantity) {
    long high = Math.multiplyHigh(cents, quantity);
    long low = cents * quantity;
    if ((high == 0 && low >= 0) || (high == -1 && low < 0)) {
      return format(low);
    }
    return format(BigInteger.valueOf(cents).multiply(BigInteger.valueOf(quantity)));
  }
}
