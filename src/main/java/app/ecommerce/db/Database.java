package app.ecommerce.db;

import app.ecommerce.config.AppConfig;
import app.ecommerce.config.Cores;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.shareddata.Lock;
import io.vertx.jdbcclient.JDBCPool;
import io.vertx.mysqlclient.MySQLBuilder;
import io.vertx.mysqlclient.MySQLConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.SqlConnection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The SQL pools of a node (the main one, and the {@link #analytics()} bulkhead) and its dialect. Every transaction in the service goes through
 * {@link #inTransaction(Function)}, which owns the engine-specific way of beginning one and the
 * bounded retry of transactions the engine refused as busy or deadlocked.
 */
public final class Database {
  /** InnoDB's wait for a row lock, per connection (its default is 50 s): well inside the budget. */
  static final int MYSQL_LOCK_WAIT_SECONDS = 3;
  /** How long a SQLite connection waits for a lock another process holds, for tools and migrations. */
  private static final int DEFAULT_SQLITE_BUSY_TIMEOUT_MS = 2_000;
  private static final String SQLITE_WRITER_LOCK = "sqlite-writer";
  /** journal_size_limit: what a write-ahead log is cut back to when SQLite restarts it. */
  static final int WAL_SIZE_LIMIT_BYTES = 16 * 1024 * 1024;

  private final Vertx vertx;
  private final WaitBoundedPool pool;
  private final Pool analytics;
  private final Dialect dialect;
  private final DatabaseUrl url;
  private final long lockTimeoutMs;
  private final WriteDeadlines deadlines;
  private WalCheckpoints checkpoints;
  /** MySQL: the server or the nodes of its cluster, and which of them answer. */
  private ClusterHosts hosts;

  private Database(Vertx vertx, WaitBoundedPool pool, Pool analytics, Dialect dialect, DatabaseUrl url, long lockTimeoutMs,
                   WriteDeadlines deadlines) {
    this.vertx = vertx;
    this.deadlines = deadlines;
    this.pool = pool;
    this.analytics = analytics;
    this.dialect = dialect;
    this.url = url;
    this.lockTimeoutMs = lockTimeoutMs;
  }

  /** @param deadlines how long a write may take, derived from the service timeout callers wait */
  public static Database open(Vertx vertx, AppConfig config, WriteDeadlines deadlines) {
    DatabaseUrl url = DatabaseUrl.parse(config.databaseUrl());
    long waitMs = config.dbConnectTimeoutSeconds() * 1000L;
    boolean sqlite = url.engine() == DatabaseUrl.Engine.SQLITE;
    int size = config.dbPoolSize() > 0 ? config.dbPoolSize() : sqlite ? 4 : 16;
    PoolOptions main = poolOptions("main", size, config.dbPoolWaitQueue());
    PoolOptions analytics = poolOptions("analytics", config.analyticsPoolSize() > 0
        ? config.analyticsPoolSize() : defaultAnalyticsPoolSize(sqlite, Cores.available()),
        config.analyticsPoolWaitQueue());
    if (sqlite) {
      SQLiteDataSource source = sqliteDataSource(url, config.dbBusyTimeoutMs());
      Database db = new Database(vertx, new WaitBoundedPool(vertx, JDBCPool.pool(vertx, source, main), waitMs),
          new WaitBoundedPool(vertx, JDBCPool.pool(vertx, source, analytics), waitMs), new SqliteDialect(), url, waitMs,
          deadlines);
      db.checkpoints = new WalCheckpoints(vertx, db::leaseWriter, db.analytics, analytics.getMaxSize(),
          db.pool, main.getMaxSize(), config.dbBusyTimeoutMs(), config.sqliteCheckpointSeconds() * 1000L);
      return db;
    }
    ClusterHosts hosts = new ClusterHosts(vertx, url.hosts().stream().map(host -> new MySQLConnectOptions()
        .setHost(host.name()).setPort(host.port()).setDatabase(url.database())
        .setUser(url.user()).setPassword(url.password())
        .setCharset("utf8mb4")
        .setCachePreparedStatements(true)).toList()).start();
    Database db = new Database(vertx, new WaitBoundedPool(vertx, mysqlPool(vertx, hosts, main, waitMs, deadlines), waitMs),
        new WaitBoundedPool(vertx, mysqlPool(vertx, hosts, analytics, waitMs, deadlines), waitMs), new MysqlDialect(), url,
        waitMs, deadlines);
    db.hosts = hosts;
    return db;
  }

  private static Pool mysqlPool(Vertx vertx, ClusterHosts hosts, PoolOptions options, long waitMs,
                                WriteDeadlines deadlines) {
    return MySQLBuilder.pool()
        .with(options)
        .with(new NetClientOptions().setConnectTimeout((int) waitMs))
        .connectingTo(hosts.supplier())
        .withConnectHandler(conn -> conn.query(MysqlDialect.sessionDeadlines(conn, MYSQL_LOCK_WAIT_SECONDS,
                deadlines.statementsMs()))
            .execute()
            .compose(set -> conn.query(MysqlDialect.GALERA_NODE).execute())
            .onSuccess(galera -> {
              if (MysqlDialect.isGaleraNode(galera)) {
                hosts.sawGaleraNode();
              }
            })
            .onComplete(done -> conn.close()))
        .using(vertx)
        .build();
  }

  /**
   * The reports' pool when ANALYTICS_POOL_SIZE is 0. SQLite: one reader, since a report holds its
   * connection's read snapshot and a second would only contend for the same file. MySQL: one report
   * at a time on a node of up to 2 cores, two above: a report keeps a core of the database busy for
   * its whole run, and two of them on 2 cores left nothing for purchases and catalog reads
   * (docs/decisions.md, issue 33). The node's cores stand for the database's, which the node cannot
   * see; an operator whose database has more sets ANALYTICS_POOL_SIZE.
   */
  static int defaultAnalyticsPoolSize(boolean sqlite, int cores) {
    return sqlite || cores <= 2 ? 1 : 2;
  }

  /** No wait timeout of the pool's own: {@link WaitBoundedPool} bounds the wait instead. */
  private static PoolOptions poolOptions(String name, int size, int waitQueue) {
    return new PoolOptions()
        .setName(name)
        .setMaxSize(size)
        .setMaxWaitQueueSize(waitQueue)
        .setConnectionTimeout(0)
        .setIdleTimeout(60)
        .setPoolCleanerPeriod(10_000);
  }

  /**
   * WAL for concurrent readers, a busy timeout as backstop, foreign keys enforced. A log that
   * SQLite restarts on its own is cut back to {@link #WAL_SIZE_LIMIT_BYTES}; the node's periodic
   * checkpoint ({@link WalCheckpoints}) empties it.
   */
  public static SQLiteDataSource sqliteDataSource(DatabaseUrl url) {
    return sqliteDataSource(url, DEFAULT_SQLITE_BUSY_TIMEOUT_MS);
  }

  /** @param busyTimeoutMs how long to wait for a lock held by another process before SQLITE_BUSY */
  public static SQLiteDataSource sqliteDataSource(DatabaseUrl url, int busyTimeoutMs) {
    try {
      Path parent = url.sqliteFile().toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
    } catch (IOException e) {
      throw new IllegalStateException("Cannot create the directory of " + url.sqliteFile(), e);
    }
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    config.setBusyTimeout(busyTimeoutMs);
    config.enforceForeignKeys(true);
    config.setJournalSizeLimit(WAL_SIZE_LIMIT_BYTES);
    SQLiteDataSource dataSource = new SQLiteDataSource(config);
    dataSource.setUrl(url.jdbcUrl());
    return dataSource;
  }

  /**
   * Starts the periodic upkeep of the database (on SQLite, the write-ahead log's checkpoints).
   * Called once the schema is migrated and the services run: a checkpoint taking the file's locks
   * in the middle of a migration made Flyway fail with SQLITE_BUSY.
   */
  public void startMaintenance() {
    if (checkpoints != null) {
      checkpoints.start();
    }
  }

  public Pool pool() {
    return pool;
  }

  /**
   * How many connections the main pool was asked for so far: a count that rises while this node
   * serves purchases, catalog reads or sign-ins (reports use {@link #analytics()}), so that work
   * which should give way to them can tell whether they are running.
   */
  public long mainPoolLeases() {
    return pool.leases();
  }

  /** The SQLite log's checkpoints (null on MySQL), for the tests of this package. */
  WalCheckpoints checkpoints() {
    return checkpoints;
  }

  /**
   * The bulkhead of reports (sales analytics, CSV exports): a pool of its own, small and with its
   * own bounded wait queue, so that however many reports run or wait, they never hold a
   * connection that purchases and catalog reads need. Read-only work only: every write goes
   * through {@link #inTransaction} on the main pool.
   */
  public Pool analytics() {
    return analytics;
  }

  public Dialect dialect() {
    return dialect;
  }

  public DatabaseUrl url() {
    return url;
  }

  /**
   * Runs {@code work} in one write transaction: commit if its future succeeds, roll back if it
   * fails. A transaction the engine refuses as busy or deadlocked is run again from the start, a
   * bounded number of times; after that the caller gets {@link DatabaseUnavailableException}. The
   * whole of it races the {@link WriteDeadlines}: past the statements' deadline it is rolled back
   * ({@link DatabaseUnavailableException}: nothing was written); a COMMIT not confirmed by the
   * commit deadline fails with {@link OutcomeUnknownException}.
   */
  public <T> Future<T> inTransaction(Function<SqlConnection, Future<T>> work) {
    return new GuardedTransaction<>(vertx, dialect, this::leaseWriter, work, deadlines).run();
  }

  /**
   * The same, run one at a time on this node with every other transaction that names one of the
   * same {@code rows} (e.g. {@code "product:42"}) when those rows may also be written through
   * another database node ({@link #queuesHotRowsInApp()}): each attempt first takes a local lock
   * per name (in sorted order, so never a deadlock between them), then a connection, and releases
   * them when it has committed or rolled back. On Galera that leaves at most one transaction per
   * app node for the row, so a commit from another DB node aborts at most one local one instead
   * of a queue of them (docs/decisions.md, issue 31). The wait counts in the transaction's
   * deadlines. On one MySQL/MariaDB server, and on SQLite (one writer anyway), the names are not
   * used: there the database's own lock queue serves a hot row faster.
   */
  public <T> Future<T> inTransaction(java.util.Collection<String> rows, Function<SqlConnection, Future<T>> work) {
    if (rows.isEmpty() || !queuesHotRowsInApp()) {
      return inTransaction(work);
    }
    java.util.List<String> names = rows.stream().sorted().distinct().map(row -> "row-writer:" + row).toList();
    return new GuardedTransaction<>(vertx, dialect, () -> leaseWriterOf(names), work, deadlines).run();
  }

  /**
   * Whether {@link #inTransaction(java.util.Collection, Function)} queues a hot row's writers in
   * this node: on MySQL/MariaDB when {@code DATABASE_URL} names several nodes or the server is a
   * Galera node (known from the first connection on). Not on one server: InnoDB releases a
   * transaction's row locks when it commits in memory, before its log flush, so the next writer
   * of the row runs during that flush; a lock held here lasts until COMMIT has returned, so each
   * buyer of the row would wait for the one before it to reach the disk (docs/decisions.md).
   */
  public boolean queuesHotRowsInApp() {
    return hosts != null && hosts.rowsWrittenThroughOtherNodes();
  }

  private Future<GuardedTransaction.Lease> leaseWriterOf(java.util.List<String> names) {
    return lockAll(names, 0, new java.util.ArrayList<>()).compose(locks -> leaseWriter()
        .map(lease -> new GuardedTransaction.Lease(lease.connection(), () -> {
          lease.release().run();
          locks.forEach(Database::release);
        }))
        .onFailure(failure -> locks.forEach(Database::release)));
  }

  private Future<java.util.List<Lock>> lockAll(java.util.List<String> names, int next, java.util.List<Lock> held) {
    if (next == names.size()) {
      return Future.succeededFuture(held);
    }
    return vertx.sharedData().getLocalLockWithTimeout(names.get(next), deadlines.statementsMs())
        .recover(timeout -> {
          held.forEach(Database::release);
          return Future.failedFuture(new DatabaseUnavailableException("Timed out waiting for " + names.get(next), timeout));
        })
        .compose(lock -> {
          held.add(lock);
          return lockAll(names, next + 1, held);
        });
  }

  private Future<GuardedTransaction.Lease> leaseWriter() {
    if (dialect instanceof MysqlDialect) {
      // a node that died a moment ago may still get a new connection before the monitor sees it
      // gone: on a cluster, that one failed connect is followed by one to the next node
      return pool.getConnection()
          .recover(failure -> hosts.size() > 1 && dialect.brokeConnection(failure)
              ? pool.getConnection() : Future.failedFuture(failure))
          .map(conn -> new GuardedTransaction.Lease(conn, conn::close));
    }
    // SQLite has one writer at a time. Queue writers here, without holding a worker thread; the
    // dialect begins IMMEDIATE so that no transaction can fail with SQLITE_BUSY half-way through.
    return vertx.sharedData().getLocalLockWithTimeout(SQLITE_WRITER_LOCK, lockTimeoutMs)
        .recover(timeout -> Future.failedFuture(new DatabaseUnavailableException("Timed out waiting for the SQLite writer", timeout)))
        .compose(lock -> pool.getConnection()
            // the next writer may begin as soon as this one has committed or rolled back; waiting
            // for the pool to take the connection back would serialise that hop too
            .map(conn -> new GuardedTransaction.Lease(conn, () -> {
              conn.close();
              release(lock);
            }))
            .onFailure(failure -> release(lock)));
  }

  private static void release(Lock lock) {
    lock.release();
  }

  /** The cheapest round trip that proves the database answers. */
  public Future<Void> ping() {
    return pool.query("SELECT 1").execute().mapEmpty();
  }

  public Future<Void> close() {
    if (checkpoints != null) {
      checkpoints.stop();
    }
    if (hosts != null) {
      hosts.stop();
    }
    return Future.join(pool.close(), analytics.close()).mapEmpty();
  }
}
