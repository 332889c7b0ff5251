package app.ecommerce.http;

/**
 * Who may call an endpoint (API.md §2). {@code OPTIONAL}: anyone, but a token that is presented
 * must be valid (a forged, expired or revoked one is a 401, never a fall-back to anonymous); the
 * handler gets a null caller without one. {@code PUBLIC} endpoints (register, login) never read
 * the Authorization header.
 */
public enum Access {
  PUBLIC, OPTIONAL, SIGNED_IN, ADMIN
}
