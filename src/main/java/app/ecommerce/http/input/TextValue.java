package app.ecommerce.http.input;

import java.util.List;

/**
 * A value that arrived as text (query string or form): every occurrence of the key, in order.
 * It is JSON-decoded only where the field expects a number, boolean or list; a string field
 * takes the raw text of the last occurrence.
 */
public record TextValue(List<String> values) {
  public String last() {
    return values.get(values.size() - 1);
  }
}
