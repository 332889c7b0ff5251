package app.ecommerce.http;

import app.ecommerce.bus.Errors;
import app.ecommerce.http.input.JsonInput;
import app.ecommerce.http.input.TextValue;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the one flat input of a request, as the original system did: the query string, then a
 * JSON body, then form data, later sources overriding earlier ones. Text values (query, form)
 * stay text until the validator knows what type their field wants.
 */
final class RequestInput {
  private static final String FORM = "application/x-www-form-urlencoded";
  private static final String MULTIPART = "multipart/form-data";
  private static final String RAW_FORM_TYPE = "raw-form-media-type";

  private RequestInput() {
  }

  /**
   * GET may carry a body (API.md §1), but Vert.x decodes forms only for POST, PUT, PATCH and
   * DELETE and fails a GET that declares one (a 500). So a GET form body is relabelled before the
   * body handler, which then keeps it raw (within the same size limit), and {@link #read} decodes
   * it by the media type it came with.
   */
  static void keepGetFormBodiesRaw(RoutingContext ctx) {
    String type = mediaType(ctx.request().getHeader(HttpHeaders.CONTENT_TYPE));
    // the body handler takes every type that merely starts like a form (application/x-www-form-urlencodedx)
    if (type.startsWith(FORM) || type.startsWith(MULTIPART)) {
      ctx.put(RAW_FORM_TYPE, type);
      ctx.request().headers().set(HttpHeaders.CONTENT_TYPE, "application/octet-stream");
    }
    ctx.next();
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
    String rawFormType = ctx.get(RAW_FORM_TYPE);
    String mediaType = rawFormType != null ? rawFormType : mediaType(ctx.request().getHeader(HttpHeaders.CONTENT_TYPE));
    Buffer body = ctx.body() == null ? null : ctx.body().buffer();
    boolean empty = body == null || body.length() == 0 || body.toString().isBlank();
    if (mediaType.equals(MULTIPART)) {
      // the body handler hands multipart fields over as form attributes only, never as the body
      if (rawFormType != null && !empty) {
        throw Errors.unsupportedMediaType("A GET request cannot carry multipart/form-data: send the fields in the"
            + " query string, a JSON body or a url-encoded form");
      }
      putText(merged, ctx.request().formAttributes());
      return merged;
    }
    if (empty) {
      return merged;
    }
    if (mediaType.equals(FORM) && looksLikeJsonObject(body)) {
      // `curl -d '{...}'` labels a JSON body as a form; the original read such bodies as JSON too
      merged.putAll(jsonObject(body));
    } else if (mediaType.equals(FORM)) {
      putText(merged, rawFormType != null ? formOf(body) : ctx.request().formAttributes());
    } else if (mediaType.isEmpty() || mediaType.equals("application/json") || mediaType.endsWith("+json")) {
      merged.putAll(jsonObject(body));
    } else {
      throw Errors.unsupportedMediaType("Unsupported Content-Type '" + mediaType
          + "': send application/json or form data");
    }
    return merged;
  }

  /** A url-encoded form has the syntax of a query string. */
  private static MultiMap formOf(Buffer body) {
    MultiMap form = MultiMap.caseInsensitiveMultiMap();
    try {
      new QueryStringDecoder(body.toString(StandardCharsets.UTF_8), StandardCharsets.UTF_8, false)
          .parameters().forEach(form::add);
    } catch (RuntimeException malformed) {
      throw Errors.badRequest("The form body is malformed");
    }
    return form;
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

  /**
   * Vert.x keeps query and form values in case-insensitive maps, but field names are
   * case-sensitive: {@code PAGE=0} is an unknown field and must not become a value of {@code page}.
   */
  private static void putText(Map<String, Object> into, MultiMap values) {
    Map<String, List<String>> byName = new LinkedHashMap<>();
    for (Map.Entry<String, String> entry : values) {
      byName.computeIfAbsent(entry.getKey(), name -> new ArrayList<>()).add(entry.getValue());
    }
    byName.forEach((name, texts) -> into.put(name, new TextValue(texts)));
  }

  private static String mediaType(String contentType) {
    if (contentType == null) {
      return "";
    }
    int semicolon = contentType.indexOf(';');
    return (semicolon >= 0 ? contentType.substring(0, semicolon) : contentType).strip().toLowerCase(Locale.ROOT);
  }
}
