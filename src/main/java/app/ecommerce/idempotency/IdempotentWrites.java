package app.ecommerce.idempotency;

import app.ecommerce.bus.Caller;
import app.ecommerce.bus.Errors;
import app.ecommerce.bus.ServiceClient;
import app.ecommerce.db.Database;
import app.ecommerce.db.DbFailure;
import app.ecommerce.time.Times;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Function;

/**
 * The {@code Idempotency-Key} of every write (API.md §3.11, §5): the same key from the same user
 * within 24 hours answers what the first request answered and writes nothing; the same key with a
 * different request is a 409. The key is claimed and completed inside the write's own
 * transaction, so a write and its key commit together or not at all: a caller who got no answer
 * (a 504, a dropped connection) can retry with the same key and never write twice. A concurrent
 * duplicate waits on the key's primary key, fails once the first commits, and replays its answer.
 *
 * <p>Only what commits is remembered: a write refused with an error (404, 409, 422) rolled back
 * its key too, so a retry is evaluated again. purchase_products answers its 409 as an outcome, not
 * an error, precisely so that it is remembered.
 */
public final class IdempotentWrites {
  public static final String KEY_REUSED = "Idempotency-Key was already used with a different request";
  public static final long KEY_LIFETIME_MICROS = 24L * 60 * 60 * 1_000_000;

  private final Database db;
  private final IdempotencyRepository keys = new IdempotencyRepository();

  public IdempotentWrites(Database db) {
    this.db = db;
  }

  /**
   * Runs {@code write} in one transaction under the request's key, if it has one. The request is
   * identified by the operation and its validated input (without the caller and the key), so one
   * key used for two different operations is a 409 too.
   *
   * @param write produces the whole answer inside the transaction (it is what a replay returns)
   */
  public Future<JsonObject> run(String operation, JsonObject request,
                                Function<SqlConnection, Future<JsonObject>> write) {
    JsonObject identity = request.copy();
    identity.remove(Caller.FIELD);
    identity.remove(ServiceClient.IDEMPOTENCY_KEY);
    Caller caller = Caller.of(request);
    return run(caller.userId(), request.getString(ServiceClient.IDEMPOTENCY_KEY), sha256(operation + "\n" + identity.encode()), write,
        () -> { });
  }

  /**
   * The same with the request's hash chosen by the caller (purchase_products keeps the hash of its
   * items it has always stored, so keys used before an upgrade still replay).
   *
   * @param key null: no key, the write simply runs in its transaction
   * @param replayed told when an answer is replayed instead of written
   */
  public Future<JsonObject> run(long userId, String key, String requestHash,
                                Function<SqlConnection, Future<JsonObject>> write, Runnable replayed) {
    return run(userId, key, requestHash, java.util.List.of(), write, replayed);
  }

  /** The same, one at a time with the other writes of the same hot {@code rows} ({@link Database#inTransaction(java.util.Collection, Function)}). */
  public Future<JsonObject> run(long userId, String key, String requestHash, java.util.Collection<String> rows,
                                Function<SqlConnection, Future<JsonObject>> write, Runnable replayed) {
    if (key == null) {
      return db.inTransaction(rows, write);
    }
    boolean[] replay = {false};
    // the key is looked up inside the write's transaction, so the lookup shares its deadline and
    // its connection: a client retrying after a 504 learns what really happened, or writes once
    return db.inTransaction(rows, tx -> keys.find(tx, userId, key).compose(stored -> {
          JsonObject earlier = replay(stored, requestHash);
          replay[0] = earlier != null;
          if (earlier != null) {
            return Future.succeededFuture(earlier);
          }
          return keys.claim(tx, userId, key, requestHash, Times.nowMicros(), stored != null)
              .compose(claimed -> write.apply(tx))
              .compose(answer -> keys.complete(tx, userId, key, statusOf(answer), answer.encode()).map(answer));
        }))
        .map(answer -> {
          if (replay[0]) {
            replayed.run();
          }
          return answer;
        })
        // a concurrent request with the same key committed first: answer what it answered
        .recover(failure -> db.dialect().classify(failure) == DbFailure.UNIQUE_VIOLATION
            ? keys.find(db.pool(), userId, key).compose(again -> {
                JsonObject earlier = replay(again, requestHash);
                if (earlier == null) {
                  return Future.failedFuture(failure);
                }
                replayed.run();
                return Future.succeededFuture(earlier);
              })
            : Future.failedFuture(failure));
  }

  /** Forgets keys older than 24 hours. */
  public Future<Integer> purgeExpired() {
    return db.inTransaction(tx -> keys.purge(tx, Times.nowMicros() - KEY_LIFETIME_MICROS));
  }

  public static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** purchase_products answers {status_code, message, data}; every other write answers its data (200). */
  private static int statusOf(JsonObject answer) {
    return answer.getValue("status_code") instanceof Integer status ? status : 200;
  }

  /**
   * The answer to replay for a key this user used within 24 hours; a 409 when it came with a
   * different request; null when the key is unused or expired.
   */
  private static JsonObject replay(IdempotencyRepository.Stored stored, String hash) {
    if (stored == null || stored.createdAt() < Times.nowMicros() - KEY_LIFETIME_MICROS) {
      return null;
    }
    if (!stored.requestHash().equals(hash)) {
      throw Errors.conflict(KEY_REUSED, null);
    }
    return new JsonObject(stored.responseBody());
  }
}
