package app.ecommerce.db;

/** The database is down, stuck, or kept refusing a transaction as busy; callers answer 503. */
public class DatabaseUnavailableException extends RuntimeException {
  public DatabaseUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
