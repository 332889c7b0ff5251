package app.ecommerce.http;

/** Who may call an endpoint (API.md §2). */
public enum Access {
  PUBLIC, SIGNED_IN, ADMIN
}
