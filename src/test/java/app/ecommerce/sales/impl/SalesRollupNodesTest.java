package app.ecommerce.sales.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.ecommerce.Main;
import app.ecommerce.config.AppConfig;
import app.ecommerce.config.ConfigLoader;
import app.ecommerce.db.Database;
import app.ecommerce.db.DatabaseUnavailableException;
import app.ecommerce.db.DatabaseUrl;
import app.ecommerce.db.Migrations;
import app.ecommerce.db.WriteDeadlines;
import app.ecommerce.support.SalesTotalsCheck;
import app.ecommerce.support.Sql;
import app.ecommerce.support.TestDatabase;
import app.ecommerce.support.TestServer;
import app.ecommerce.tools.DemoData;
import io.vertx.core.Vertx;
import java.io.OutputStream;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Two nodes (each its own Vert.x and pool, as two processes would be) fold one backlog at the
 * same time while purchases keep committing, some of them slowly, so that on MariaDB ids commit
 * out of order: when everything has settled, every slot of the totals equals the sum of its rows
 * (nothing folded twice by the two nodes, nothing skipped because a smaller id committed late).
 */
abstract class SalesRollupNodesTest {
  protected abstract TestDatabase newDatabase();

  @Test
  void twoNodesDrainOneBacklogWhileSalesCommitOutOfOrder() throws Exception {
    try (TestDatabase db = newDatabase()) {
      AppConfig config = ConfigLoader.load(TestServer.settings(db, Map.of()));
      Migrations.migrate(DatabaseUrl.parse(config.databaseUrl()));
      new DemoData(config, new PrintStream(OutputStream.nullOutputStream())).generate(60_000);
      Sql sql = new Sql(db);
      sql.update("DELETE FROM sales_hour_totals");
      sql.update("DELETE FROM sales_day_totals");
      sql.update("UPDATE sales_rollup SET folded_item_id = 0");

      long backlog = SalesTotalsCheck.lastItem(db);
      List<Vertx> vertxes = List.of(Vertx.vertx(), Vertx.vertx());
      AtomicBoolean selling = new AtomicBoolean(true);
      try {
        List<CompletableFuture<Integer>> nodes = new ArrayList<>();
        for (Vertx vertx : vertxes) {
          SalesRollup rollup = new SalesRollup(Database.open(vertx, config, WriteDeadlines.within(Main.SERVICE_TIMEOUT_MS)));
          nodes.add(CompletableFuture.supplyAsync(() -> foldUntilQuiet(rollup, selling)));
        }
        List<CompletableFuture<Void>> buyers = new ArrayList<>();
        // SQLite has one writer at a time, so its ids cannot commit out of order: one buyer suffices
        int buyerCount = db.engine().equals("sqlite") ? 1 : 3;
        for (int b = 0; b < buyerCount; b++) {
          buyers.add(CompletableFuture.runAsync(() -> sell(db, selling)));
        }
        // past the backlog the nodes fold right behind the buyers, where a late commit would be skipped
        long deadline = System.currentTimeMillis() + 120_000;
        while (SalesTotalsCheck.mark(db) < backlog && System.currentTimeMillis() < deadline) {
          Thread.sleep(50);
        }
        Thread.sleep(4_000);
        selling.set(false);
        CompletableFuture.allOf(buyers.toArray(CompletableFuture[]::new)).join();
        int steps = nodes.stream().mapToInt(CompletableFuture::join).sum();
        assertTrue(steps >= 4, "the backlog was folded in " + steps + " steps");
      } finally {
        for (Vertx vertx : vertxes) {
          vertx.close().toCompletionStage().toCompletableFuture().join();
        }
      }
      assertEquals(SalesTotalsCheck.lastItem(db), SalesTotalsCheck.mark(db));
      SalesTotalsCheck.assertTotalsAreTheRows(db);
    }
  }

  /** Folds until caught up after the sales stopped; returns how many steps moved the mark. */
  private static int foldUntilQuiet(SalesRollup rollup, AtomicBoolean selling) {
    int moved = 0;
    try {
      while (true) {
        boolean stillSelling = selling.get();
        SalesRollup.Step step;
        try {
          step = SalesTotalsPropertyTest.await(rollup.step());
        } catch (java.util.concurrent.ExecutionException e) {
          if (!(e.getCause() instanceof DatabaseUnavailableException)) {
            throw e;
          }
          continue; // SQLite stayed locked by the other node or a buyer: as the verticle does, try again
        }
        if (step.to() > step.from()) {
          moved++;
        }
        if (step.caughtUp() && !stillSelling) {
          return moved;
        }
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Sales of one item until told to stop, each its own transaction, some held open a few milliseconds before commit. */
  private static void sell(TestDatabase db, AtomicBoolean selling) {
    try (Connection c = db.jdbc()) {
      if (db.engine().equals("sqlite")) {
        try (Statement s = c.createStatement()) {
          s.execute("PRAGMA busy_timeout = 30000");
        }
      }
      c.setAutoCommit(false);
      long user;
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT MIN(id) FROM users")) {
        rs.next();
        user = rs.getLong(1);
      }
      c.commit();
      try (PreparedStatement sale = c.prepareStatement("INSERT INTO sales (user_id, total_cents, created_at)"
               + " VALUES (?, ?, ?)", Statement.RETURN_GENERATED_KEYS);
           PreparedStatement item = c.prepareStatement("INSERT INTO sale_items (sale_id, product_id, quantity,"
               + " price_cents, created_at) VALUES (?, ?, ?, ?, ?)")) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (selling.get()) {
          long at = 1_700_000_000_000_000L + random.nextLong(86_400_000_000L * 30);
          sale.setLong(1, user);
          sale.setLong(2, 300);
          sale.setLong(3, at);
          sale.executeUpdate();
          try (ResultSet keys = sale.getGeneratedKeys()) {
            keys.next();
            item.setLong(1, keys.getLong(1));
          }
          item.setLong(2, 1 + random.nextInt(25));
          item.setLong(3, 1 + random.nextInt(3));
          item.setLong(4, 100);
          item.setLong(5, at);
          item.executeUpdate();
          if (!db.engine().equals("sqlite") && random.nextInt(4) == 0) {
            Thread.sleep(random.nextInt(15));
          }
          c.commit();
        }
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
