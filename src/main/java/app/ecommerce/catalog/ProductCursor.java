package app.ecommerce.catalog;

import io.vertx.core.json.JsonObject;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * get_products' {@code after}/{@code next_cursor} in id order: the id of the last product of a
 * page, written {@code "id.<id>"}, so the next page starts right after it through the primary key,
 * at constant cost however deep. Clients pass it back as they got it; the prefix names the order
 * it belongs to, so another keyset order can get a cursor of its own without ambiguity.
 */
public record ProductCursor(long id) {
  public static final String PATTERN = "^id\\.[1-9][0-9]{0,18}$";
  private static final Pattern SHAPE = Pattern.compile(PATTERN);

  /** Whether a get_products request is in the one order a cursor pages: by id, asked for or the default without q. */
  public static boolean pages(JsonObject listRequest) {
    String order = listRequest.getString("order_by");
    return "id".equals(order) || order == null && listRequest.getString("q") == null;
  }

  public String encode() {
    return "id." + id;
  }

  /** @return empty for anything that is not a cursor this service made (or an id past a long) */
  public static Optional<ProductCursor> decode(String text) {
    if (!SHAPE.matcher(text).matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(new ProductCursor(Long.parseLong(text.substring(3))));
    } catch (NumberFormatException pastALong) {
      return Optional.empty();
    }
  }
}
