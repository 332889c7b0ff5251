package app.ecommerce.http;

import app.ecommerce.bus.Caller;
import io.vertx.core.Future;

/**
 * Turns a bearer token into the caller. Provided by the auth feature; the HTTP verticle only
 * knows this interface. Fails with a 401 {@link io.vertx.serviceproxy.ServiceException} for any
 * token that is malformed, forged, expired, revoked, unknown or whose user is inactive.
 */
public interface Authenticator {
  Future<Caller> authenticate(String token, String requestId);
}
