package app.ecommerce.db;

/** What a database error means to the caller, independent of the engine that raised it. */
public enum DbFailure {
  /** A unique index refused the row: a business conflict (duplicate email, slug, idempotency key). */
  UNIQUE_VIOLATION,
  /** A CHECK or foreign-key constraint refused the write: the backstop behind an application rule. */
  CONSTRAINT_VIOLATION,
  /** Deadlock, lock wait timeout, SQLITE_BUSY: the same transaction may succeed if run again. */
  TRANSIENT,
  /** The database cannot be reached or the pool could not hand out a connection in time. */
  UNAVAILABLE,
  /** A COMMIT was sent and not confirmed in time: the write may or may not have happened. */
  OUTCOME_UNKNOWN,
  /** An integer result past what the engine computes (SQLite's SUM past 2^63 − 1, MySQL's BIGINT out of range). */
  OVERFLOW,
  /** Anything else: a bug. */
  OTHER
}
