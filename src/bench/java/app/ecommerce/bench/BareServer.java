package app.ecommerce.bench;

import app.ecommerce.Main;
import app.ecommerce.auth.Argon2Hashing;
import app.ecommerce.auth.impl.BareAuthSql;
import app.ecommerce.catalog.impl.BareCatalogSql;
import app.ecommerce.config.AppConfig;
import app.ecommerce.config.ConfigLoader;
import app.ecommerce.db.Database;
import app.ecommerce.db.WriteDeadlines;
import app.ecommerce.sales.impl.BareSalesSql;
import app.ecommerce.time.Times;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import io.vertx.sqlclient.data.Numeric;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The "bare" side of {@code ./run.sh bench}: the least a Vert.x server can do to answer the
 * benchmarked requests, so that the app's figures can be read as a ratio to the limit of this
 * machine, pool and database. A plain {@code HttpServer}, one instance per core like the app's
 * HTTP verticle, no router, no authentication (the bearer token is ignored), no event bus, no
 * input validation, no envelope, no request log; the same configuration ({@link ConfigLoader},
 * so the same {@code DATABASE_URL}, {@code HTTP_PORT}, pool size and argon2 parameters), the same
 * pool ({@link Database#open}), the same event loops and transport ({@link Main#runtimeOptions}:
 * one loop per core, native epoll where it loads) and the same SQL text the app runs, taken from
 * the repositories' constants through the Bare*Sql classes in src/bench:
 * <ul>
 *   <li>{@code GET /ecommerce/v1/get_products?page&per_page}: the customer's page query and the count, as JSON rows;</li>
 *   <li>{@code GET /ecommerce/v1/get_product?product_id}: the customer's product query;</li>
 *   <li>{@code POST /ecommerce/v1/purchase_products} with {@code {"items":[{"product_id","quantity"}]}} (the
 *       first line only): in one {@link Database#inTransaction} the lock/read of the product, the
 *       conditional stock update, the sale, the sale item and the ledger row, for the user
 *       {@code BENCH_USER_ID}, one at a time per product when the app's are; no idempotency; 409 when the stock is short;</li>
 *   <li>{@code POST /ecommerce/v1/login_user} with {@code {"email","password"}}: the throttle queries,
 *       the user lookup, argon2 verification on a worker pool of one thread per core (as the app's
 *       PasswordHasher), then the token row and last_login in one transaction; the answer carries
 *       the token id, not a signed JWT;</li>
 *   <li>{@code GET /ecommerce/v1/get_sales_data?start_date&end_date&timezone} (dates only): the
 *       monthly totals query of the app's SalesRepository, its rows as JSON arrays;</li>
 *   <li>{@code GET /ready}: 200 once listening.</li>
 * </ul>
 * Usage: {@code java -cp target/bench-build/ecommerce-bench.jar app.ecommerce.bench.BareServer}, configured by the
 * environment exactly like the app, plus {@code BENCH_USER_ID} (the buyer of purchases).
 */
public final class BareServer extends VerticleBase {
  private static final String PREFIX = "/ecommerce/v1/";

  private final AppConfig config;
  private final Database db;
  private final WorkerExecutor argon2Pool;
  private final Argon2Hashing argon2;
  private final long userId;
  /** The page's SQL per "order_by order" (id asc by default), built once like the app's prepared texts. */
  private final java.util.Map<String, String> productsPages = new java.util.HashMap<>();
  private final String productsCount;

  private BareServer(AppConfig config, Database db, WorkerExecutor argon2Pool, long userId) {
    this.config = config;
    this.db = db;
    for (String orderBy : java.util.List.of("id", "product_name", "price", "quantity", "created_at")) {
      for (String order : java.util.List.of("asc", "desc")) {
        productsPages.put(orderBy + " " + order, BareCatalogSql.productsPage(db.dialect(), orderBy, order.equals("desc")));
      }
    }
    this.productsCount = BareCatalogSql.productsCount(db.dialect());
    this.argon2Pool = argon2Pool;
    this.argon2 = Argon2Hashing.configured(config);
    this.userId = userId;
  }

  public static void main(String[] args) {
    AppConfig config = ConfigLoader.load();
    long userId = Long.parseLong(System.getenv().getOrDefault("BENCH_USER_ID", "1"));
    // the app's event loops and transport, so that the ratio measures the app's own work
    VertxOptions options = Main.runtimeOptions();
    int instances = options.getEventLoopPoolSize();
    Vertx vertx = Vertx.vertx(options);
    Database db = Database.open(vertx, config, WriteDeadlines.within(Main.SERVICE_TIMEOUT_MS));
    WorkerExecutor argon2Pool = vertx.createSharedWorkerExecutor("argon2", instances, 2, TimeUnit.MINUTES);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        vertx.close().await(10, TimeUnit.SECONDS);
      } catch (Exception ignored) {
        // exiting anyway
      }
    }));
    vertx.deployVerticle(() -> new BareServer(config, db, argon2Pool, userId), new DeploymentOptions().setInstances(instances))
        .onSuccess(id -> System.out.println("Bare server listening on " + config.httpHost() + ":" + config.httpPort()
            + " (" + instances + " instances, " + db.dialect().name() + ")"))
        .onFailure(failure -> {
          failure.printStackTrace();
          System.exit(1);
        });
  }

  @Override
  public Future<?> start() {
    return vertx.createHttpServer(new HttpServerOptions().setHost(config.httpHost()).setPort(config.httpPort()))
        .requestHandler(this::handle)
        .listen();
  }

  private void handle(HttpServerRequest req) {
    String path = req.path();
    Future<Object> answer;
    if (path.equals("/ready")) {
      answer = Future.succeededFuture(new JsonObject());
    } else if (!path.startsWith(PREFIX)) {
      req.response().setStatusCode(404).end();
      return;
    } else {
      switch (path.substring(PREFIX.length())) {
        case "get_products" -> answer = products(req);
        case "get_product" -> answer = product(req);
        case "purchase_products" -> answer = req.body().compose(body -> purchase(body.toJsonObject()));
        case "login_user" -> answer = req.body().compose(body -> login(body.toJsonObject(),
            req.remoteAddress() == null ? "unknown" : req.remoteAddress().hostAddress()));
        case "get_sales_data" -> answer = salesData(req);
        default -> {
          req.response().setStatusCode(404).end();
          return;
        }
      }
    }
    answer.onComplete(done -> {
      if (done.succeeded() && done.result() instanceof Status s) {
        req.response().setStatusCode(s.code()).putHeader("content-type", "application/json").end(s.body().encode());
      } else if (done.succeeded()) {
        req.response().putHeader("content-type", "application/json")
            .end(new JsonObject().put("data", done.result()).encode());
      } else {
        System.err.println(path + ": " + done.cause());
        req.response().setStatusCode(500).end(String.valueOf(done.cause()));
      }
    });
  }

  /** A non-200 answer. */
  private record Status(int code, JsonObject body) {
  }

  private Future<Object> products(HttpServerRequest req) {
    long page = Long.parseLong(param(req, "page", "1"));
    long perPage = Long.parseLong(param(req, "per_page", "10"));
    return Future.all(
            db.pool().preparedQuery(productsPages.get(param(req, "order_by", "id") + " " + param(req, "order", "asc")))
                .execute(Tuple.of(perPage + 1, (page - 1) * perPage)),
            db.pool().preparedQuery(productsCount).execute())
        .map(both -> {
          JsonArray list = new JsonArray();
          for (Row row : both.<RowSet<Row>>resultAt(0)) {
            if (list.size() < perPage) {
              list.add(row.toJson());
            }
          }
          long total = both.<RowSet<Row>>resultAt(1).iterator().next().getLong(0);
          return new JsonObject().put("products", list).put("page", page).put("per_page", perPage).put("total", total)
              .put("has_more", both.<RowSet<Row>>resultAt(0).size() > perPage);
        });
  }

  private Future<Object> product(HttpServerRequest req) {
    long id = Long.parseLong(param(req, "product_id", "0"));
    return db.pool().preparedQuery(BareCatalogSql.PRODUCT).execute(Tuple.of(id))
        .map(rows -> rows.size() == 0 ? new Status(404, new JsonObject()) : rows.iterator().next().toJson());
  }

  /**
   * The first line of the purchase, in one transaction, as PurchaseService does it for one line:
   * one at a time per product on this node whenever the app's are
   * ({@link Database#inTransaction(java.util.Collection, java.util.function.Function)}: on a Galera
   * cluster, where a hot row's writers on different DB nodes abort each other's transactions).
   */
  private Future<Object> purchase(JsonObject in) {
    JsonObject line = in.getJsonArray("items").getJsonObject(0);
    long productId = line.getLong("product_id");
    long quantity = line.getLong("quantity");
    return db.inTransaction(List.of("product:" + productId), tx -> tx.preparedQuery(BareCatalogSql.lockOneProduct(db.dialect()))
        .execute(Tuple.of(productId))
        .compose(rows -> {
          if (rows.size() == 0 || rows.iterator().next().getLong("is_active") != 1L) {
            return Future.succeededFuture(new Status(409, new JsonObject().put("reason", "product_not_found")));
          }
          long price = rows.iterator().next().getLong("price_cents");
          long now = Times.nowMicros();
          return tx.preparedQuery(BareCatalogSql.TAKE_STOCK)
              .execute(Tuple.of(quantity, now, productId, quantity))
              .compose(taken -> {
                if (taken.rowCount() != 1) {
                  return Future.succeededFuture(new Status(409, new JsonObject().put("reason", "insufficient_stock")));
                }
                long total = quantity * price;
                return db.dialect().insertReturningId(tx, BareCatalogSql.INSERT_SALE,
                        Tuple.of(userId, total, now))
                    .compose(saleId -> db.dialect().insertReturningId(tx, BareCatalogSql.INSERT_ITEM,
                            Tuple.of(saleId, productId, quantity, price, now))
                        .compose(itemId -> tx.preparedQuery(BareCatalogSql.INSERT_MOVEMENT)
                            .execute(Tuple.of(productId, -quantity, "sale", saleId, userId, now).addString(null))
                            .map(done -> (Object) new JsonObject().put("id", saleId).put("sale_item_id", itemId)
                                .put("total_cents", total))));
              });
        }));
  }

  /** Throttle check, user, argon2 on a worker, then the token row and last_login in one transaction. */
  private Future<Object> login(JsonObject in, String address) {
    String email = in.getString("email").strip().toLowerCase(Locale.ROOT);
    String password = in.getString("password");
    long now = Times.nowMicros();
    long since = now - BareAuthSql.THROTTLE_WINDOW_MICROS;
    return Future.all(
            db.pool().preparedQuery(BareAuthSql.NTH_RECENT_FAILURE_BY_EMAIL)
                .execute(Tuple.of(email, since, BareAuthSql.MAX_FAILURES_PER_EMAIL - 1)),
            db.pool().preparedQuery(BareAuthSql.NTH_RECENT_FAILURE_BY_ADDRESS)
                .execute(Tuple.of(address, since, BareAuthSql.MAX_FAILURES_PER_ADDRESS - 1)))
        .compose(throttle -> db.pool().preparedQuery(BareAuthSql.FIND_USER_BY_EMAIL)
            .execute(Tuple.of(email)))
        .compose(users -> {
          if (users.size() == 0) {
            return Future.succeededFuture(new Status(422, new JsonObject()));
          }
          Row user = users.iterator().next();
          long id = user.getLong("id");
          String hash = user.getString("password_hash");
          return argon2Pool.executeBlocking(() -> argon2.verify(hash, password), false).compose(matches -> {
            if (!matches) {
              return Future.succeededFuture(new Status(422, new JsonObject()));
            }
            String jti = UUID.randomUUID().toString();
            long issued = Times.nowMicros();
            long expires = issued + config.jwtTtlMinutes() * 60_000_000L;
            return db.inTransaction(tx -> tx.preparedQuery(BareAuthSql.INSERT_TOKEN)
                    .execute(Tuple.of(jti, id, issued, expires))
                    .compose(v -> tx.preparedQuery(BareAuthSql.TOUCH_LAST_LOGIN)
                        .execute(Tuple.of(issued, issued, id))))
                .map(v -> (Object) new JsonObject().put("access_token", jti));
          });
        });
  }

  /** Monthly totals per product over [start_date, end_date] (whole local days) in {@code timezone}. */
  private Future<Object> salesData(HttpServerRequest req) {
    ZoneId zone = ZoneId.of(param(req, "timezone", "UTC"));
    long start = Times.toMicros(LocalDate.parse(req.getParam("start_date")).atStartOfDay(zone).toInstant());
    long end = Times.toMicros(LocalDate.parse(req.getParam("end_date")).plusDays(1).atStartOfDay(zone).toInstant()) - 1;
    String sql = BareSalesSql.monthlyTotals(db.dialect(), zone, start, end);
    return db.pool().preparedQuery(sql).execute(Tuple.of(start, end)).map(rows -> {
      JsonArray out = new JsonArray();
      for (Row row : rows) {
        out.add(new JsonArray().add(row.getLong(0)).add(row.getLong(1)).add(exact(row.getValue(2)))
            .add(exact(row.getValue(3))).add(row.getString(4)).add(row.getLong(5)).add(row.getString(6))
            .add(row.getString(7)));
      }
      return out;
    });
  }

  /** A SUM as a long (MySQL answers DECIMAL for SUM of BIGINT). */
  private static long exact(Object value) {
    if (value instanceof Numeric n) {
      return n.bigDecimalValue().longValueExact();
    }
    if (value instanceof BigDecimal d) {
      return d.longValueExact();
    }
    return ((Number) value).longValue();
  }

  private static String param(HttpServerRequest req, String name, String otherwise) {
    String value = req.getParam(name);
    return value == null ? otherwise : value;
  }
}
