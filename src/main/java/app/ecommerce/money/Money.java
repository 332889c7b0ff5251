package app.ecommerce.money;

import com.fasterxml.jackson.core.io.NumberOutput;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/** Money is integer cents everywhere inside; at the edge it is an exact decimal string. */
public final class Money {
  private static final BigInteger HUNDRED = BigInteger.valueOf(100);
  /**
   * The most bytes {@link #write} and {@link #writeTimes} write: the product of two 64-bit numbers
   * has at most 38 digits, then the point and a sign.
   */
  public static final int MAX_BYTES = 40;

  private Money() {
  }

  /** {@code 149999} → {@code "1499.99"}, {@code 0} → {@code "0.00"}. */
  public static String format(long cents) {
    byte[] text = new byte[MAX_BYTES];
    return new String(text, 0, write(text, 0, cents), StandardCharsets.ISO_8859_1);
  }

  /**
   * Writes {@code format(cents)} as ASCII from {@code at} (room for {@link #MAX_BYTES} bytes) and
   * returns the position after it: the rows-included JSON answer writes its amounts straight into
   * its bytes. By hand rather than BigDecimal.toPlainString: every product of every page has a price.
   */
  public static int write(byte[] text, int at, long cents) {
    long units = Math.abs(cents / 100);  // never overflows, even for Long.MIN_VALUE
    int hundredths = (int) Math.abs(cents % 100);
    if (cents < 0) {
      text[at++] = '-';
    }
    at = NumberOutput.outputLong(units, text, at);
    text[at] = '.';
    text[at + 1] = (byte) ('0' + hundredths / 10);
    text[at + 2] = (byte) ('0' + hundredths % 10);
    return at + 3;
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
    byte[] text = new byte[MAX_BYTES];
    return new String(text, 0, writeTimes(text, 0, cents, quantity), StandardCharsets.ISO_8859_1);
  }

  /**
   * Writes {@code formatTimes(cents, quantity)} as ASCII from {@code at} (room for {@link #MAX_BYTES}
   * bytes) and returns the position after it.
   */
  public static int writeTimes(byte[] text, int at, long cents, long quantity) {
    long high = Math.multiplyHigh(cents, quantity);
    long low = cents * quantity;
    if ((high == 0 && low >= 0) || (high == -1 && low < 0)) {
      return write(text, at, low);
    }
    byte[] exact = format(BigInteger.valueOf(cents).multiply(BigInteger.valueOf(quantity)))
        .getBytes(StandardCharsets.ISO_8859_1);
    System.arraycopy(exact, 0, text, at, exact.length);
    return at + exact.length;
  }
}
