package app.ecommerce.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/** Assertions on the API envelope (API.md §1) shared by the API tests. */
public final class Expect {
  public static final List<String> ENVELOPE_KEYS = List.of("status_code", "success", "message", "data");

  private Expect() {
  }

  /** The response is the envelope, keys in order, with this status, and a JSON content type. */
  public static JsonObject envelope(Api.Response r, int status) {
    assertEquals(status, r.status(), () -> "status of " + r);
    String type = r.header("Content-Type");
    assertNotNull(type, () -> "no Content-Type on " + r);
    assertTrue(type.startsWith("application/json"), () -> "Content-Type " + type + " of " + r);
    JsonObject json;
    try {
      json = r.json();
    } catch (RuntimeException e) {
      throw new AssertionError("not a JSON object: " + r, e);
    }
    assertEquals(ENVELOPE_KEYS, new ArrayList<>(json.fieldNames()), () -> "envelope keys of " + r);
    assertEquals(status, json.getValue("status_code"), () -> "status_code of " + r);
    assertEquals(status >= 200 && status < 300, json.getValue("success"), () -> "success of " + r);
    assertTrue(json.getValue("message") instanceof String, () -> "message of " + r);
    assertTrue(json.getValue("data") instanceof JsonObject, () -> "data of " + r);
    return json.getJsonObject("data");
  }

  /** A 200 envelope; returns its data. */
  public static JsonObject ok(Api.Response r) {
    return envelope(r, 200);
  }

  /** A 200 envelope with this message; returns its data. */
  public static JsonObject ok(Api.Response r, String message) {
    JsonObject data = envelope(r, 200);
    assertEquals(message, r.message(), () -> "message of " + r);
    return data;
  }

  /** An error envelope with this status and message and {@code data: {}}. */
  public static void error(Api.Response r, int status, String message) {
    JsonObject data = envelope(r, status);
    assertEquals(message, r.message(), () -> "message of " + r);
    assertEquals(new JsonObject(), data, () -> "data of " + r);
  }

  /** An error envelope with this status and {@code data: {}}, whatever the message. */
  public static void error(Api.Response r, int status) {
    JsonObject data = envelope(r, status);
    assertEquals(new JsonObject(), data, () -> "data of " + r);
  }

  /**
   * Of concurrent calls that each try to create the same thing, exactly one is a 200 and every
   * other one is this error.
   */
  public static void exactlyOneSucceeds(List<CompletableFuture<Api.Response>> calls, int status, String message)
      throws InterruptedException, ExecutionException {
    int created = 0;
    for (CompletableFuture<Api.Response> call : calls) {
      Api.Response r = call.get();
      if (r.status() == 200) {
        created++;
      } else {
        error(r, status, message);
      }
    }
    assertEquals(1, created);
  }

  /** A 401 envelope for a request without credentials: it asks for a bearer token, naming no error (RFC 6750 §3). */
  public static void unauthorized(Api.Response r) {
    error(r, 401);
    assertEquals("Bearer", r.header("WWW-Authenticate"), () -> "WWW-Authenticate of " + r);
  }

  /** A 401 envelope without credentials, with this message. */
  public static void unauthorized(Api.Response r, String message) {
    unauthorized(r);
    assertEquals(message, r.message(), () -> "message of " + r);
  }

  /** A 401 envelope refusing a token that was presented: {@code WWW-Authenticate: Bearer error="invalid_token"}. */
  public static void invalidToken(Api.Response r) {
    error(r, 401);
    assertEquals("Bearer error=\"invalid_token\"", r.header("WWW-Authenticate"), () -> "WWW-Authenticate of " + r);
  }

  /** A 401 envelope refusing a presented token, with this message. */
  public static void invalidToken(Api.Response r, String message) {
    invalidToken(r);
    assertEquals(message, r.message(), () -> "message of " + r);
  }

  /** A 401 envelope for malformed credentials (two Authorization headers, {@code Bearer a b}), with this message. */
  public static void invalidRequest(Api.Response r, String message) {
    error(r, 401);
    assertEquals("Bearer error=\"invalid_request\"", r.header("WWW-Authenticate"), () -> "WWW-Authenticate of " + r);
    assertEquals(message, r.message(), () -> "message of " + r);
  }

  /** A 422 validation envelope; returns the path → message map. */
  public static JsonObject invalid(Api.Response r) {
    JsonObject data = envelope(r, 422);
    assertEquals("Validation failed", r.message(), () -> "message of " + r);
    assertTrue(!data.isEmpty(), () -> "no field problems in " + r);
    return data;
  }

  /** A 422 validation envelope naming exactly this one problem. */
  public static void invalid(Api.Response r, String path, String message) {
    JsonObject data = invalid(r);
    assertEquals(new JsonObject().put(path, message), data, () -> "problems of " + r);
  }

  /** The object has exactly these keys. */
  public static void keys(JsonObject object, String... keys) {
    Set<String> expected = new TreeSet<>(Arrays.asList(keys));
    assertEquals(expected, new TreeSet<>(object.fieldNames()), () -> "keys of " + object.encode());
  }
}
