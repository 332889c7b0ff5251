package app.ecommerce.sales.impl;

import app.ecommerce.money.Money;
import app.ecommerce.time.Times;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.core.io.NumberOutput;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Arrays;

/**
 * A {@link SaleRow} as the API shows it: one RFC 4180 CSV line, or one JSON object. Both are
 * written by {@link #write} (the cells, their names and their order, once) into a {@link Format}:
 * the CSV line into a {@link StringBuilder} (its page crosses the bus as JSON text), the JSON
 * object straight into UTF-8 bytes ({@link Bytes}). Building a JSON tree per row and encoding it
 * made the rows-included JSON answer half as fast per row as the CSV export; writing it as text
 * and encoding the text again cost most of what was left (docs/benchmarks.md, issue 30).
 */
final class SaleRows {
  private static final String[] NAMES = {"id", "sale_item_id", "user_id", "created_at", "product_id",
      "product_name", "price_per_unit", "quantity", "revenue", "category_id", "category_name", "category_slug"};
  static final String CSV_HEADER = String.join(",", NAMES) + "\r\n";
  /** {@code "id":}, {@code ,"sale_item_id":}, ...: each JSON cell's key with the comma before it. */
  private static final byte[][] JSON_KEYS = jsonKeys();
  /** Room for one cell that is not text: its key, then a number, a time or an amount. */
  private static final int CELL_MAX_BYTES = 24 + Math.max(Times.ISO_MAX_BYTES + 2, Money.MAX_BYTES + 2);

  private SaleRows() {
  }

  private static byte[][] jsonKeys() {
    byte[][] keys = new byte[NAMES.length][];
    for (int i = 0; i < NAMES.length; i++) {
      keys[i] = ((i == 0 ? "\"" : ",\"") + NAMES[i] + "\":").getBytes(StandardCharsets.US_ASCII);
    }
    return keys;
  }

  /** How cells are written into an output of type {@code O}. */
  interface Format<O> {
    void begin(O out);

    void number(O out, int cell, long value);

    /** An instant in microseconds, in {@code zone}: {@link Times#iso}. */
    void time(O out, int cell, long micros, ZoneId zone);

    /** {@code quantity} units at {@code cents} each: {@link Money#formatTimes} (quantity 1: the price). */
    void money(O out, int cell, long cents, long quantity);

    /** Text from the catalog. */
    void text(O out, int cell, String value);

    void end(O out);
  }

  /** Appends the row's cells, in the API's order. */
  static <O> void write(Format<O> format, O out, SaleRow r, ZoneId zone) {
    format.begin(out);
    format.number(out, 0, r.saleId);
    format.number(out, 1, r.id);
    format.number(out, 2, r.userId);
    format.time(out, 3, r.createdAt, zone);
    format.number(out, 4, r.productId);
    format.text(out, 5, r.productName);
    format.money(out, 6, r.priceCents, 1);
    format.number(out, 7, r.quantity);
    format.money(out, 8, r.priceCents, r.quantity);
    format.number(out, 9, r.categoryId);
    format.text(out, 10, r.categoryName);
    format.text(out, 11, r.categorySlug);
    format.end(out);
  }

  /** One line, CRLF-terminated, cells as {@link #CSV_HEADER} names them. */
  static final Format<StringBuilder> CSV = new Format<>() {
    @Override
    public void begin(StringBuilder out) {
    }

    @Override
    public void number(StringBuilder out, int cell, long value) {
      separate(out, cell).append(value);
    }

    @Override
    public void time(StringBuilder out, int cell, long micros, ZoneId zone) {
      separate(out, cell).append(Times.iso(micros, zone));
    }

    @Override
    public void money(StringBuilder out, int cell, long cents, long quantity) {
      separate(out, cell).append(Money.formatTimes(cents, quantity));
    }

    @Override
    public void text(StringBuilder out, int cell, String value) {
      csvText(separate(out, cell), value);
    }

    @Override
    public void end(StringBuilder out) {
      out.append("\r\n");
    }

    private StringBuilder separate(StringBuilder out, int cell) {
      return cell == 0 ? out : out.append(',');
    }
  };

  /**
   * One JSON object, the keys in the cells' order, byte for byte as Vert.x's encoder writes it
   * (Jackson's escapes, UTF-8). Numbers, times and amounts are ASCII written in place; text that
   * is plain printable ASCII is copied byte by byte, anything else goes through Jackson's
   * escaper and Java's UTF-8 encoder, as the text form of the answer did.
   */
  static final Format<Bytes> JSON = new Format<>() {
    @Override
    public void begin(Bytes out) {
      out.room(1);
      out.bytes[out.length++] = '{';
    }

    @Override
    public void number(Bytes out, int cell, long value) {
      key(out, cell);
      out.length = NumberOutput.outputLong(value, out.bytes, out.length);
    }

    @Override
    public void time(Bytes out, int cell, long micros, ZoneId zone) {
      key(out, cell);
      out.bytes[out.length] = '"';
      out.length = Times.writeIso(out.bytes, out.length + 1, micros, zone);
      out.bytes[out.length++] = '"';
    }

    @Override
    public void money(Bytes out, int cell, long cents, long quantity) {
      key(out, cell);
      out.bytes[out.length] = '"';
      out.length = Money.writeTimes(out.bytes, out.length + 1, cents, quantity);
      out.bytes[out.length++] = '"';
    }

    /** Makes room for the cell, then writes its key. */
    private void key(Bytes out, int cell) {
      out.room(CELL_MAX_BYTES);
      byte[] key = JSON_KEYS[cell];
      System.arraycopy(key, 0, out.bytes, out.length, key.length);
      out.length += key.length;
    }

    /**
     * Copies the text's characters as bytes while they are printable ASCII other than the quote
     * and the backslash (names and slugs almost always are), so that the common cell is checked
     * and written in one pass; at the first other character the cell starts again through
     * Jackson's escaper (the quote, the backslash, control characters) and Java's UTF-8 encoder,
     * which turns a lone surrogate into {@code ?} as the text form of the answer did.
     */
    @Override
    public void text(Bytes out, int cell, String value) {
      int n = value.length();
      out.room(CELL_MAX_BYTES + n);
      key(out, cell);
      int start = out.length;
      byte[] bytes = out.bytes;
      bytes[start] = '"';
      int at = start + 1;
      for (int i = 0; i < n; i++) {
        char c = value.charAt(i);
        if (c < 0x20 || c >= 0x7f || c == '"' || c == '\\') {
          out.length = start;
          escaped(out, value);
          return;
        }
        bytes[at++] = (byte) c;
      }
      bytes[at++] = '"';
      out.length = at;
    }

    private void escaped(Bytes out, String value) {
      byte[] text = new String(JsonStringEncoder.getInstance().quoteAsString(value)).getBytes(StandardCharsets.UTF_8);
      out.room(text.length + 2);
      out.bytes[out.length++] = '"';
      System.arraycopy(text, 0, out.bytes, out.length, text.length);
      out.length += text.length;
      out.bytes[out.length++] = '"';
    }

    @Override
    public void end(Bytes out) {
      out.room(1);
      out.bytes[out.length++] = '}';
    }
  };

  /**
   * A growable array of bytes that JSON rows are written into: the formats write into the array
   * directly after making room, rather than through a method call per byte.
   */
  static final class Bytes {
    byte[] bytes;
    int length;

    Bytes(int capacity) {
      bytes = new byte[capacity];
    }

    /** Makes sure that {@code n} more bytes fit. */
    void room(int n) {
      if (length + n > bytes.length) {
        bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + n));
      }
    }

    void append(byte b) {
      room(1);
      bytes[length++] = b;
    }
  }

  /**
   * A text cell: prefixed with {@code '} when it starts like a spreadsheet formula ({@code =},
   * {@code +}, {@code -}, {@code @}, TAB or CR: OWASP's advice against CSV injection), then as RFC
   * 4180 wants it: quoted when it holds a comma, quote, CR or LF, quotes doubled inside.
   */
  static StringBuilder csvText(StringBuilder out, String value) {
    if (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
      value = "'" + value;
    }
    if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
      return out.append(value);
    }
    return out.append('"').append(value.replace("\"", "\"\"")).append('"');
  }
}
