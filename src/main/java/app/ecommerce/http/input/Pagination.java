package app.ecommerce.http.input;

import java.util.ArrayList;
import java.util.List;

/** The pagination fields every list endpoint shares (API.md §1): page, per_page, order_by, order. */
public final class Pagination {
  public static final int MAX_PAGE = 1_000_000;
  public static final int MAX_PER_PAGE = 100;

  private Pagination() {
  }

  /** @param orderBy the endpoint's allow-list; the first entry is the default */
  public static List<Field> fields(String... orderBy) {
    List<Field> fields = new ArrayList<>();
    fields.add(Field.integer("page", 1, MAX_PAGE).defaultsTo(1L));
    fields.add(Field.integer("per_page", 1, MAX_PER_PAGE).defaultsTo(10L));
    fields.add(Field.oneOf("order_by", orderBy).defaultsTo(orderBy[0]));
    fields.add(Field.oneOf("order", "asc", "desc").defaultsTo("asc"));
    return fields;
  }

  /** page and per_page alone, for a list whose order is fixed. */
  public static List<Field> pageOnly() {
    return List.of(Field.integer("page", 1, MAX_PAGE).defaultsTo(1L),
        Field.integer("per_page", 1, MAX_PER_PAGE).defaultsTo(10L));
  }

  /** The fields plus the endpoint's own filters. */
  public static List<Field> fieldsWith(List<Field> filters, String... orderBy) {
    List<Field> fields = fields(orderBy);
    fields.addAll(filters);
    return List.copyOf(fields);
  }
}
