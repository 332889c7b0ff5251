package app.ecommerce.catalog;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * get_purchases' {@code after}/{@code next_cursor}: the (created_at, id) of the last purchase of
 * a page, written {@code "<created_at>.<id>"}, so the next page starts right after it in
 * newest-first order at constant cost, however deep. Clients pass it back as they got it.
 */
public record PurchaseCursor(long createdAt, long id) {
  public static final String PATTERN = "^-?[0-9]{1,19}\\.[1-9][0-9]{0,18}$";
  private static final Pattern SHAPE = Pattern.compile(PATTERN);

  public String encode() {
    return createdAt + "." + id;
  }

  /** @return empty for anything that is not a cursor this service made (or numbers past a long) */
  public static Optional<PurchaseCursor> decode(String text) {
    if (!SHAPE.matcher(text).matches()) {
      return Optional.empty();
    }
    int dot = text.indexOf('.');
    try {
      return Optional.of(new PurchaseCursor(Long.parseLong(text.substring(0, dot)), Long.parseLong(text.substring(dot + 1))));
    } catch (NumberFormatException pastALong) {
      return Optional.empty();
    }
  }
}
