package app.ecommerce.catalog.impl;

import app.ecommerce.bus.Caller;
import app.ecommerce.bus.Errors;
import app.ecommerce.catalog.CatalogContract;
import app.ecommerce.catalog.ProductCursor;
import app.ecommerce.db.Database;
import app.ecommerce.db.DbFailure;
import app.ecommerce.idempotency.IdempotentWrites;
import app.ecommerce.money.Money;
import app.ecommerce.time.Times;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import java.time.ZoneId;

/** Categories, products and stock (everything of the catalog but purchases). */
final class CatalogService {
  static final String DUPLICATE_SLUG = "Category with this slug already exists";
  static final String CATEGORY_NOT_FOUND = "Category not found";
  static final String PRODUCT_NOT_FOUND = "Product does not exist";
  static final String CATEGORY_HAS_PRODUCTS = "Category has products";
  static final String INSUFFICIENT_STOCK = "insufficient_stock: the stock would fall below zero";

  private final Database db;
  private final CategoryRepository categories;
  private final ProductRepository products;
  private final InventoryRepository inventory = new InventoryRepository();
  private final ProductAnswers answers = new ProductAnswers();
  private final IdempotentWrites writes;

  /** @param writes every write below runs through it: its Idempotency-Key commits with it */
  CatalogService(Database db, IdempotentWrites writes) {
    this.db = db;
    this.writes = writes;
    this.categories = new CategoryRepository(db);
    this.products = new ProductRepository(db);
  }

  Future<JsonObject> createCategory(JsonObject in) {
    long now = Times.nowMicros();
    String name = in.getString("category_name");
    String slug = in.getString("category_slug");
    return writes.run(CatalogContract.CREATE_CATEGORY, in, tx -> categories.insert(tx, name, slug, now)
            .map(id -> new JsonObject()
                .put("id", id)
                .put("category_name", name)
                .put("category_slug", slug)
                .put("created_at", Times.iso(now, zone(in)))))
        .recover(failure -> db.dialect().classify(failure) == DbFailure.UNIQUE_VIOLATION
            ? Future.failedFuture(Errors.unprocessable(DUPLICATE_SLUG))
            : Future.failedFuture(failure));
  }

  Future<JsonObject> listCategories(JsonObject in) {
    Page page = Page.from(in);
    ZoneId zone = zone(in);
    return Future.all(categories.page(page), categories.count()).map(both -> {
      JsonArray list = new JsonArray();
      for (Row row : both.<RowSet<Row>>resultAt(0)) {
        list.add(CatalogJson.category(row, zone));
      }
      return new JsonObject().put("categories", list).mergeIn(page.meta(both.resultAt(1)));
    });
  }

  Future<JsonObject> createProduct(JsonObject in) {
    long now = Times.nowMicros();
    long categoryId = in.getLong("category_id");
    boolean active = in.getBoolean("is_active");
    return writes.run(CatalogContract.CREATE_PRODUCT, in, tx -> categories.exists(tx, categoryId).compose(exists -> {
      if (!exists) {
        return Future.failedFuture(Errors.notFound(CATEGORY_NOT_FOUND));
      }
      return products.insert(tx, in.getString("product_name"), in.getString("description"), categoryId,
          in.getLong("price"), active, now);
    }).map(id -> {
      ZoneId zone = zone(in);
      return new JsonObject()
          .put("id", id)
          .put("product_name", in.getString("product_name"))
          .put("description", in.getString("description"))
          .put("category_id", categoryId)
          .put("price", Money.format(in.getLong("price")))
          .put("is_active", active)
          .put("quantity", 0L)
          .put("created_at", Times.iso(now, zone))
          .put("updated_at", Times.iso(now, zone));
    })).recover(this::categoryWentAway);
  }

  Future<JsonObject> listProducts(JsonObject in) {
    Page page = Page.from(in);
    ZoneId zone = zone(in);
    String after = in.getString("after"); // validated: a cursor of ours, in this request's order
    ProductCursor cursor = after == null ? null : ProductCursor.decode(after).orElseThrow();
    String order = ProductCursor.orderOf(in);
    // one row more than the page tells whether another follows, in either way of paging
    long rowsAsked = page.perPage() + 1;
    return products.rarestFirst(ProductFilter.from(in, isAdmin(in))).compose(filter -> {
      if (!filter.prefixes().isEmpty()) {
        return search(page, filter, cursor, rowsAsked);
      }
      Future<RowSet<Row>> rows = products.page(page, filter, cursor, rowsAsked);
      Future<Long> count = products.count(filter);
      return Future.all(rows, count).map(both -> new Found(both.resultAt(0), both.resultAt(1)));
    }).map(found -> {
      RowSet<Row> rows = found.rows();
      JsonArray list = CatalogJson.products(rows, zone, page.perPage());
      boolean more = rows.size() > page.perPage();
      String next = more && order != null ? cursorAfter(rows, page.perPage(), order).encode() : null;
      return new JsonObject().put("products", list).mergeIn(counted(page, found.counted()))
          .put("has_more", more).put("next_cursor", next);
    });
  }

  /** A page of products and how many match the filter, counted up to the cap. */
  private record Found(RowSet<Row> rows, long counted) {
  }

  /**
   * A search's page depends on how many match: many are walked in an index's order and cut at
   * the page, few are read and sorted (ProductQuery#page). The walk that counts them up to the
   * cap also gives the page of few, so few cost one statement and many two.
   */
  private Future<Found> search(Page page, ProductFilter filter, ProductCursor cursor, long rowsAsked) {
    return products.pageCounted(page, filter, cursor, rowsAsked).compose(rows -> {
      if (rows.size() == 0) {
        // an empty page after the first: the count is unknown and might be past the cap
        return page.offset() == 0 && cursor == null ? Future.succeededFuture(new Found(rows, 0L))
            : products.count(filter).compose(n -> many(page, filter, cursor, rowsAsked, rows, n));
      }
      return many(page, filter, cursor, rowsAsked, rows, rows.iterator().next().getLong(ProductQuery.TOTAL));
    });
  }

  /** The page read again by an index's walk when the count says matches are many; else the page read with it. */
  private Future<Found> many(Page page, ProductFilter filter, ProductCursor cursor, long rowsAsked, RowSet<Row> few,
                             long counted) {
    return counted <= ProductQuery.COUNT_CAP ? Future.succeededFuture(new Found(few, counted))
        : products.page(page, filter, cursor, rowsAsked).map(rows -> new Found(rows, counted));
  }

  /** The cursor after the {@code n}th row (the page's last): its sort key in {@code order} and its id. */
  private static ProductCursor cursorAfter(RowSet<Row> rows, long n, String order) {
    Row last = null;
    var it = rows.iterator();
    for (long i = 0; i < n; i++) {
      last = it.next();
    }
    Object key = switch (order) {
      case "product_name" -> last.getString("product_name");
      case "price" -> last.getLong("price_cents");
      case "quantity" -> last.getLong("quantity");
      case "created_at" -> last.getLong("created_at");
      default -> null;
    };
    return ProductCursor.after(order, key, last.getLong("id"));
  }

  /** The paging fields with {@code total} counted up to the cap, and whether it stopped there. */
  private static JsonObject counted(Page page, long counted) {
    boolean capped = counted > ProductQuery.COUNT_CAP;
    return page.meta(capped ? ProductQuery.COUNT_CAP : counted).put("total_capped", capped);
  }

  /** The product's {@code data}, already encoded: read fresh, rendered once per row value and zone. */
  Future<Buffer> getProduct(JsonObject in) {
    ZoneId zone = zone(in);
    return products.find(in.getLong("product_id"), isAdmin(in)).map(row -> {
      if (row == null) {
        throw Errors.notFound(PRODUCT_NOT_FOUND);
      }
      return answers.of(CatalogJson.productRow(row), zone);
    });
  }

  Future<JsonObject> lowStock(JsonObject in) {
    ZoneId zone = zone(in);
    long threshold = in.getLong("quantity_threshold");
    Page page = Page.from(in);
    return Future.all(products.lowStock(threshold, page), products.lowStockCount(threshold))
        .map(both -> new JsonObject().put("products", CatalogJson.products(both.resultAt(0), zone))
            .mergeIn(counted(page, both.resultAt(1))));
  }

  /** One transaction: the atomic increment and its ledger row. */
  Future<JsonObject> addInventory(JsonObject in) {
    long productId = in.getLong("product_id");
    long quantity = in.getLong("quantity");
    long userId = caller(in).userId();
    long now = Times.nowMicros();
    return writes.run(CatalogContract.ADD_INVENTORY, in, tx -> inventory.lockProduct(tx, productId, db.dialect().forUpdate())
        .compose(exists -> exists ? inventory.add(tx, productId, quantity, now) : Future.succeededFuture(false))
        .compose(found -> {
          if (!found) {
            return Future.failedFuture(Errors.notFound(PRODUCT_NOT_FOUND));
          }
          return inventory.record(tx, productId, quantity, "restock", null, userId, now)
              .compose(v -> inventory.stock(tx, productId));
        }).map(stock -> new JsonObject()
        .put("product_id", productId)
        .put("quantity", stock.getLong("quantity"))
        .put("added", quantity)
        .put("updated_at", Times.iso(stock.getLong("updated_at"), zone(in)))));
  }

  /**
   * Changes the fields that were sent; the rest stay. Past sales keep their price (sale items hold
   * their own). A deactivated product is hidden from customers from the commit on, and purchases
   * of it then fail with product_inactive (they read is_active under the same row lock).
   */
  Future<JsonObject> updateProduct(JsonObject in) {
    long id = in.getLong("product_id");
    return writes.run(CatalogContract.UPDATE_PRODUCT, in, tx -> products.lockEditable(tx, id).compose(row -> {
      if (row == null) {
        return Future.failedFuture(Errors.notFound(PRODUCT_NOT_FOUND));
      }
      long categoryId = in.containsKey("category_id") ? in.getLong("category_id") : row.getLong("category_id");
      Future<Boolean> category = categoryId == row.getLong("category_id") ? Future.succeededFuture(true)
          : categories.exists(tx, categoryId);
      return category.compose(exists -> {
        if (!exists) {
          return Future.failedFuture(Errors.notFound(CATEGORY_NOT_FOUND));
        }
        return products.update(tx, id,
            in.containsKey("product_name") ? in.getString("product_name") : row.getString("product_name"),
            in.containsKey("description") ? in.getString("description") : row.getString("description"),
            categoryId,
            in.containsKey("price") ? in.getLong("price") : row.getLong("price_cents"),
            in.containsKey("is_active") ? in.getBoolean("is_active") : row.getLong("is_active") == 1L,
            Times.nowMicros());
      });
    })
        .compose(v -> products.find(tx, id, true))
        .map(row -> CatalogJson.productWithInventory(CatalogJson.productRow(row), zone(in))))
        .recover(this::categoryWentAway);
  }

  Future<JsonObject> updateCategory(JsonObject in) {
    long id = in.getLong("category_id");
    return writes.run(CatalogContract.UPDATE_CATEGORY, in, tx -> categories.exists(tx, id).compose(exists -> {
      if (!exists) {
        return Future.failedFuture(Errors.notFound(CATEGORY_NOT_FOUND));
      }
      return categories.update(tx, id, in.getString("category_name"), in.getString("category_slug"))
          .compose(v -> categories.find(tx, id))
          .map(row -> CatalogJson.category(row, zone(in)));
    }))
        .recover(failure -> db.dialect().classify(failure) == DbFailure.UNIQUE_VIOLATION
            ? Future.failedFuture(Errors.unprocessable(DUPLICATE_SLUG)) : Future.failedFuture(failure));
  }

  /**
   * Deletes a category no product references. The check and the delete are one transaction; a
   * product moved into the category by a concurrent transaction is caught by the foreign key
   * (MySQL, whose check waits for that transaction) or cannot happen at all (SQLite: one writer).
   */
  Future<JsonObject> deleteCategory(JsonObject in) {
    long id = in.getLong("category_id");
    return writes.run(CatalogContract.DELETE_CATEGORY, in, tx -> categories.exists(tx, id).compose(exists -> {
      if (!exists) {
        return Future.failedFuture(Errors.notFound(CATEGORY_NOT_FOUND));
      }
      return categories.hasProducts(tx, id).compose(used -> used
          ? Future.<JsonObject>failedFuture(Errors.conflict(CATEGORY_HAS_PRODUCTS, new JsonObject()))
          : categories.delete(tx, id).map(v -> new JsonObject().put("id", id)));
    }))
        .recover(failure -> db.dialect().classify(failure) == DbFailure.CONSTRAINT_VIOLATION
            ? Future.failedFuture(Errors.conflict(CATEGORY_HAS_PRODUCTS, new JsonObject()))
            : Future.failedFuture(failure));
  }

  /**
   * A correction of the stock (a write-off, a count), up or down, with its ledger row (reason
   * {@code adjustment}, the note, the admin) in one transaction. A decrease is the same
   * conditional update a purchase uses, so it can never take the stock below zero, whatever
   * purchases run at the same time: it is refused (409) instead, with the stock it found.
   */
  Future<JsonObject> adjustInventory(JsonObject in) {
    long productId = in.getLong("product_id");
    long change = in.getLong("change");
    String note = in.getString("note");
    long userId = caller(in).userId();
    long now = Times.nowMicros();
    return writes.run(CatalogContract.ADJUST_INVENTORY, in, tx -> {
      Future<Boolean> changed = inventory.lockProduct(tx, productId, db.dialect().forUpdate())
          .compose(exists -> !exists ? Future.succeededFuture(false) : change > 0
              ? inventory.add(tx, productId, change, now) : inventory.take(tx, productId, -change, now));
      return changed.compose(ok -> {
        if (!ok) {
          return inventory.findStock(tx, productId).compose(stock -> Future.failedFuture(stock == null
              ? Errors.notFound(PRODUCT_NOT_FOUND)
              : Errors.conflict(INSUFFICIENT_STOCK, new JsonObject().put("reason", "insufficient_stock")
                  .put("quantity", stock.getLong("quantity")))));
        }
        return inventory.record(tx, productId, change, "adjustment", null, userId, now, note)
            .compose(v -> inventory.stock(tx, productId));
      }).map(stock -> new JsonObject()
          .put("product_id", productId)
          .put("quantity", stock.getLong("quantity"))
          .put("change", change)
          .put("note", note)
          .put("updated_at", Times.iso(stock.getLong("updated_at"), zone(in))));
    });
  }

  /** The ledger of one product, newest first: every restock, sale and adjustment, with who and when. */
  Future<JsonObject> movements(JsonObject in) {
    long productId = in.getLong("product_id");
    Page page = Page.from(in);
    ZoneId zone = zone(in);
    return inventory.findStock(db.pool(), productId).compose(stock -> {
      if (stock == null) {
        return Future.failedFuture(Errors.notFound(PRODUCT_NOT_FOUND));
      }
      return Future.all(inventory.movements(db.pool(), productId, page), inventory.countMovements(db.pool(), productId));
    }).map(both -> {
      JsonArray list = new JsonArray();
      for (Row row : both.<io.vertx.sqlclient.RowSet<Row>>resultAt(0)) {
        list.add(new JsonObject()
            .put("id", row.getLong("id"))
            .put("product_id", row.getLong("product_id"))
            .put("change", row.getLong("delta"))
            .put("reason", row.getString("reason"))
            .put("sale_id", row.getLong("sale_id"))
            .put("note", row.getString("note"))
            .put("user_id", row.getLong("user_id"))
            .put("created_at", Times.iso(row.getLong("created_at"), zone)));
      }
      return new JsonObject().put("movements", list).mergeIn(page.meta(both.resultAt(1)));
    });
  }

  /**
   * A category deleted between a product write's check and its write: MySQL's foreign key refuses
   * the write (SQLite cannot interleave them: one writer at a time). The same 404 as the check's.
   */
  private <T> Future<T> categoryWentAway(Throwable failure) {
    return db.dialect().classify(failure) == DbFailure.CONSTRAINT_VIOLATION
        ? Future.failedFuture(Errors.notFound(CATEGORY_NOT_FOUND)) : Future.failedFuture(failure);
  }

  static Caller caller(JsonObject in) {
    return Caller.of(in);
  }

  /** The caller's zone; UTC for an anonymous caller of a public read (no zone: Times.zone falls back to UTC). */
  static ZoneId zone(JsonObject in) {
    return Times.zone(Caller.timezoneOf(in));
  }

  /** Anonymous callers get the customer view. */
  static boolean isAdmin(JsonObject in) {
    return Caller.isAdmin(in);
  }
}
