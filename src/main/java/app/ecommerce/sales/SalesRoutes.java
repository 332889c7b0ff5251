package app.ecommerce.sales;

import app.ecommerce.bus.ServiceClient;
import app.ecommerce.http.Access;
import app.ecommerce.http.ApiRequest;
import app.ecommerce.http.Endpoint;
import app.ecommerce.http.Envelope;
import app.ecommerce.http.Reply;
import app.ecommerce.http.RouteModule;
import app.ecommerce.http.input.Field;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;

/** get_sales_data (API.md §3.12): JSON answered by the analytics service, CSV streamed page by page. */
public final class SalesRoutes implements RouteModule {
  /** Aggregating a long range on a big database may take a while; the answer is still bounded. */
  static final long SERVICE_TIMEOUT_MS = 120_000;
  /**
   * A request sent to a node that has just died is lost silently until the cluster notices, and
   * its caller would wait the whole timeout above; a short liveness check beside each call turns a
   * dead analytics node into a 503 within this bound (docs/decisions.md, issues 25 and 30).
   */
  static final long LIVENESS_TIMEOUT_MS = 3_000;
  static final String MESSAGE = "Sales and Revenue data retrieved successfully";
  private static final long MAX_ID = Long.MAX_VALUE;
  private static final int MAX_FILTER_IDS = 1_000;

  static final List<Field> FIELDS = List.of(
      Field.dateTime("start_date")
          .describedAs("Inclusive. ISO date or date-time, with or without offset; naive values are read in timezone"),
      Field.dateTime("end_date")
          .describedAs("Inclusive; a date alone means the end of that day. Must not be before start_date"),
      Field.string("timezone", 1, 64).format(Field.Format.TIMEZONE).optional()
          .describedAs("IANA zone of naive dates, buckets and row times; default the caller's zone"),
      Field.bool("include_sales_items").defaultsTo(true)
          .describedAs("List the sale rows (at most 100000; use format=csv beyond)"),
      Field.oneOf("buckets", "daily", "weekly", "monthly", "yearly").nullable().defaultsTo(null)
          .describedAs("One metric block per calendar period of timezone (weeks run Monday-Sunday)"),
      Field.integerList("product_ids", 1, MAX_ID, MAX_FILTER_IDS).defaultsTo(List.of())
          .describedAs("Only these products; not together with category_ids"),
      Field.integerList("category_ids", 1, MAX_ID, MAX_FILTER_IDS).defaultsTo(List.of())
          .describedAs("Only products of these categories; not together with product_ids"),
      Field.oneOf("format", "json", "csv").defaultsTo("json")
          .describedAs("csv streams a header and one RFC 4180 line per sale item, any size"));

  private final ServiceClient services;

  public SalesRoutes(ServiceClient services) {
    this.services = services;
  }

  @Override
  public List<Endpoint> endpoints() {
    return List.of(Endpoint.of(HttpMethod.GET, "get_sales_data", Access.ADMIN,
            "Sales and revenue totals, by category and product, optionally per calendar period, as JSON or CSV",
            MESSAGE, FIELDS, this::salesData)
        .answering(SalesSchemas.ANSWER)
        .alsoAnswering("text/csv", SalesSchemas.CSV));
  }

  @Override
  public Map<String, JsonObject> schemas() {
    return SalesSchemas.named();
  }

  /**
   * The cross-field rules need the caller's zone when the request names none, so they are checked
   * here, with the range resolved once for the service, rather than as an endpoint check.
   */
  private Future<Reply> salesData(ApiRequest request) {
    JsonObject query = SalesQuery.resolve(request.serviceBody()).toJson();
    Future<Void> alive = services.request(SalesContract.ALIVE, new JsonObject(), request.requestId(),
        LIVENESS_TIMEOUT_MS).mapEmpty();
    Future<Reply> answer;
    if ("csv".equals(request.input().getString("format"))) {
      answer = new CsvDownload(services, request, query).start();
    } else if (query.getBoolean("include_sales_items")) {
      answer = services.parts(SalesContract.SALES_DATA, query, request.requestId(), SERVICE_TIMEOUT_MS)
          .compose(parts -> new PartsDownload(request.context().response(), Envelope.head(200, MESSAGE), parts).start());
    } else {
      answer = services.<Buffer>call(SalesContract.SALES_DATA, query, request.requestId(), SERVICE_TIMEOUT_MS)
          .map(Reply::encoded);
    }
    return unlessDead(alive, answer, request.context().response());
  }

  /**
   * The answer, or the liveness check's 503 when that fails first and nothing has been sent yet.
   * The check runs beside the call rather than before it, so that it adds no round trip to the
   * answer; it never touches the database, whose failures the call itself reports.
   */
  private static Future<Reply> unlessDead(Future<Void> alive, Future<Reply> answer, HttpServerResponse response) {
    Promise<Reply> outcome = Promise.promise();
    alive.onFailure(dead -> {
      if (!response.headWritten()) {
        outcome.tryFail(dead);
      }
    });
    answer.onSuccess(outcome::tryComplete).onFailure(outcome::tryFail);
    return outcome.future();
  }
}
