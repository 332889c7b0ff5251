package app.ecommerce.http;

import app.ecommerce.bus.ServiceClient;
import app.ecommerce.http.input.Field;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One API endpoint: {@code /ecommerce/v1/<name>}, its method, who may call it, its input rules
 * and its handler. The router, the validator and the OpenAPI document are all built from this.
 *
 * @param checks cross-field rules run after every field is valid; each returns path → message
 * @param headers request headers with rules (validated like fields; problems keyed by header name)
 * @param outcomes statuses this endpoint answers beyond the ones every endpoint of its access
 *     level can answer (see {@link OpenApi}), each with when it happens, e.g. 404 "Category not found"
 * @param data the JSON Schema of the envelope's {@code data} per status, where it is not the
 *     usual one ({@code {}} for an error; see {@link Schemas}); 200's is the endpoint's answer
 * @param otherMedia media type → schema of 200 answers that are not the JSON envelope (a CSV download)
 */
public record Endpoint(HttpMethod method, String name, Access access, String summary,
                       String successMessage, List<Field> fields,
                       List<Function<JsonObject, Map<String, String>>> checks,
                       Handler handler, List<Field> headers, Map<Integer, String> outcomes,
                       Map<Integer, JsonObject> data, Map<String, JsonObject> otherMedia) {

  public static final String PREFIX = "/ecommerce/v1/";
  public static final String IDEMPOTENCY_HEADER = "Idempotency-Key";
  /** Validated like a field (problems under its name), documented as a header parameter. */
  public static final Field IDEMPOTENCY_KEY = Field.string(IDEMPOTENCY_HEADER, 1, 255)
      .pattern("[\\x20-\\x7E]+", "Idempotency-Key must be 1-255 printable ASCII characters")
      .optional()
      .describedAs("The same key from the same user within 24 h replays the first answer and writes nothing again; "
          + "with a different request it is a 409");
  static final String KEY_REUSED = "the Idempotency-Key was used with a different request";

  /** Handles a validated request. */
  @FunctionalInterface
  public interface Handler {
    Future<Reply> handle(ApiRequest request);
  }

  /**
   * The usual handler: the validated input and the caller go to a service address; its reply is
   * the envelope's {@code data} under the endpoint's success message.
   */
  public static Handler forwardTo(ServiceClient services, String address) {
    return request -> services.request(address, request.serviceBody(), request.requestId()).map(Reply::ok);
  }

  /**
   * Like {@link #forwardTo}, for a service that answers {@code data} already encoded as a JSON
   * object (a Buffer): it goes out in the envelope as it came.
   */
  public static Handler forwardEncodedTo(ServiceClient services, String address) {
    return request -> services.<Buffer>call(address, request.serviceBody(), request.requestId())
        .map(Reply::encoded);
  }

  /** Whether this endpoint may write: a service that did not answer it in time gives 504, not 503. */
  public boolean writes() {
    return method != HttpMethod.GET && method != HttpMethod.HEAD;
  }

  public String path() {
    return PREFIX + name;
  }

  public Endpoint withChecks(List<Function<JsonObject, Map<String, String>>> more) {
    return new Endpoint(method, name, access, summary, successMessage, fields, more, handler, headers, outcomes, data,
        otherMedia);
  }

  public Endpoint withHeaders(Field... declared) {
    return new Endpoint(method, name, access, summary, successMessage, fields, checks, handler, List.of(declared),
        outcomes, data, otherMedia);
  }

  /**
   * A write that takes an optional {@code Idempotency-Key} (API.md §3.11): the validated key reaches
   * the service as {@link ServiceClient#IDEMPOTENCY_KEY}, whose write commits it with itself.
   */
  public Endpoint idempotent() {
    return withHeaders(IDEMPOTENCY_KEY).withOutcome(409, KEY_REUSED);
  }

  /** Declares one more status this endpoint may answer, and when (a second one for a status adds to it). */
  public Endpoint withOutcome(int status, String when) {
    Map<Integer, String> more = new LinkedHashMap<>(outcomes);
    more.merge(status, when, (first, second) -> first + "; or " + second);
    return new Endpoint(method, name, access, summary, successMessage, fields, checks, handler, headers,
        Map.copyOf(more), data, otherMedia);
  }

  /** The schema of {@code data} in this endpoint's 200 answer. */
  public Endpoint answering(JsonObject schema) {
    return withData(200, schema);
  }

  /** The schema of {@code data} in this endpoint's answer of this status (an error's is {@code {}} otherwise). */
  public Endpoint withData(int status, JsonObject schema) {
    Map<Integer, JsonObject> more = new LinkedHashMap<>(data);
    more.put(status, schema);
    return new Endpoint(method, name, access, summary, successMessage, fields, checks, handler, headers, outcomes,
        Map.copyOf(more), otherMedia);
  }

  /** Declares a 200 answer in another media type than the JSON envelope, e.g. {@code text/csv}. */
  public Endpoint alsoAnswering(String mediaType, JsonObject schema) {
    Map<String, JsonObject> more = new LinkedHashMap<>(otherMedia);
    more.put(mediaType, schema);
    return new Endpoint(method, name, access, summary, successMessage, fields, checks, handler, headers, outcomes, data,
        Map.copyOf(more));
  }

  public static Endpoint of(HttpMethod method, String name, Access access, String summary,
                            String successMessage, List<Field> fields, Handler handler) {
    return new Endpoint(method, name, access, summary, successMessage, fields, List.of(), handler, List.of(), Map.of(),
        Map.of(), Map.of());
  }
}
