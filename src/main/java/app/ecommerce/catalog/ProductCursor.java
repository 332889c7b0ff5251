package app.ecommerce.catalog;

import io.vertx.core.json.JsonObject;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * get_products' {@code after}/{@code next_cursor}: the sort key and id of the last product of a
 * page, so that the next page starts right after it through the index of that order, at constant
 * cost however deep, and neither repeats nor skips a product while others are written. Written
 * {@code "id.<id>"} in id order (the form of the first version, still accepted), else
 * {@code "<order_by>.<key>.<id>"}: the key as a decimal number, or a product name in base64url.
 * The prefix names the order: a cursor sent with another order is refused, never misread.
 * Clients pass it back as they got it. Relevance (a search without order_by) has no cursor: its
 * score is computed per search, not stored in any index.
 */
public record ProductCursor(String orderBy, String key, long id) {
  public static final String PATTERN = "^(id\\.[1-9][0-9]{0,18}"
      + "|(price|quantity|created_at)\\.-?[0-9]{1,19}\\.[1-9][0-9]{0,18}"
      + "|product_name\\.[A-Za-z0-9_-]{0,272}\\.[1-9][0-9]{0,18})$";
  /** Longest cursor: a product name of 50 characters of 4 UTF-8 bytes each, in base64url, and a long id. */
  public static final int MAX_LENGTH = 305;
  private static final Pattern SHAPE = Pattern.compile(PATTERN);
  private static final Pattern PARTS = Pattern.compile("^([a-z_]+)\\.(?:(.*)\\.)?([0-9]+)$");

  /**
   * The order a get_products request pages in: its {@code order_by}, or {@code id} when it has
   * none and no {@code q}; null for relevance, which has no cursor.
   */
  public static String orderOf(JsonObject listRequest) {
    String order = listRequest.getString("order_by");
    if (order != null) {
      return order;
    }
    return listRequest.getString("q") == null ? "id" : null;
  }

  /** The cursor after a product of a page in {@code orderBy}; {@code key} is its sort value (a name, or a number). */
  public static ProductCursor after(String orderBy, Object key, long id) {
    return new ProductCursor(orderBy, "id".equals(orderBy) ? null : String.valueOf(key), id);
  }

  public String encode() {
    if ("id".equals(orderBy)) {
      return "id." + id;
    }
    String written = "product_name".equals(orderBy)
        ? Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8)) : key;
    return orderBy + "." + written + "." + id;
  }

  /** The key as the number it is, for every order but product_name. */
  public long numericKey() {
    return Long.parseLong(key);
  }

  /** @return empty for anything that is not a cursor this service made (or a number past a long) */
  public static Optional<ProductCursor> decode(String text) {
    if (!SHAPE.matcher(text).matches()) {
      return Optional.empty();
    }
    Matcher parts = PARTS.matcher(text);
    if (!parts.matches()) {
      return Optional.empty();
    }
    try {
      String order = parts.group(1);
      long id = Long.parseLong(parts.group(3));
      String key = parts.group(2);
      if ("product_name".equals(order)) {
        key = StandardCharsets.UTF_8.newDecoder()
            .decode(ByteBuffer.wrap(Base64.getUrlDecoder().decode(key))).toString();
      } else if (key != null) {
        Long.parseLong(key);
      }
      return Optional.of(new ProductCursor(order, key, id));
    } catch (IllegalArgumentException | CharacterCodingException notOurs) {
      return Optional.empty();
    }
  }
}
