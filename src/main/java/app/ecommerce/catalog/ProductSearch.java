package app.ecommerce.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The text get_products' {@code q} searches (API.md §5): a product's name and description folded
 * (accents removed, lower case) into words, each preceded by a space, stored beside the product in
 * {@code search_name} and {@code search_text}. A word of {@code q} matches a stored word that
 * starts with it, through {@code LIKE '% <word>%'} with the word's {@code %}, {@code _} and the
 * escape character escaped, so {@code q} is always text, never a pattern. Folding is done here in
 * Java rather than by each engine's collation so that both engines find exactly the same products.
 * A word is stored twice over: as the text between white space ({@code "50%"}, {@code "(xl)"})
 * and as each run of letters and digits inside it ({@code "50"}, {@code "xl"}).
 */
public final class ProductSearch {
  /** At most this many words of {@code q} are matched; more is a 422, never silently dropped. */
  public static final int MAX_WORDS = 10;
  /** The LIKE escape character: not a backslash, whose meaning in a literal differs between engines. */
  public static final char ESCAPE = '!';
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern SPACE = Pattern.compile("\\s+");
  private static final Pattern NOT_ALNUM = Pattern.compile("[^\\p{L}\\p{N}]+");
  static final String MISSING = "SELECT id, product_name, description FROM products WHERE search_text IS NULL";
  static final String FILL = "UPDATE products SET search_name = ?, search_text = ? WHERE id = ?";

  private ProductSearch() {
  }

  /** Accents removed (NFKD without combining marks), lower case. */
  public static String fold(String text) {
    return MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("").toLowerCase(Locale.ROOT);
  }

  /** The stored form of a text: " w1 w2 ... " (each distinct word once), or " " for none. */
  public static String stored(String... texts) {
    Set<String> words = new LinkedHashSet<>();
    for (String text : texts) {
      if (text == null) {
        continue;
      }
      for (String word : SPACE.split(fold(text))) {
        if (!word.isEmpty()) {
          words.add(word);
          for (String part : NOT_ALNUM.split(word)) {
            if (!part.isEmpty()) {
              words.add(part);
            }
          }
        }
      }
    }
    return " " + String.join(" ", words) + (words.isEmpty() ? "" : " ");
  }

  /** The folded words of a query, split at white space. */
  public static List<String> words(String q) {
    List<String> words = new ArrayList<>();
    for (String word : SPACE.split(fold(q))) {
      if (!word.isEmpty() && !words.contains(word)) {
        words.add(word);
      }
    }
    return words;
  }

  /** {@code "% <word>%"} with the word's LIKE metacharacters escaped by {@link #ESCAPE}. */
  public static String likePattern(String word) {
    StringBuilder pattern = new StringBuilder("% ");
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      if (c == '%' || c == '_' || c == ESCAPE) {
        pattern.append(ESCAPE);
      }
      pattern.append(c);
    }
    return pattern.append('%').toString();
  }

  /**
   * Fills the search columns of every product that has none: products of a database created
   * before they existed, and those the demo data and the legacy import write directly. Blocking
   * JDBC, for start-up and the tools only; commits nothing itself.
   */
  public static int fillMissing(Connection c) throws SQLException {
    List<String[]> missing = new ArrayList<>();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(MISSING)) {
      while (rs.next()) {
        missing.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
      }
    }
    // read first, then written: SQLite would otherwise update the table its open cursor walks
    try (PreparedStatement fill = c.prepareStatement(FILL)) {
      for (String[] product : missing) {
        fill.setString(1, stored(product[1]));
        fill.setString(2, stored(product[1], product[2]));
        fill.setLong(3, Long.parseLong(product[0]));
        fill.addBatch();
      }
      fill.executeBatch();
    }
    return missing.size();
  }
}
