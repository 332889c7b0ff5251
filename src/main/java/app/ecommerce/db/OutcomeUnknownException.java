package app.ecommerce.db;

/**
 * A write's COMMIT was sent and not confirmed before its deadline: it may or may not have
 * committed. Callers answer 504 and tell the client how to find out (API.md §1).
 */
public class OutcomeUnknownException extends RuntimeException {
  public OutcomeUnknownException(String message, Throwable cause) {
    super(message, cause);
  }
}
