package app.ecommerce.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The text get_products' {@code q} searches (API.md §5). Every product stores, beside its name and
 * description, two folded forms (accents removed, lower case), written with every product the
 * service creates or edits:
 * <ul>
 * <li>{@code search_words}: the words of letters and digits of the name and description, which
 * triggers index in search_terms (V32_7) under their first {@link #MIN_INDEXED} characters; a word
 * of {@code q} is looked up there as a prefix; {@code name_words}: the same of the name alone,
 * which puts a product in the first group of relevance (a word of {@code q} in its name);
 * <li>{@code search_text}: the text between white space ({@code "50%"}, {@code "c:\temp"}) and the
 * words inside it, each preceded by a space. A word of {@code q} that holds anything but letters
 * and digits must also start one of these, through {@code LIKE '% <word>%'} with {@code %},
 * {@code _} and the escape character escaped: {@code q} is always text, never a pattern.
 * </ul>
 * Folding is done here in Java rather than by each engine's collation or tokenizer so that both
 * engines index exactly the same words.
 */
public final class ProductSearch {
  /** At most this many words of {@code q} are matched; more is a 422, never silently dropped. */
  public static final int MAX_WORDS = 10;
  /** The LIKE escape character: not a backslash, whose meaning in a literal differs between engines. */
  public static final char ESCAPE = '!';
  /**
   * Shorter stored words are padded to it with '_' (once for InnoDB's innodb_ft_min_token_size),
   * and search_terms keys every word by its first this many characters.
   */
  static final int MIN_INDEXED = 3;
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern SPACE = Pattern.compile("\\s+");
  private static final Pattern NOT_ALNUM = Pattern.compile("[^\\p{L}\\p{N}]+");
  /** Products are filled in chunks of this many, each its own transaction unless the caller holds one. */
  static final int FILL_CHUNK = 5_000;
  static final String MISSING = "SELECT id, product_name, description FROM products"
      + " WHERE id > ? AND (search_words IS NULL OR name_words IS NULL) ORDER BY id LIMIT " + FILL_CHUNK;
  /** Rows per UPDATE of {@link #fillSql}. */
  static final int FILL_ROWS = 500;
  private static final String FILL_FULL = fillSql(FILL_ROWS);

  /**
   * One UPDATE for {@code rows} products: {@code CASE id WHEN ? THEN ? ...} per column, the ids
   * listed once more in the WHERE: one statement per product made an upgrade of a million products
   * take most of an hour on MariaDB (docs/benchmarks.md). Columns already there are kept:
   * rewriting search_words would make InnoDB index every product's text again when only
   * name_words is new. Their words are the same (rows written before name_words hold the name
   * twice, which counted when relevance was a score and no longer does).
   */
  static String fillSql(int rows) {
    StringBuilder cases = new StringBuilder(" CASE id");
    for (int i = 0; i < rows; i++) {
      cases.append(" WHEN ? THEN ?");
    }
    cases.append(" END");
    return "UPDATE products SET search_text = COALESCE(search_text," + cases + "), search_words = COALESCE(search_words,"
        + cases + "), name_words = COALESCE(name_words," + cases + ") WHERE id IN ("
        + String.join(", ", java.util.Collections.nCopies(rows, "?")) + ")";
  }

  private ProductSearch() {
  }

  /** Accents removed (NFKD without combining marks), lower case. */
  public static String fold(String text) {
    return MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("").toLowerCase(Locale.ROOT);
  }

  /** The stored form for LIKE: " w1 w2 ... " (each distinct word once), or " " for none. */
  public static String stored(String... texts) {
    Set<String> words = new LinkedHashSet<>();
    for (String text : texts) {
      if (text == null) {
        continue;
      }
      for (String word : SPACE.split(fold(text))) {
        if (!word.isEmpty()) {
          words.add(word);
          words.addAll(parts(word));
        }
      }
    }
    return " " + String.join(" ", words) + (words.isEmpty() ? "" : " ");
  }

  /**
   * The stored form for the full-text index: the words of the texts (the name and the
   * description, or the name alone for {@code name_words}), each padded to {@link #MIN_INDEXED},
   * between spaces.
   */
  public static String indexed(String... texts) {
    StringBuilder out = new StringBuilder(" ");
    for (String text : texts) {
      if (text != null) {
        for (String part : parts(fold(text))) {
          out.append(part);
          for (int i = part.length(); i < MIN_INDEXED; i++) {
            out.append('_');
          }
          out.append(' ');
        }
      }
    }
    return out.toString();
  }

  /** The runs of letters and digits of a folded text, in order. */
  public static List<String> parts(String folded) {
    List<String> parts = new ArrayList<>();
    for (String part : NOT_ALNUM.split(folded)) {
      if (!part.isEmpty()) {
        parts.add(part);
      }
    }
    return parts;
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

  /** The distinct runs of letters and digits of the query's words: the prefixes the full-text index looks up. */
  public static List<String> prefixes(List<String> words) {
    Set<String> prefixes = new LinkedHashSet<>();
    for (String word : words) {
      prefixes.addAll(parts(word));
    }
    return List.copyOf(prefixes);
  }

  /**
   * The term of a prefix of q in search_terms (V32_7): its first {@link #MIN_INDEXED}
   * characters (code points, as SQL's LEFT counts them), or null when it is shorter.
   */
  public static String term(String prefix) {
    return prefix.codePointCount(0, prefix.length()) < MIN_INDEXED ? null
        : prefix.substring(0, prefix.offsetByCodePoints(0, MIN_INDEXED));
  }

  /** The distinct terms of the prefixes that have one, in the prefixes' order. */
  public static List<String> terms(List<String> prefixes) {
    Set<String> terms = new LinkedHashSet<>();
    for (String prefix : prefixes) {
      String term = term(prefix);
      if (term != null) {
        terms.add(term);
      }
    }
    return List.copyOf(terms);
  }

  /** Whether its term alone decides a prefix: it is exactly {@link #MIN_INDEXED} characters long. */
  public static boolean isTerm(String prefix) {
    return prefix.codePointCount(0, prefix.length()) == MIN_INDEXED;
  }

  /** Whether a query word holds more than letters and digits, so the index alone cannot decide it. */
  public static boolean needsText(String word) {
    return NOT_ALNUM.matcher(word).find();
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
   * Fills the search columns of every product that lacks one: products of a database created
   * before they existed, and those the legacy import writes directly. Works through the products
   * in chunks of {@link #FILL_CHUNK} by id, so that a catalog of millions is never held in memory;
   * on a connection in auto-commit each chunk is committed on its own, inside a caller's
   * transaction nothing is committed here. Blocking JDBC, for start-up and the tools only.
   *
   * @param progress told the number filled so far after each chunk
   */
  public static int fillMissing(Connection c, java.util.function.IntConsumer progress) throws SQLException {
    boolean autoCommit = c.getAutoCommit();
    int filled = 0;
    long after = 0;
    try (PreparedStatement missing = c.prepareStatement(MISSING); PreparedStatement full = c.prepareStatement(FILL_FULL)) {
      c.setAutoCommit(false);
      while (true) {
        List<String[]> chunk = new ArrayList<>();
        missing.setLong(1, after);
        try (ResultSet rs = missing.executeQuery()) {
          while (rs.next()) {
            chunk.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
          }
        }
        if (chunk.isEmpty()) {
          break;
        }
        // read first, then written: SQLite would otherwise update the table its open cursor walks
        for (int from = 0; from < chunk.size(); from += FILL_ROWS) {
          List<String[]> rows = chunk.subList(from, Math.min(chunk.size(), from + FILL_ROWS));
          if (rows.size() == FILL_ROWS) {
            fill(full, rows);
          } else {
            try (PreparedStatement partial = c.prepareStatement(fillSql(rows.size()))) {
              fill(partial, rows);
            }
          }
        }
        if (autoCommit) {
          c.commit();
        }
        filled += chunk.size();
        after = Long.parseLong(chunk.get(chunk.size() - 1)[0]);
        progress.accept(filled);
      }
    } catch (SQLException | RuntimeException e) {
      if (autoCommit) {
        c.rollback();
      }
      throw e;
    } finally {
      c.setAutoCommit(autoCommit);
    }
    return filled;
  }

  private static void fill(PreparedStatement fill, List<String[]> rows) throws SQLException {
    int n = rows.size();
    for (int i = 0; i < n; i++) {
      String[] product = rows.get(i);
      long id = Long.parseLong(product[0]);
      String[] values = {stored(product[1], product[2]), indexed(product[1], product[2]), indexed(product[1])};
      for (int column = 0; column < values.length; column++) {
        fill.setLong(1 + column * 2 * n + 2 * i, id);
        fill.setString(2 + column * 2 * n + 2 * i, values[column]);
      }
      fill.setLong(1 + 3 * 2 * n + i, id);
    }
    fill.executeUpdate();
  }

  /** {@link #fillMissing(Connection, java.util.function.IntConsumer)} without progress. */
  public static int fillMissing(Connection c) throws SQLException {
    return fillMissing(c, n -> { });
  }
}
