package app.ecommerce.http;

import app.ecommerce.bus.Errors;
import app.ecommerce.http.input.JsonInput;
import app.ecommerce.http.input.TextValue;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds the one flat input of a request, as the original system did: the query string, then a
 * JSON body, then form data, later sources overriding earlier ones. Text values (query, form)
 * stay text until the validator knows what type their field wants.
 */
final class RequestInput {
  private static final String FORM = "application/x-www-form-urlencoded";
  private static final String MULTIPART = "multipart/form-data";
  private static final String RAW_FORM_TYPE = "raw-form-media-type";
  /** Headers a request may carry once only (API.md §1); Authorization is the bearer check's. */
  private static final String[] SINGLE_HEADERS = {"Content-Type", "Content-Length", "Idempotency-Key"};
  private static final String REPEATED_HEADER = "repeated-header";
  /** A name with brackets: its base, then the brackets. */
  private static final Pattern BRACKETED = Pattern.compile("([^\\[\\]]+)(\\[.*)");
  /** The brackets this service reads: {@code []}, {@code [N]}, {@code [N][member]}; others are refused, never guessed at. */
  private static final Pattern LIST_FORM = Pattern.compile("\\[(\\d*)\\](?:\\[([^\\[\\]]+)\\])?");

  private RequestInput() {
  }

  /**
   * Url-encoded forms are always decoded here, by the same strict decoder as the query string:
   * the body handler's decoder stops at 256 fields and Netty's query decoder silently drops
   * parameters after the 1024th. GET may carry a body (API.md §1), but Vert.x decodes forms only
   * for POST, PUT, PATCH and DELETE and fails a GET that declares one (a 500), so GET multipart
   * is kept raw too (and refused by {@link #read}). Relabelled bodies stay raw within the same
   * size limit, and {@link #read} decodes them by the media type they came with.
   */
  static void keepFormBodiesRaw(RoutingContext ctx) {
    noteRepeatedHeader(ctx); // before Content-Type is relabelled below
    String type = mediaType(ctx.request().getHeader(HttpHeaders.CONTENT_TYPE));
    // the body handler takes every type that merely starts like a form (application/x-www-form-urlencodedx)
    boolean get = ctx.request().method() == HttpMethod.GET || ctx.request().method() == HttpMethod.HEAD;
    if (type.startsWith(FORM) || (type.startsWith(MULTIPART) && (get || !type.equals(MULTIPART)))) {
      ctx.put(RAW_FORM_TYPE, type);
      ctx.request().headers().set(HttpHeaders.CONTENT_TYPE, "application/octet-stream");
    }
    ctx.next();
  }

  /**
   * Which of several copies of a header should count is where proxies and servers disagree (one
   * takes the first, another the last): a request that sends one of these twice is refused, by
   * {@link #refuseRepeatedHeaders}, in its place in the order of refusals.
   */
  private static void noteRepeatedHeader(RoutingContext ctx) {
    MultiMap headers = ctx.request().headers();
    for (String name : SINGLE_HEADERS) {
      if (headers.get(name) != null && headers.getAll(name).size() > 1) {
        ctx.put(REPEATED_HEADER, name);
        return;
      }
    }
  }

  /** @throws io.vertx.serviceproxy.ServiceException 400 when a header that must be single came twice */
  static void refuseRepeatedHeaders(RoutingContext ctx) {
    String name = ctx.get(REPEATED_HEADER);
    if (name != null) {
      throw Errors.badRequest("Send exactly one " + name + " header");
    }
  }

  /** @throws io.vertx.serviceproxy.ServiceException 400 for an unreadable body, 415 for an unsupported one */
  static Map<String, Object> read(RoutingContext ctx) {
    Map<String, Object> merged = new LinkedHashMap<>();
    String query = ctx.request().query();
    try {
      // the codec hands the request line over as ISO-8859-1: one char per byte
      putText(merged, query == null ? Map.of() : parse(query.getBytes(StandardCharsets.ISO_8859_1)));
    } catch (IllegalArgumentException malformed) {
      throw Errors.badRequest("The query string is malformed");
    }
    String rawFormType = ctx.get(RAW_FORM_TYPE);
    String mediaType = effectiveMediaType(ctx);
    Buffer body = ctx.body() == null ? null : ctx.body().buffer();
    boolean empty = isBlank(body);
    if (mediaType.equals(MULTIPART)) {
      // the body handler hands multipart fields over as form attributes only, never as the body
      if (rawFormType != null && !empty) {
        throw Errors.unsupportedMediaType("A GET request cannot carry multipart/form-data: send the fields in the"
            + " query string, a JSON body or a url-encoded form");
      }
      if (rawFormType == null && !hasBoundary(ctx.request().getHeader(HttpHeaders.CONTENT_TYPE))) {
        // the decoder cannot split such a body and hands over no fields at all
        throw Errors.badRequest("multipart/form-data needs a boundary parameter");
      }
      putText(merged, ctx.request().formAttributes());
      return merged;
    }
    if (empty) {
      return merged;
    }
    String encoding = ctx.request().getHeader(HttpHeaders.CONTENT_ENCODING);
    if (encoding != null && !encoding.isBlank() && !encoding.strip().equalsIgnoreCase("identity")) {
      // nothing here inflates bodies (a decompression bomb would pass the 1 MiB limit): say so
      throw Errors.unsupportedMediaType("Content-Encoding is not supported: send the body uncompressed");
    }
    if (mediaType.equals(FORM) && looksLikeJsonObject(body)) {
      // `curl -d '{...}'` labels a JSON body as a form; the original read such bodies as JSON too
      merged.putAll(jsonObject(body));
    } else if (mediaType.equals(FORM)) {
      putText(merged, formOf(body));
    } else if (mediaType.isEmpty() || mediaType.equals("application/json") || mediaType.endsWith("+json")) {
      merged.putAll(jsonObject(body));
    } else {
      throw Errors.unsupportedMediaType("Unsupported Content-Type '" + mediaType
          + "': send application/json or form data");
    }
    return merged;
  }

  /**
   * The query string (empty when there is none) when it is all the input {@link #read} reads from
   * this request: no body to merge and not multipart, whose fields come apart from the body.
   * Null otherwise.
   */
  static String queryAlone(RoutingContext ctx) {
    if (effectiveMediaType(ctx).equals(MULTIPART) || !isBlank(ctx.body() == null ? null : ctx.body().buffer())) {
      return null;
    }
    String query = ctx.request().query();
    return query == null ? "" : query;
  }

  /** The media type the body came with (a form kept raw by {@link #keepFormBodiesRaw}: its own). */
  private static String effectiveMediaType(RoutingContext ctx) {
    String rawFormType = ctx.get(RAW_FORM_TYPE);
    return rawFormType != null ? rawFormType : mediaType(ctx.request().getHeader(HttpHeaders.CONTENT_TYPE));
  }

  /** No body, an empty one or one of blanks only: no input in it. */
  private static boolean isBlank(Buffer body) {
    return body == null || body.length() == 0 || body.toString().isBlank();
  }

  /** The declared headers that the request carries, as text (a repeated header: its last value). */
  static Map<String, Object> headers(RoutingContext ctx, List<app.ecommerce.http.input.Field> declared) {
    Map<String, Object> present = new LinkedHashMap<>();
    for (var field : declared) {
      var values = ctx.request().headers().getAll(field.name());
      if (!values.isEmpty()) {
        present.put(field.name(), new TextValue(values));
      }
    }
    return present;
  }

  /** A url-encoded form has the syntax of a query string. */
  private static Map<String, List<String>> formOf(Buffer body) {
    try {
      return parse(body.getBytes());
    } catch (IllegalArgumentException malformed) {
      throw Errors.badRequest("The form body is malformed");
    }
  }

  /**
   * application/x-www-form-urlencoded: pairs split at '&' (not ';'), '+' is a space, a name
   * without '=' has the value "". Every pair is kept, in order.
   *
   * @throws IllegalArgumentException for a malformed escape
   */
  static Map<String, List<String>> parse(byte[] bytes) {
    Map<String, List<String>> pairs = new LinkedHashMap<>();
    int start = 0;
    while (start <= bytes.length) {
      int end = start;
      while (end < bytes.length && bytes[end] != '&') {
        end++;
      }
      if (end > start) {
        int eq = start;
        while (eq < end && bytes[eq] != '=') {
          eq++;
        }
        String name = UrlEncoded.decode(bytes, start, eq, true);
        String value = eq < end ? UrlEncoded.decode(bytes, eq + 1, end, true) : "";
        pairs.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
      }
      start = end + 1;
    }
    return pairs;
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
    putText(into, byName);
  }

  /**
   * Every value of a name goes under its base name, whether sent plain or in the list forms
   * clients send (API.md §1): {@code ids[]=1} (axios, PHP, Rails), {@code ids[0]=1} (qs, jQuery),
   * and {@code items[0][quantity]=2} for a list of objects. Whether the base is a list field is
   * the endpoint's to judge ({@link app.ecommerce.http.input.InputSchema}): the value remembers
   * the bracketed name as sent.
   */
  private static void putText(Map<String, Object> into, Map<String, List<String>> byName) {
    Map<String, TextValue> grouped = new LinkedHashMap<>();
    byName.forEach((name, texts) -> {
      Matcher bracket = name.indexOf('[') < 0 ? null : BRACKETED.matcher(name);
      if (bracket == null || !bracket.matches()) {
        TextValue t = grouped.computeIfAbsent(name, n -> new TextValue(new ArrayList<>()));
        t.values().addAll(texts);
        return;
      }
      String base = bracket.group(1);
      TextValue t = grouped.compute(base, (n, old) -> old == null
          ? new TextValue(new ArrayList<>(), name, new TreeMap<>(), false)
          : old.bracketed() != null ? old : new TextValue(old.values(), name, old.members(), old.unreadable()));
      Matcher form = LIST_FORM.matcher(bracket.group(2));
      String index = form.matches() ? form.group(1) : "";
      String member = form.matches() ? form.group(2) : null;
      if (!form.matches() || (member != null && index.isEmpty())) {
        grouped.put(base, new TextValue(t.values(), t.bracketed(), t.members(), true));
      } else if (member != null) {
        t.members().computeIfAbsent(index.length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(index),
            i -> new LinkedHashMap<>()).put(member, new TextValue(texts));
      } else {
        t.values().addAll(texts);
      }
    });
    into.putAll(grouped);
  }

  private static boolean hasBoundary(String contentType) {
    for (String parameter : contentType.split(";")) {
      String[] nameValue = parameter.split("=", 2);
      if (nameValue.length == 2 && nameValue[0].strip().equalsIgnoreCase("boundary")
          && !nameValue[1].strip().replace("\"", "").isEmpty()) {
        return true;
      }
    }
    return false;
  }

  private static String mediaType(String contentType) {
    if (contentType == null) {
      return "";
    }
    int semicolon = contentType.indexOf(';');
    return (semicolon >= 0 ? contentType.substring(0, semicolon) : contentType).strip().toLowerCase(Locale.ROOT);
  }
}
