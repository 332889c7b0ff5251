package app.ecommerce.http.input;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A value that arrived as text (query string or form): every occurrence of the key, in order,
 * under its base name, whether sent plain ({@code ids=1}) or in a list form ({@code ids[]=1},
 * {@code ids[0]=1}). It is JSON-decoded only where the field expects a number, boolean or list; a
 * string field takes the raw text of the last occurrence.
 *
 * @param bracketed the first bracketed name as the client sent it ({@code ids[]}), null when none
 * @param members {@code items[N][key]} pairs: the objects of an object list, by index
 * @param unreadable true when a bracketed name has no list form this service reads ({@code a[x]})
 */
public record TextValue(List<String> values, String bracketed, SortedMap<Integer, Map<String, Object>> members,
                        boolean unreadable) {

  public TextValue(List<String> values) {
    this(values, null, new TreeMap<>(), false);
  }

  public String last() {
    return values.get(values.size() - 1);
  }
}
