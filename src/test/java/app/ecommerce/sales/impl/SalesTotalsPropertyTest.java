package app.ecommerce.sales.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.ecommerce.db.Database;
import app.ecommerce.sales.SalesQuery;
import app.ecommerce.support.Api;
import app.ecommerce.support.EngineTest;
import app.ecommerce.time.Times;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The totals path against the rows-only path, over seeded random sales: random ranges (many of
 * them starting or ending on an hour, a local midnight, a DST change, or a microsecond beside
 * one), zones (DST both ways, +05:30, +05:45, +12:45/+13:45, a 30-minute DST, -03:30), buckets and
 * filters; with nothing folded, with a part folded and new rows above the mark, and with all
 * folded. Both must give the same units and cents per product and period, exactly.
 */
abstract class SalesTotalsPropertyTest extends EngineTest {
  static final List<ZoneId> ZONES = List.of("UTC", "America/New_York", "Europe/London", "Asia/Kolkata",
      "Asia/Kathmandu", "Pacific/Chatham", "Australia/Lord_Howe", "America/St_Johns", "Pacific/Kiritimati")
      .stream().map(ZoneId::of).toList();
  static final String[] BUCKETS = {null, "daily", "weekly", "monthly", "yearly"};
  static final long FROM = Times.toMicros(Instant.parse("2023-01-01T00:00:00Z"));
  static final long TO = Times.toMicros(Instant.parse("2025-01-01T00:00:00Z"));
  static final long HOUR = 3_600_000_000L;

  private final Random random = new Random(30);
  private final List<Long> products = new ArrayList<>();
  private final List<Long> categories = new ArrayList<>();
  private final List<Long> interesting = new ArrayList<>();
  private long buyer;

  @Override
  protected Map<String, String> settings() {
    // no analytics verticle: the test folds the totals itself, to know what is folded when
    return Map.of("VERTICLES", "http,auth,catalog");
  }

  @Test
  void totalsAndRowsAgreeForRandomQueries() throws Exception {
    catalog();
    for (ZoneId zone : ZONES) {
      // local midnights and DST changes of the zone, where period edges and offsets move
      var rules = zone.getRules();
      Instant at = Times.fromMicros(FROM);
      while (true) {
        var next = rules.nextTransition(at);
        if (next == null || Times.toMicros(next.getInstant()) >= TO) {
          break;
        }
        interesting.add(Times.toMicros(next.getInstant()));
        at = next.getInstant();
      }
      for (int i = 0; i < 6; i++) {
        LocalDate day = LocalDate.of(2023, 1, 1).plusDays(random.nextInt(730));
        interesting.add(Times.toMicros(day.atStartOfDay(zone).toInstant()));
      }
    }
    Database db = server.app().db();
    SalesRollup rollup = new SalesRollup(db);
    SalesRepository repository = new SalesRepository(db);

    insertSales(3000);
    compare(repository, 60, "nothing folded");
    foldAll(rollup);
    insertSales(1000);
    compare(repository, 150, "folded, with rows above the mark");
    foldAll(rollup);
    compare(repository, 90, "all folded");
    assertTrue(await(rollup.mark()) > 0);
  }

  private void catalog() {
    String admin = admin();
    Api api = server.api();
    for (int c = 0; c < 3; c++) {
      Api.Response cat = api.put("create_category").token(admin).json(new JsonObject()
          .put("category_name", "Prop " + c).put("category_slug", "prop-" + c + "-" + System.nanoTime())).send();
      categories.add(cat.data().getLong("id"));
      for (int p = 0; p < 3; p++) {
        String price = new String[] {"0.01", "12.34", "99999.99"}[p];
        Api.Response product = api.put("create_product").token(admin).json(new JsonObject()
            .put("product_name", "Prop " + c + "." + p).put("description", null)
            .put("category_id", cat.data().getLong("id")).put("price", price)).send();
        products.add(product.data().getLong("id"));
      }
    }
    buyer = server.newCustomer("UTC").id();
  }

  /** Sales with 1–3 lines, at instants spread over two years and crowded around the edges. */
  private void insertSales(int count) throws Exception {
    try (var c = server.db().jdbc()) {
      c.setAutoCommit(false);
      try (var sale = c.prepareStatement("INSERT INTO sales (user_id, total_cents, created_at) VALUES (?, ?, ?)",
               java.sql.Statement.RETURN_GENERATED_KEYS);
           var item = c.prepareStatement("INSERT INTO sale_items (sale_id, product_id, quantity, price_cents,"
               + " created_at) VALUES (?, ?, ?, ?, ?)")) {
        for (int i = 0; i < count; i++) {
          long at = instant();
          sale.setLong(1, buyer);
          sale.setLong(2, 0);
          sale.setLong(3, at);
          sale.executeUpdate();
          long saleId;
          try (var keys = sale.getGeneratedKeys()) {
            keys.next();
            saleId = keys.getLong(1);
          }
          for (int l = 1 + random.nextInt(3); l > 0; l--) {
            item.setLong(1, saleId);
            item.setLong(2, products.get(random.nextInt(products.size())));
            item.setLong(3, 1 + random.nextInt(5));
            item.setLong(4, 1 + random.nextInt(9_999_999));
            item.setLong(5, at);
            item.addBatch();
          }
        }
        item.executeBatch();
      }
      c.commit();
    }
  }

  private long instant() {
    switch (random.nextInt(4)) {
      case 0:
        return interesting.get(random.nextInt(interesting.size())) + random.nextInt(5) - 2;
      case 1:
        return interesting.get(random.nextInt(interesting.size())) + (long) (random.nextGaussian() * 2 * HOUR);
      default:
        return FROM + (long) (random.nextDouble() * (TO - FROM));
    }
  }

  private void compare(SalesRepository repository, int queries, String state) throws Exception {
    for (int i = 0; i < queries; i++) {
      SalesQuery q = query();
      Periods periods = q.buckets() == null ? null : Periods.of(q.buckets(), q.zone(), q.startMicros(), q.endMicros());
      List<String> viaTotals = sums(await(repository.totals(server.app().db().pool(), q, periods)));
      List<String> viaRows = sums(await(repository.scannedTotals(server.app().db().pool(), q, periods)));
      assertEquals(viaRows, viaTotals, () -> state + ": " + q);
    }
  }

  private SalesQuery query() {
    ZoneId zone = ZONES.get(random.nextInt(ZONES.size()));
    long start = edge(zone);
    long[] lengths = {HOUR / 4, HOUR * 3, HOUR * 30, HOUR * 24 * 10, HOUR * 24 * 100, HOUR * 24 * 800};
    long end = start + (long) (random.nextDouble() * lengths[random.nextInt(lengths.length)]);
    if (random.nextBoolean()) {
      end = edge(zone);
    }
    if (end < start) {
      long t = start;
      start = end;
      end = t;
    }
    String buckets = BUCKETS[random.nextInt(BUCKETS.length)];
    List<Long> productIds = List.of();
    List<Long> categoryIds = List.of();
    switch (random.nextInt(3)) {
      case 0:
        productIds = pick(products);
        break;
      case 1:
        categoryIds = pick(categories);
        break;
      default:
        break;
    }
    return new SalesQuery(zone, start, end, buckets, false, productIds, categoryIds);
  }

  /** An instant on or beside a local midnight, an hour, a DST change, or anywhere. */
  private long edge(ZoneId zone) {
    long any = FROM + (long) (random.nextDouble() * (TO - FROM));
    long nudge = random.nextInt(3) - 1;
    switch (random.nextInt(5)) {
      case 0:
        return interesting.get(random.nextInt(interesting.size())) + nudge;
      case 1:
        return Times.toMicros(Times.fromMicros(any).atZone(zone).toLocalDate().atStartOfDay(zone).toInstant()) + nudge;
      case 2:
        return Times.toMicros(Times.fromMicros(any).atZone(zone).truncatedTo(ChronoUnit.HOURS).toInstant()) + nudge;
      default:
        return any;
    }
  }

  private List<Long> pick(List<Long> ids) {
    List<Long> picked = new ArrayList<>();
    for (Long id : ids) {
      if (random.nextInt(3) == 0) {
        picked.add(id);
      }
    }
    if (picked.isEmpty()) {
      picked.add(ids.get(0));
    }
    return picked;
  }

  /**
   * Units and cents per product and period, added up as the service does: the totals path may
   * answer one product and period in several rows (one per branch), the scan in one.
   */
  private static List<String> sums(RowSet<Row> rows) {
    Map<String, BigInteger[]> byKey = new TreeMap<>();
    for (Row r : rows) {
      BigInteger[] sum = byKey.computeIfAbsent(r.getLong(0) + "|" + r.getValue(1),
          k -> new BigInteger[] {BigInteger.ZERO, BigInteger.ZERO});
      sum[0] = sum[0].add(SalesRepository.sum(r.getValue(2)));
      sum[1] = sum[1].add(SalesRepository.sum(r.getValue(3)));
    }
    List<String> sums = new ArrayList<>();
    byKey.forEach((key, sum) -> sums.add(key + "|" + sum[0] + "|" + sum[1]));
    return sums;
  }

  static void foldAll(SalesRollup rollup) throws Exception {
    while (!await(rollup.step()).caughtUp()) {
      // next batch
    }
  }

  static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }
}
