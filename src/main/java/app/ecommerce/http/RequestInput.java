package app.ecommerce.http;

import app.ecommerce.bus.Errors;
import app.ecommerce.http.input.JsonInput;
import app.ecommerce.http.input.TextValue;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the one flat input of a request, as the original system did: the query string, then a
 * JSON body, then form data, later sources overriding earlier ones. Text values (query, form)
 * stay text until the validator knows what type their field wants.
 */
final class RequestInput {
  private RequestInput() {
  }

  /** @throws io.vertx.serviceproxy.ServiceException 400 for an unreadable body, 415 for an unsupported one */
  static Map<String, Object> read(RoutingContext ctx) {
    Map<String, Object> merged = new LinkedHashMap<>();
    MultiMap query;
    try {
      query = ctx.queryParams();
    } catch (RuntimeException malformed) {
      throw Errors.badRequest("The query string is malformed");
    }
    putText(merged, query);
    Buffer body = ctx.body() == null ? null : ctx.body().buffer();
    if (body == null || body.length() == 0 || body.toString().isBlank()) {
      return merged;
    }
    String mediaType = mediaType(ctx.request().getHeader("Content-Type"));
    if (mediaType.equals("application/x-www-form-urlencoded") && looksLikeJsonObject(body)) {
      // `curl -d '{...}'` labels a JSON body as a form; the original read such bodies as JSON too
      merged.putAll(jsonObject(body));
    } else if (mediaType.equals("application/x-www-form-urlencoded") || mediaType.equals("multipart/form-data")) {
      putText(merged, ctx.request().formAttributes());
    } else if (mediaType.isEmpty() || mediaType.equals("application/json") || mediaType.endsWith("+json")) {
      merged.putAll(jsonObject(body));
    } else {
      throw Errors.unsupportedMediaType("Unsupported Content-Type '" + mediaType
          + "': send application/json or form data");
    }
    return merged;
  }

  /** The declared headers that the request carries, as text (a repeated header: its last value). */
  static Map<String, Object> headers(RoutingContext ctx, java.util.List<app.ecommerce.http.input.Field> declared) {
    Map<String, Object> present = new LinkedHashMap<>();
    for (var field : declared) {
      var values = ctx.request().headers().getAll(field.name());
      if (!values.isEmpty()) {
        present.put(field.name(), new TextValue(values));
      }
    }
    return present;
  }

  private static boolean looksLikeJsonObject(Buffer body) {
    String text = body.toString().strip();
    return text.startsWith("{") && text.endsWith("}");
  }

  private static Map<String, Object> jsonObject(Buffer body) {
    Object parsed;
    try {
      parsed = JsonInput.parse(body.getBytes());
    } catch (IOException | RuntimeException e) {
      throw Errors.badRequest("Request body is not valid JSON");
    }
    if (!(parsed instanceof Map<?, ?> map)) {
      throw Errors.badRequest("Request body must be a JSON object");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> object = (Map<String, Object>) map;
    return object;
  }

  private static void putText(Map<String, Object> into, MultiMap values) {
    for (String name : values.names()) {
      into.put(name, new TextValue(values.getAll(name)));
    }
  }

  private static String mediaType(String contentType) {
    if (contentType == null) {
      return "";
    }
    int semicolon = contentType.indexOf(';');
    return (semicolon >= 0 ? contentType.substring(0, semicolon) : contentType).strip().toLowerCase(Locale.ROOT);
  }
}
