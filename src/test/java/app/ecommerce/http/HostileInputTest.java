package app.ecommerce.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import app.ecommerce.http.input.Field;
import app.ecommerce.support.Api;
import app.ecommerce.support.EngineTest;
import app.ecommerce.support.Expect;
import app.ecommerce.support.Jwt;
import app.ecommerce.support.Leaks;
import app.ecommerce.support.Routes;
import app.ecommerce.support.Sql;
import app.ecommerce.support.TestServer;
import app.ecommerce.support.Texts;
import app.ecommerce.support.ValidRequests;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Hostile input, field by field (issue #5): one table row per (endpoint, field, value, expected
 * status[, 422 paths]), run against the real server, plus seeded random combinations of the same
 * rows. Every case asserts the exact status, the envelope, for 422 exactly the field paths in
 * {@code data}, that nothing leaks (stack traces, SQL, driver names, passwords), that accepted text
 * was stored and comes back verbatim; after each batch of cases, that the server still answers
 * {@code /ready} with 200.
 *
 * <p>Each row changes one field of a valid request of its endpoint (see {@link ValidRequests}); every
 * other field stays valid, so the status and the paths are the row's alone. Values are written
 * as raw JSON ({@code j("1e400")}) so that numbers no Java type holds reach the server exactly, as
 * JSON strings ({@code s(...)}), as query-string text ({@code q(...)}), missing, or as a key sent
 * twice. Placeholders: {@code {u}} a fresh 10-character token (lower-case letters and digits),
 * {@code {category}}, {@code {product}}, {@code {login_email}} the fixtures' ids and e-mail.
 *
 * <p>The endpoints and their fields come from the route modules ({@link Routes}); a field without
 * rows of every kind of JSON value fails {@link #everyFieldOfEveryEndpointHasRowsOfEveryKind}.
 * Cases the request validation refuses before any service runs (a 400, a 422 naming fields) do
 * not depend on the database: they run on SQLite only ({@link #runsEngineIndependentCases}); every
 * case that reaches a service runs on each engine.
 */
abstract class HostileInputTest extends EngineTest {
  /** Change with -Dhostile.seed=N to explore; the seed is in every random case's name. */
  static final long SEED = Long.getLong("hostile.seed", 20240605L);
  static final int RANDOM_CASES = Integer.getInteger("hostile.cases", 300);

  static final String MAX_LONG = "9223372036854775807";
  static final String PAST_LONG = "9223372036854775808";
  static final String BELOW_LONG = "-9223372036854775809";
  static final String PAST_INT = "4294967297";
  static final String HUGE = "x".repeat(100_000);

  /** Accepted as-is by free-text fields, refused by every constrained one. */
  static final List<String> INJECTIONS = List.of(
      "' OR 1=1 --", "\"; DROP TABLE users; --", "<script>alert(1)</script>", "${jndi:ldap://x}", "%00",
      "Robert'); DROP TABLE students;--", "{{7*7}}", "../../etc/passwd", "\\\"\\' \\n\\u0000");
  /** Valid Unicode of 3..50 code points: accepted and stored verbatim by free-text fields. */
  static final List<String> UNICODE = List.of(
      "Ünïcödé ñame", "e\u0301e\u0301e\u0301", "שלום עולם", "مرحبا بالعالم", "\u202Egnp.exe", "𝕳𝖔𝖘𝖙𝖎𝖑𝖊",
      "👨\u200D👩\u200D👧\u200D👦 family", "你好，世界", "a\u200Bb\u200Bc", "\uFEFFbom", "   ", "tab\there\nnewline",
      "😀".repeat(50), "e\u0301".repeat(25));

  // ---------------------------------------------------------------------------------------------
  // The table

  enum Kind { JSON, QUERY, MISSING, DUPLICATE }

  /** A value as sent: raw JSON text, query-string text, absent, or the key twice. */
  record Value(Kind kind, String text, String second, String label) {
    @Override
    public String toString() {
      return label;
    }
  }

  /** One case: endpoint, field path, value, expected status and, for a validation 422, the paths. */
  record Row(String endpoint, String field, Value value, int status, List<String> paths) {
    String name() {
      String outcome = status == 422 && !paths.isEmpty() && !paths.equals(List.of(field))
          ? "422 " + paths : String.valueOf(status);
      return endpoint + " " + field + " = " + value + " → " + outcome;
    }
  }

  static final Value MISSING = new Value(Kind.MISSING, null, null, "(missing)");
  /** 422 whose data is {}: a business rule (bad credentials, duplicate slug), not a field. */
  static final List<String> NO_PATH = List.of();

  static Value j(String json) {
    return new Value(Kind.JSON, json, null, Texts.abbreviate(json));
  }

  static Value s(String text) {
    return new Value(Kind.JSON, Json.encode(text), null, Texts.abbreviate(Json.encode(text)));
  }

  static Value q(String text) {
    return new Value(Kind.QUERY, text, null, "?" + Texts.abbreviate(text));
  }

  static Value dup(String firstJson, String secondJson) {
    return new Value(Kind.DUPLICATE, firstJson, secondJson, firstJson + " and again " + secondJson);
  }

  private static final List<Row> TABLE = new ArrayList<>();

  private static void row(String endpoint, String field, Value value, int status, String... paths) {
    List<String> p = status != 422 ? NO_PATH : paths.length == 0 ? List.of(field) : List.of(paths);
    TABLE.add(new Row(endpoint, field, value, status, p));
  }

  /** A 422 from a business rule: data is {}. */
  private static void refused(String endpoint, String field, Value value) {
    TABLE.add(new Row(endpoint, field, value, 422, NO_PATH));
  }

  /** Everything a required text field must refuse for its type alone. */
  private static void notText(String e, String f) {
    row(e, f, MISSING, 422);
    row(e, f, j("null"), 422);
    row(e, f, j("12345"), 422);
    row(e, f, j("1e400"), 422);
    row(e, f, j("true"), 422);
    row(e, f, j("{}"), 422);
    row(e, f, j("{\"a\": \"abc\"}"), 422);
    row(e, f, j("[]"), 422);
    row(e, f, j("[\"abcdef\"]"), 422);
    row(e, f, s(""), 422);
    row(e, f, s(HUGE), 422);
    row(e, f, j("\"\\ud800abc\""), 422);
    row(e, f, s("abc\u0000def"), 422);
    row(e, f, dup("\"abcdef\"", "\"ghijkl\""), 400);
  }

  /** A free-text field of min..max code points: anything well formed is stored verbatim. */
  private static void freeText(String e, String f, int min, int max) {
    notText(e, f);
    row(e, f, s("x".repeat(min - 1)), 422);
    row(e, f, s("x".repeat(min)), 200);
    row(e, f, s("x".repeat(max)), 200);
    row(e, f, s("x".repeat(max + 1)), 422);
    row(e, f, s("😀".repeat(max + 1)), 422);
    row(e, f, s("e\u0301".repeat(max / 2) + "e\u0301"), 422);
    INJECTIONS.forEach(v -> row(e, f, s(v), 200));
    UNICODE.forEach(v -> row(e, f, s(v), 200));
    row(e, f, q("12345"), 200);
    row(e, f, q("true"), 200);
    row(e, f, q("' OR 1=1 --"), 200);
    row(e, f, q("abc\u0000"), 422);
  }

  /** A text field limited to a set of values (or a pattern): everything else is a 422. */
  private static void constrainedText(String e, String f, boolean required, String... valid) {
    if (required) {
      notText(e, f);
    } else {
      row(e, f, MISSING, 200);
      row(e, f, j("12345"), 422);
      row(e, f, j("true"), 422);
      row(e, f, j("{}"), 422);
      row(e, f, j("[]"), 422);
      row(e, f, s(""), 422);
      row(e, f, s(HUGE), 422);
      row(e, f, dup("\"abcdef\"", "\"ghijkl\""), 400);
    }
    for (String v : valid) {
      row(e, f, s(v), 200);
    }
    INJECTIONS.forEach(v -> row(e, f, s(v), 422));
    row(e, f, s(valid[0] + " "), 422);
    if (!valid[0].toUpperCase(Locale.ROOT).equals(valid[0])) {
      row(e, f, s(valid[0].toUpperCase(Locale.ROOT)), 422);
    }
    row(e, f, s(valid[0] + "; DROP TABLE users"), 422);
    row(e, f, s(valid[0] + "\u0000"), 422);
    row(e, f, s("😀😀😀"), 422);
    row(e, f, q(valid[0]), 200);
    row(e, f, q("' OR 1=1 --"), 422);
    row(e, f, q("null"), 422);
  }

  /**
   * A whole number of min..max; {@code ok} is a valid value (a placeholder for ids). Id fields
   * (1..2^63-1) get their "exists or not" rows separately: a valid id that names nothing is a 404.
   */
  private static void integer(String e, String f, long min, long max, String ok, boolean required) {
    boolean nested = f.contains(".");
    row(e, f, MISSING, required ? 422 : 200);
    row(e, f, j("null"), 422);
    row(e, f, j("true"), 422);
    row(e, f, j("false"), 422);
    row(e, f, j("{}"), 422);
    row(e, f, j("[]"), 422);
    row(e, f, j("[" + ok + "]"), 422);
    row(e, f, s(""), 422);
    row(e, f, s("abc"), 422);
    row(e, f, s("1.5"), 422);
    row(e, f, s("1e3"), 422);
    row(e, f, s("0x10"), 422);
    row(e, f, s("٣"), 422);
    row(e, f, s(HUGE), 422);
    INJECTIONS.forEach(v -> row(e, f, s(v), 422));
    row(e, f, j("1.5"), 422);
    row(e, f, j(min + ".5"), 422);
    row(e, f, j("1e-400"), 422);
    row(e, f, j("1e400"), 422);
    row(e, f, j("-1e400"), 422);
    row(e, f, j(PAST_LONG), 422);
    row(e, f, j(BELOW_LONG), 422);
    row(e, f, j("1" + "0".repeat(400)), 400);
    row(e, f, j(String.valueOf(min - 1)), 422);
    row(e, f, j("-1"), 422);
    if (max < Long.MAX_VALUE) {
      row(e, f, j(String.valueOf(min)), 200);
      row(e, f, j(String.valueOf(max)), 200);
      row(e, f, j(String.valueOf(max + 1)), 422);
      row(e, f, j(PAST_INT), 422);
    }
    row(e, f, s(ok), 200);
    row(e, f, j(ok + ".0"), 200);
    row(e, f, j(ok + "e0"), 200);
    row(e, f, j("NaN"), 400);
    row(e, f, j("Infinity"), 400);
    row(e, f, dup(ok, ok), 400);
    if (!nested) {
      row(e, f, q(ok), 200);
      row(e, f, q(" " + ok + " "), 200);
      row(e, f, q("1.5"), 422);
      row(e, f, q("1e400"), 422);
      row(e, f, q(PAST_LONG), 422);
      row(e, f, q("NaN"), 422);
      row(e, f, q(""), 422);
      row(e, f, q("null"), 422);
      row(e, f, q("[" + ok + "]"), 422);
      row(e, f, q("' OR 1=1 --"), 422);
    }
  }

  /** An optional boolean: the spellings the original accepted, nothing else. */
  private static void bool(String e, String f) {
    row(e, f, MISSING, 200);
    row(e, f, j("true"), 200);
    row(e, f, j("false"), 200);
    row(e, f, j("0"), 200);
    row(e, f, j("1"), 200);
    row(e, f, s("yes"), 200);
    row(e, f, s("off"), 200);
    row(e, f, q("true"), 200);
    row(e, f, q("0"), 200);
    row(e, f, j("null"), 422);
    row(e, f, j("2"), 422);
    row(e, f, j("-1"), 422);
    row(e, f, j("1.5"), 422);
    row(e, f, j("1e400"), 422);
    row(e, f, j("{}"), 422);
    row(e, f, j("[]"), 422);
    row(e, f, j("[true]"), 422);
    row(e, f, s(""), 422);
    row(e, f, s("maybe"), 422);
    row(e, f, s("truee"), 422);
    row(e, f, s(HUGE), 422);
    INJECTIONS.forEach(v -> row(e, f, s(v), 422));
    row(e, f, q("maybe"), 422);
    row(e, f, q(""), 422);
    row(e, f, dup("true", "false"), 400);
  }

  /** An optional list of ids (1..max long), at most {@code maxItems}. */
  private static void idList(String e, String f, int maxItems) {
    row(e, f, MISSING, 200);
    row(e, f, j("[]"), 200);
    row(e, f, j("[{category}]"), 200);
    row(e, f, j("[\"{category}\"]"), 200);
    row(e, f, j("[" + PAST_INT + ", " + MAX_LONG + "]"), 200);
    row(e, f, j(ids(maxItems)), 200);
    row(e, f, j(ids(maxItems + 1)), 422);
    row(e, f, j("null"), 422);
    row(e, f, j("true"), 422);
    row(e, f, j("5"), 422);
    row(e, f, j("{}"), 422);
    row(e, f, s("1,2"), 422);
    row(e, f, s("' OR 1=1 --"), 422);
    row(e, f, j("[0]"), 422, f + ".0");
    row(e, f, j("[-1]"), 422, f + ".0");
    row(e, f, j("[1.5]"), 422, f + ".0");
    row(e, f, j("[1, \"x\"]"), 422, f + ".1");
    row(e, f, j("[" + PAST_LONG + "]"), 422, f + ".0");
    row(e, f, j("[1e400]"), 422, f + ".0");
    row(e, f, j("[null]"), 422, f + ".0");
    row(e, f, j("[[1]]"), 422, f + ".0");
    row(e, f, j("[{}]"), 422, f + ".0");
    row(e, f, j("[true]"), 422, f + ".0");
    row(e, f, j("[\"' OR 1=1 --\"]"), 422, f + ".0");
    row(e, f, j("[\"1; DROP TABLE products\"]"), 422, f + ".0");
    row(e, f, q("1,2"), 200);
    row(e, f, q("[1,2]"), 200);
    row(e, f, q(" 1 , 2 "), 200);
    row(e, f, q(""), 200);
    row(e, f, q("1,abc"), 422, f + ".1");
    row(e, f, q("abc"), 422, f + ".0");
    row(e, f, q(","), 422, f + ".0", f + ".1");
    row(e, f, q("1e400"), 422, f + ".0");
    row(e, f, q("' OR 1=1 --"), 422, f + ".0");
    row(e, f, q("1) OR (1=1"), 422, f + ".0");
    row(e, f, q("[1,"), 422, f + ".0", f + ".1");
    row(e, f, dup("[1]", "[2]"), 400);
  }

  /** An optional free-text field of min..max code points (a search): anything well formed is a 200. */
  private static void optionalText(String e, String f, int min, int max) {
    row(e, f, MISSING, 200);
    row(e, f, j("null"), 422);
    row(e, f, j("12345"), 422);
    row(e, f, j("true"), 422);
    row(e, f, j("{}"), 422);
    row(e, f, j("[]"), 422);
    row(e, f, j("[\"abc\"]"), 422);
    row(e, f, s("x".repeat(min - 1)), 422);
    row(e, f, s("x".repeat(min)), 200);
    row(e, f, s("x".repeat(max)), 200);
    row(e, f, s("x".repeat(max + 1)), 422);
    row(e, f, s(HUGE), 422);
    row(e, f, j("\"\\ud800abc\""), 422);
    row(e, f, s("abc\u0000def"), 422);
    row(e, f, dup("\"abc\"", "\"def\""), 400);
    INJECTIONS.forEach(v -> row(e, f, s(v), 200));
    UNICODE.forEach(v -> row(e, f, s(v), 200));
    row(e, f, s("100% _off_ \\ [a-z]* .*"), 200);
    row(e, f, q("12345"), 200);
    row(e, f, q("' OR 1=1 --"), 200);
    row(e, f, q("%_\\"), 200);
    row(e, f, q("abc\u0000"), 422);
  }

  /** An optional amount of money (a price bound): > 0, at most 99999999.99, two decimals. */
  private static void optionalMoney(String e, String f) {
    row(e, f, MISSING, 200);
    row(e, f, j("null"), 422);
    row(e, f, j("true"), 422);
    row(e, f, j("{}"), 422);
    row(e, f, j("[]"), 422);
    row(e, f, j("[\"1.00\"]"), 422);
    row(e, f, s(""), 422);
    row(e, f, s("abc"), 422);
    row(e, f, s("1,50"), 422);
    row(e, f, s("NaN"), 422);
    row(e, f, s(HUGE), 422);
    INJECTIONS.forEach(v -> row(e, f, s(v), 422));
    row(e, f, j("0"), 422);
    row(e, f, j("-1"), 422);
    row(e, f, j("0.001"), 422);
    row(e, f, j("1e400"), 422);
    row(e, f, j("100000000"), 422);
    row(e, f, j(PAST_LONG), 422);
    row(e, f, j("NaN"), 400);
    row(e, f, j("0.01"), 200);
    row(e, f, s("99999999.99"), 200);
    row(e, f, j("12"), 200);
    row(e, f, q("12.34"), 200);
    row(e, f, q("1.234"), 422);
    row(e, f, q("' OR 1=1 --"), 422);
    row(e, f, dup("\"1.00\"", "\"2.00\""), 400);
  }

  /** Pagination: page, per_page, order_by from an allow-list, order. */
  private static void pagination(String e, String... orderBy) {
    integer(e, "page", 1, 1_000_000, "2", false);
    integer(e, "per_page", 1, 100, "5", false);
    constrainedText(e, "order_by", false, orderBy);
    row(e, "order_by", j("null"), 422);
    row(e, "order_by", s("id desc"), 422);
    row(e, "order_by", s("id, (SELECT 1)"), 422);
    row(e, "order_by", s("1"), 422);
    row(e, "order_by", s("RANDOM()"), 422);
    row(e, "order_by", s("password_hash"), 422);
    row(e, "order_by", q("id; DROP TABLE categories; --"), 422);
    constrainedText(e, "order", false, "asc", "desc");
    row(e, "order", j("null"), 422);
    row(e, "order", s("asc, id"), 422);
    row(e, "order", q("desc; --"), 422);
  }

  /** The values no keyset cursor ({@code after}) can be: wrong types, empty, too long, injections. */
  private static void malformedCursor(String e) {
    row(e, "after", s(""), 422);
    row(e, "after", s("x".repeat(65)), 422);
    row(e, "after", s(HUGE), 422);
    row(e, "after", j("null"), 422);
    row(e, "after", j("12345"), 422);
    row(e, "after", j("true"), 422);
    row(e, "after", j("{}"), 422);
    row(e, "after", j("[]"), 422);
    INJECTIONS.forEach(v -> row(e, "after", s(v), 422));
    row(e, "after", q("' OR 1=1 --"), 422);
  }

  private static String ids(int n) {
    return Stream.iterate(1L, i -> i + 1).limit(n).map(String::valueOf).collect(Collectors.joining(",", "[", "]"));
  }

  private static String items(int n) {
    return Stream.generate(() -> "{\"product_id\": {product}, \"quantity\": 1}").limit(n)
        .collect(Collectors.joining(",", "[", "]"));
  }

  /** A syntactically valid address of exactly 254 characters. */
  private static String email254() {
    String local = "{u}" + "l".repeat(54);
    String domain = "d".repeat(63) + "." + "e".repeat(63) + "." + "f".repeat(57) + ".com";
    return local + "@" + domain;
  }

  static {
    // register_user (API.md §3.1)
    freeText("register_user", "first_name", 3, 50);
    freeText("register_user", "last_name", 3, 50);
    notText("register_user", "email");
    row("register_user", "email", s("{u}@test.example"), 200);
    row("register_user", "email", s("{U}@TEST.EXAMPLE"), 200);
    row("register_user", "email", s("o'brien.{u}+tag@test.example"), 200);
    row("register_user", "email", s(email254()), 200);
    row("register_user", "email", s("x" + email254()), 422);
    row("register_user", "email", s("e".repeat(255)), 422);
    row("register_user", "email", s("l".repeat(65) + "@test.example"), 422);
    row("register_user", "email", s("plainaddress"), 422);
    row("register_user", "email", s("{u}@localhost"), 422);
    row("register_user", "email", s("{u}@@test.example"), 422);
    row("register_user", "email", s(" {u}@test.example"), 422);
    row("register_user", "email", s("ünïcode{u}@test.example"), 422);
    row("register_user", "email", s("{u}@test.example\u0000"), 422);
    INJECTIONS.forEach(v -> row("register_user", "email", s(v), 422));
    row("register_user", "email", s("' OR 1=1 --@test.example"), 422);
    row("register_user", "email", s("{u}@test.example'; DROP TABLE users; --"), 422);
    refused("register_user", "email", s(TestServer.ADMIN_EMAIL.toUpperCase(Locale.ROOT)));
    refused("register_user", "email", s("{login_email}"));
    row("register_user", "email", q("{u}@test.example"), 200);
    notText("register_user", "password");
    row("register_user", "password", s("1234567"), 422);
    row("register_user", "password", s("12345678"), 200);
    row("register_user", "password", s("p".repeat(255)), 200);
    row("register_user", "password", s("p".repeat(256)), 422);
    row("register_user", "password", s("😀".repeat(255)), 200);
    row("register_user", "password", s("😀".repeat(256)), 422);
    row("register_user", "password", s("p".repeat(100_001)), 422);
    row("register_user", "password", s("пароль-密码-🔑"), 200);
    row("register_user", "password", s("        "), 422); // only white space (issue 26)
    INJECTIONS.forEach(v -> row("register_user", "password", s(v), v.length() >= 8 ? 200 : 422));
    row("register_user", "password", q("12345678"), 200);
    constrainedText("register_user", "timezone", true, "UTC", "Asia/Karachi", "America/Argentina/ComodRivadavia",
        "Etc/GMT+5");
    row("register_user", "timezone", s("utc"), 422);
    row("register_user", "timezone", s("+05:00"), 422);
    row("register_user", "timezone", s("UTC+5"), 422);
    row("register_user", "timezone", s("Mars/Olympus_Mons"), 422);
    row("register_user", "timezone", s("Asia/Karachi/.."), 422);
    row("register_user", "timezone", s("z".repeat(65)), 422);

    // login_user (API.md §3.2): any wrong credential is the same 422 with data {}
    notText("login_user", "email");
    row("login_user", "email", s("{login_email}"), 200);
    row("login_user", "email", s("  {LOGIN_EMAIL}  "), 200);
    refused("login_user", "email", s("nobody-{u}@test.example"));
    refused("login_user", "email", s("x".repeat(254)));
    row("login_user", "email", s("x".repeat(255)), 422);
    INJECTIONS.forEach(v -> refused("login_user", "email", s(v)));
    refused("login_user", "email", s("{login_email}' OR '1'='1"));
    refused("login_user", "email", s("{login_email}' --"));
    refused("login_user", "email", s("😀".repeat(254)));
    refused("login_user", "email", s("İ".repeat(254)));
    refused("login_user", "email", q("' OR 1=1 --"));
    notText("login_user", "password");
    row("login_user", "password", s(ValidRequests.LOGIN_PASSWORD), 200);
    row("login_user", "password", q(ValidRequests.LOGIN_PASSWORD), 200);
    refused("login_user", "password", s(ValidRequests.LOGIN_PASSWORD.toUpperCase(Locale.ROOT)));
    refused("login_user", "password", s(ValidRequests.LOGIN_PASSWORD + " "));
    refused("login_user", "password", s("x"));
    refused("login_user", "password", s("p".repeat(255)));
    row("login_user", "password", s("p".repeat(256)), 422);
    INJECTIONS.forEach(v -> refused("login_user", "password", s(v)));
    refused("login_user", "password", s("' OR '1'='1"));

    // logout_user (API.md §3.3) has no fields: whatever is sent is ignored
    row("logout_user", "anything", s("' OR 1=1 --"), 200);
    row("logout_user", "anything", j("{\"a\": [1, {\"b\": null}]}"), 200);
    row("logout_user", "anything", dup("1", "2"), 400);

    // create_category (API.md §3.4)
    freeText("create_category", "category_name", 3, 50);
    notText("create_category", "category_slug");
    row("create_category", "category_slug", s("{u}"), 200);
    row("create_category", "category_slug", s("a-{u}-9"), 200);
    row("create_category", "category_slug", s("x".repeat(40) + "{u}"), 200);
    row("create_category", "category_slug", s("x".repeat(41) + "{u}"), 422);
    row("create_category", "category_slug", s("ab"), 422);
    row("create_category", "category_slug", s("x".repeat(51)), 422);
    row("create_category", "category_slug", s("Upper-{u}"), 422);
    row("create_category", "category_slug", s("a--{u}"), 422);
    row("create_category", "category_slug", s("-{u}"), 422);
    row("create_category", "category_slug", s("{u}-"), 422);
    row("create_category", "category_slug", s("a_{u}"), 422);
    row("create_category", "category_slug", s("a {u}"), 422);
    row("create_category", "category_slug", s("{u}\n"), 422);
    row("create_category", "category_slug", s("ü-{u}"), 422);
    row("create_category", "category_slug", s("😀😀😀"), 422);
    row("create_category", "category_slug", s("{u}%00"), 422);
    INJECTIONS.forEach(v -> row("create_category", "category_slug", s(v), 422));
    row("create_category", "category_slug", s("{u}' OR 1=1 --"), 422);
    row("create_category", "category_slug", q("{u}"), 200);
    row("create_category", "category_slug", q("{u}; DROP TABLE categories"), 422);
    refused("create_category", "category_slug", s("hostile-fixture-{category}"));

    // create_product (API.md §3.5)
    freeText("create_product", "product_name", 3, 50);
    row("create_product", "description", MISSING, 200);
    row("create_product", "description", j("null"), 200);
    row("create_product", "description", s(""), 200);
    row("create_product", "description", s("x".repeat(1000)), 200);
    row("create_product", "description", s("😀".repeat(1000)), 200);
    row("create_product", "description", s("x".repeat(1001)), 422);
    row("create_product", "description", s(HUGE), 422);
    row("create_product", "description", j("12345"), 422);
    row("create_product", "description", j("true"), 422);
    row("create_product", "description", j("{}"), 422);
    row("create_product", "description", j("[]"), 422);
    row("create_product", "description", j("\"\\udfffx\""), 422);
    row("create_product", "description", s("a\u0000b"), 422);
    row("create_product", "description", dup("\"a\"", "\"b\""), 400);
    INJECTIONS.forEach(v -> row("create_product", "description", s(v), 200));
    UNICODE.forEach(v -> row("create_product", "description", s(v), 200));
    row("create_product", "description", q("null"), 200);
    integer("create_product", "category_id", 1, Long.MAX_VALUE, "{category}", true);
    row("create_product", "category_id", j(PAST_INT), 404);
    row("create_product", "category_id", j(MAX_LONG), 404);
    row("create_product", "price", MISSING, 422);
    row("create_product", "price", j("null"), 422);
    row("create_product", "price", j("true"), 422);
    row("create_product", "price", j("{}"), 422);
    row("create_product", "price", j("[]"), 422);
    row("create_product", "price", j("[\"1.00\"]"), 422);
    row("create_product", "price", s(""), 422);
    row("create_product", "price", s("abc"), 422);
    row("create_product", "price", s("1,50"), 422);
    row("create_product", "price", s("$1.50"), 422);
    row("create_product", "price", s("1.50 EUR"), 422);
    row("create_product", "price", s("1e2"), 422);
    row("create_product", "price", s("NaN"), 422);
    row("create_product", "price", s("Infinity"), 422);
    row("create_product", "price", s("١٢"), 422);
    row("create_product", "price", s(HUGE), 422);
    INJECTIONS.forEach(v -> row("create_product", "price", s(v), 422));
    row("create_product", "price", j("0"), 422);
    row("create_product", "price", s("0.00"), 422);
    row("create_product", "price", s("-0"), 422);
    row("create_product", "price", j("-1"), 422);
    row("create_product", "price", s("-0.01"), 422);
    row("create_product", "price", j("0.001"), 422);
    row("create_product", "price", s("1.005"), 422);
    row("create_product", "price", j("1e-400"), 422);
    row("create_product", "price", j("1e400"), 422);
    row("create_product", "price", j("-1e400"), 422);
    row("create_product", "price", j("100000000"), 422);
    row("create_product", "price", s("99999999.991"), 422);
    row("create_product", "price", j(PAST_LONG), 422);
    row("create_product", "price", j("1" + "0".repeat(401)), 400);
    row("create_product", "price", j("NaN"), 400);
    row("create_product", "price", j("-Infinity"), 400);
    row("create_product", "price", j("0.01"), 200);
    row("create_product", "price", s("0.01"), 200);
    row("create_product", "price", j("99999999.99"), 200);
    row("create_product", "price", s("99999999.99"), 200);
    row("create_product", "price", s(" 1.50 "), 200);
    row("create_product", "price", s("1.500"), 200);
    row("create_product", "price", j("1E2"), 200);
    row("create_product", "price", j("12"), 200);
    row("create_product", "price", q("12.34"), 200);
    row("create_product", "price", q("\"12.34\""), 422);
    row("create_product", "price", q("1.234"), 422);
    row("create_product", "price", q("' OR 1=1 --"), 422);
    row("create_product", "price", dup("\"1.00\"", "\"2.00\""), 400);
    bool("create_product", "is_active");

    // get_categories, get_products (API.md §3.6, §3.7)
    pagination("get_categories", "id", "category_name", "category_slug", "created_at");
    row("get_categories", "order_by", s("price"), 422);
    pagination("get_products", "id", "product_name", "price", "quantity", "created_at");
    row("get_products", "order_by", s("category_slug"), 422);
    idList("get_products", "category_ids", 100);
    bool("get_products", "include_inactive");
    // search and filters (API.md §5)
    optionalText("get_products", "q", 1, 200);
    row("get_products", "q", s("a b c d e f g h i j"), 200);
    row("get_products", "q", s("a b c d e f g h i j k"), 422);
    optionalMoney("get_products", "min_price");
    optionalMoney("get_products", "max_price");
    bool("get_products", "in_stock");

    // get_product (API.md §3.8)
    integer("get_product", "product_id", 1, Long.MAX_VALUE, "{product}", true);
    row("get_product", "product_id", j(PAST_INT), 404);
    row("get_product", "product_id", j(MAX_LONG), 404);
    row("get_product", "product_id", q(MAX_LONG), 404);

    // update_product, update_category, delete_category (API.md §5): a fixture of their own, so that
    // deactivating or moving it never changes what the other endpoints' rows see
    integer("update_product", "product_id", 1, Long.MAX_VALUE, "{edit_product}", true);
    row("update_product", "product_id", j(MAX_LONG), 404);
    optionalText("update_product", "product_name", 3, 50);
    row("update_product", "description", MISSING, 200);
    row("update_product", "description", j("null"), 200);
    row("update_product", "description", s(""), 200);
    row("update_product", "description", s("x".repeat(1001)), 422);
    row("update_product", "description", s(HUGE), 422);
    row("update_product", "description", j("12345"), 422);
    row("update_product", "description", j("true"), 422);
    row("update_product", "description", j("{}"), 422);
    row("update_product", "description", j("[]"), 422);
    row("update_product", "description", s("a\u0000b"), 422);
    row("update_product", "description", dup("\"a\"", "\"b\""), 400);
    INJECTIONS.forEach(v -> row("update_product", "description", s(v), 200));
    integer("update_product", "category_id", 1, Long.MAX_VALUE, "{category}", false);
    row("update_product", "category_id", j(MAX_LONG), 404);
    optionalMoney("update_product", "price");
    bool("update_product", "is_active");
    integer("update_category", "category_id", 1, Long.MAX_VALUE, "{edit_category}", true);
    row("update_category", "category_id", j(MAX_LONG), 404);
    optionalText("update_category", "category_name", 3, 50);
    row("update_category", "category_slug", MISSING, 200);
    row("update_category", "category_slug", s("{u}"), 200);
    row("update_category", "category_slug", s("a--{u}"), 422);
    row("update_category", "category_slug", s("x".repeat(51)), 422);
    row("update_category", "category_slug", s(HUGE), 422);
    row("update_category", "category_slug", j("null"), 422);
    row("update_category", "category_slug", j("12345"), 422);
    row("update_category", "category_slug", j("true"), 422);
    row("update_category", "category_slug", j("{}"), 422);
    row("update_category", "category_slug", j("[]"), 422);
    row("update_category", "category_slug", dup("\"abc\"", "\"def\""), 400);
    INJECTIONS.forEach(v -> row("update_category", "category_slug", s(v), 422));
    refused("update_category", "category_slug", s("hostile-fixture-{category}"));
    integer("delete_category", "category_id", 1, Long.MAX_VALUE, "{empty_category}", true);
    row("delete_category", "category_id", j("{category}"), 409);
    row("delete_category", "category_id", j(MAX_LONG), 404);

    // adjust_inventory, get_inventory_movements (API.md §5)
    integer("adjust_inventory", "product_id", 1, Long.MAX_VALUE, "{product}", true);
    row("adjust_inventory", "product_id", j(MAX_LONG), 404);
    integer("adjust_inventory", "change", -1_000_000, 1_000_000, "2", true);
    // a negative change is a write-off, not an error: the generic integer rows say otherwise
    TABLE.removeIf(r -> r.endpoint().equals("adjust_inventory") && r.field().equals("change")
        && r.value().kind() == Kind.JSON && r.value().text().equals("-1"));
    row("adjust_inventory", "change", j("0"), 422);
    row("adjust_inventory", "change", j("-1"), 200);
    row("adjust_inventory", "change", j("-1000000000"), 422);
    freeText("adjust_inventory", "note", 1, 200);
    integer("get_inventory_movements", "product_id", 1, Long.MAX_VALUE, "{product}", true);
    row("get_inventory_movements", "product_id", j(MAX_LONG), 404);
    integer("get_inventory_movements", "page", 1, 1_000_000, "2", false);
    integer("get_inventory_movements", "per_page", 1, 100, "5", false);

    // get_products' after: a cursor of ours, in the request's order (the row's has neither order_by nor q: id)
    row("get_products", "after", MISSING, 200);
    row("get_products", "after", s("id.5"), 200);
    row("get_products", "after", s("id.9223372036854775807"), 200);
    row("get_products", "after", s("id.99999999999999999999"), 422);
    // the longest cursor (a name of 50 four-byte characters), one character over, another order's cursor
    String longestCursor = "product_name." + "QUFB".repeat(68) + ".9223372036854775807";
    row("get_products", "after", s(longestCursor), 422);
    row("get_products", "after", s(longestCursor + "7"), 422);
    row("get_products", "after", s("price.1500.7"), 422);
    row("get_products", "after", s("id.0"), 422);
    row("get_products", "after", s("id.-5"), 422);
    row("get_products", "after", s("1700000000000000.5"), 422);
    row("get_products", "after", s("abc"), 422);
    malformedCursor("get_products");
    row("get_products", "after", dup("\"id.1\"", "\"id.2\""), 400);

    // get_purchases, get_purchase (API.md §5), as a customer
    integer("get_purchases", "page", 1, 1000, "2", false);
    integer("get_purchases", "per_page", 1, 100, "5", false);
    integer("get_purchases", "user_id", 1, Long.MAX_VALUE, "{category}", false);
    row("get_purchases", "after", MISSING, 200);
    row("get_purchases", "after", s("1700000000000000.5"), 200);
    row("get_purchases", "after", s("-5.1"), 200);
    row("get_purchases", "after", s("99999999999999999999.1"), 422);
    row("get_purchases", "after", s("1700000000000000.0"), 422);
    row("get_purchases", "after", s("abc"), 422);
    malformedCursor("get_purchases");
    row("get_purchases", "after", dup("\"a\"", "\"b\""), 400);
    for (String f : List.of("start_date", "end_date")) {
      row("get_purchases", f, MISSING, 200);
      row("get_purchases", f, j("null"), 422);
      row("get_purchases", f, j("12345"), 422);
      row("get_purchases", f, j("true"), 422);
      row("get_purchases", f, j("{}"), 422);
      row("get_purchases", f, j("[]"), 422);
      row("get_purchases", f, s(""), 422);
      row("get_purchases", f, s(HUGE), 422);
      row("get_purchases", f, s("2024-02-30"), 422);
      row("get_purchases", f, s("2024-01-05T10:00+25:00"), 422);
      row("get_purchases", f, s("2024-01-05" + " ".repeat(60) + "x"), 422);
      row("get_purchases", f, s("2024-01-15"), 200);
      row("get_purchases", f, s("2024-01-15T10:00:00.123456+05:30"), 200);
      row("get_purchases", f, dup("\"2024-01-01\"", "\"2024-01-02\""), 400);
      INJECTIONS.forEach(v -> row("get_purchases", f, s(v), 422));
      row("get_purchases", f, q("2024-01-15T10:00:00+05:00"), 200);
      row("get_purchases", f, q("' OR 1=1 --"), 422);
    }
    integer("get_purchase", "purchase_id", 1, Long.MAX_VALUE, "{sale}", true);
    row("get_purchase", "purchase_id", j(MAX_LONG), 404);
    row("get_purchase", "purchase_id", j("{other_sale}"), 404);

    // get_me, update_me, change_password, get_users, update_user (API.md §5)
    row("get_me", "anything", dup("1", "2"), 400);
    row("get_me", "anything", s("ignored"), 200);
    optionalText("update_me", "first_name", 3, 50);
    optionalText("update_me", "last_name", 3, 50);
    constrainedText("update_me", "timezone", false, "UTC", "Asia/Karachi", "America/St_Johns");
    row("update_me", "timezone", j("null"), 422);
    row("update_me", "timezone", s("z".repeat(65)), 422);
    row("update_me", "timezone", s("Mars/Olympus_Mons"), 422);
    notText("change_password", "current_password");
    row("change_password", "current_password", s("customer-password"), 200);
    row("change_password", "current_password", s("p".repeat(256)), 422);
    row("change_password", "current_password", s("customer-password "), 422);
    INJECTIONS.forEach(v -> row("change_password", "current_password", s(v), 422));
    row("change_password", "current_password", q("customer-password"), 200);
    notText("change_password", "new_password");
    row("change_password", "new_password", s("1234567"), 422);
    row("change_password", "new_password", s("12345678"), 200);
    row("change_password", "new_password", s("p".repeat(255)), 200);
    row("change_password", "new_password", s("p".repeat(256)), 422);
    row("change_password", "new_password", s("😀".repeat(255)), 200);
    row("change_password", "new_password", s("        "), 422);
    INJECTIONS.forEach(v -> row("change_password", "new_password", s(v), v.length() >= 8 ? 200 : 422));
    row("change_password", "new_password", q("12345678"), 200);
    pagination("get_users", "id", "email", "created_at", "last_login");
    optionalText("get_users", "q", 1, 254);
    constrainedText("get_users", "role", false, "customer", "admin");
    row("get_users", "role", j("null"), 422);
    bool("get_users", "is_active");
    integer("update_user", "user_id", 1, Long.MAX_VALUE, "{user}", true);
    row("update_user", "user_id", j(MAX_LONG), 404);
    bool("update_user", "is_active");
    constrainedText("update_user", "role", false, "customer", "admin");
    row("update_user", "role", j("null"), 422);

    // get_low_stock_products (API.md §3.9)
    integer("get_low_stock_products", "quantity_threshold", 0, 1_000_000_000, "10", false);
    integer("get_low_stock_products", "page", 1, 1_000_000, "2", false);
    integer("get_low_stock_products", "per_page", 1, 100, "5", false);

    // add_inventory (API.md §3.10)
    integer("add_inventory", "product_id", 1, Long.MAX_VALUE, "{product}", true);
    row("add_inventory", "product_id", j(PAST_INT), 404);
    row("add_inventory", "product_id", j(MAX_LONG), 404);
    integer("add_inventory", "quantity", 1, 1_000_000, "3", true);

    // purchase_products (API.md §3.11)
    row("purchase_products", "items", MISSING, 422);
    row("purchase_products", "items", j("null"), 422);
    row("purchase_products", "items", j("[]"), 422);
    row("purchase_products", "items", j("{}"), 422);
    row("purchase_products", "items", j("{\"product_id\": {product}, \"quantity\": 1}"), 422);
    row("purchase_products", "items", j("true"), 422);
    row("purchase_products", "items", j("5"), 422);
    row("purchase_products", "items", s("abc"), 422);
    row("purchase_products", "items", s("[{\"product_id\": {product}, \"quantity\": 1}]"), 422);
    INJECTIONS.forEach(v -> row("purchase_products", "items", s(v), 422));
    row("purchase_products", "items", j("[1]"), 422, "items.0");
    row("purchase_products", "items", j("[\"x\"]"), 422, "items.0");
    row("purchase_products", "items", j("[null]"), 422, "items.0");
    row("purchase_products", "items", j("[[]]"), 422, "items.0");
    row("purchase_products", "items", j("[{}]"), 422, "items.0.product_id", "items.0.quantity");
    row("purchase_products", "items", j("[{\"product_id\": {product}, \"quantity\": 1}, {}]"), 422,
        "items.1.product_id", "items.1.quantity");
    row("purchase_products", "items", j(items(100)), 200);
    row("purchase_products", "items", j(items(101)), 422);
    row("purchase_products", "items", q("[{\"product_id\": {product}, \"quantity\": 2}]"), 200);
    row("purchase_products", "items", q("' OR 1=1 --"), 422);
    row("purchase_products", "items", dup("[]", "[]"), 400);
    row("purchase_products", "items", j("[{\"product_id\": 1, \"product_id\": {product}, \"quantity\": 1}]"), 400);
    integer("purchase_products", "items.0.product_id", 1, Long.MAX_VALUE, "{product}", true);
    row("purchase_products", "items.0.product_id", j(PAST_INT), 409);
    row("purchase_products", "items.0.product_id", j(MAX_LONG), 409);
    row("purchase_products", "items.0.product_id", j("{inactive}"), 409);
    integer("purchase_products", "items.0.quantity", 1, 10_000, "2", true);
    row("purchase_products", "items.0.quantity", j("2000000"), 422);

    // get_sales_data (API.md §3.12)
    for (String f : List.of("start_date", "end_date")) {
      notText("get_sales_data", f);
      for (String ok : List.of("2024-01-15", "2024-01-15T10:00", "2024-01-15 10:00:00", "2024-01-15T10:00:00Z",
          "2024-01-15T10:00:00.123456+05:30", "2024-01-15T10:00:00-0800", "2024-01-15T10:00:00.999999999+14:00")) {
        row("get_sales_data", f, s(ok), 200);
      }
      for (String bad : List.of("2024-02-30", "2023-02-29", "2023-02-29T10:00", "2024-04-31T00:00", "2024-01-05T24:00",
          "2024-01-05T10:00+05:00+0500", "+12024-01-05T10:00", "2024-13-01", "2024-00-10", "2024-1-5", "24-01-05",
          "2024/01/05", "05.01.2024", "01/05/2024", "2024-01-05T24:00", "2024-01-05T10:60", "2024-01-05T10:00:61",
          "2024-01-05T10:00+25:00", "2024-01-05T10:00+05:00:00:00", "2024-01-05T10:00:00Z[UTC]",
          "2024-01-05T10:00:00 Asia/Karachi", "2024-01-05T", "T10:00", "yesterday", "now", "1704412800",
          "２０２４-01-05", "2024-01-05\u0000", "2024-01-05" + " ".repeat(60) + "x", "+2024-01-05", "-2024-01-05")) {
        row("get_sales_data", f, s(bad), 422);
      }
      row("get_sales_data", f, j("20240105"), 422);
      INJECTIONS.forEach(v -> row("get_sales_data", f, s(v), 422));
      row("get_sales_data", f, s("2024-01-05' OR 1=1 --"), 422);
      row("get_sales_data", f, q("2024-01-15T10:00:00+05:00"), 200);
      row("get_sales_data", f, q("2024-01-15T10:00:00 05:00"), 422);
      row("get_sales_data", f, q("' OR 1=1 --"), 422);
    }
    row("get_sales_data", "start_date", s("0000-01-01"), 422);
    row("get_sales_data", "start_date", s("2024-02-01"), 422, "end_date");
    row("get_sales_data", "end_date", s("9999-12-31"), 422);
    row("get_sales_data", "end_date", s("2023-12-31"), 422);
    constrainedText("get_sales_data", "timezone", false, "UTC", "Asia/Karachi", "America/St_Johns", "Etc/GMT-14");
    row("get_sales_data", "timezone", j("null"), 422);
    row("get_sales_data", "timezone", s("utc"), 422);
    row("get_sales_data", "timezone", s("+05:00"), 422);
    row("get_sales_data", "timezone", s("GMT+5"), 422);
    row("get_sales_data", "timezone", s("Asia/Karachi\u0000"), 422);
    row("get_sales_data", "timezone", s("../../../../etc/localtime"), 422);
    row("get_sales_data", "timezone", s("z".repeat(65)), 422);
    bool("get_sales_data", "include_sales_items");
    constrainedText("get_sales_data", "buckets", false, "daily", "weekly", "monthly", "yearly");
    row("get_sales_data", "buckets", j("null"), 200);
    row("get_sales_data", "buckets", s("hourly"), 422);
    row("get_sales_data", "buckets", q("daily,weekly"), 422);
    idList("get_sales_data", "product_ids", 1000);
    idList("get_sales_data", "category_ids", 1000);
    constrainedText("get_sales_data", "format", false, "json", "csv");
    row("get_sales_data", "format", j("null"), 422);
    row("get_sales_data", "format", s("xml"), 422);
    row("get_sales_data", "format", s("csv; DROP TABLE sales"), 422);
    row("get_sales_data", "format", q("CSV"), 422);
  }

  /** Cross-field rules make these fields unfit for random combination (their rows still run alone). */
  static final Set<String> SOLO = Set.of("get_sales_data start_date", "get_sales_data end_date",
      "get_sales_data timezone", "get_sales_data product_ids", "get_sales_data category_ids",
      // cross-field checks, which run only once every field is valid
      "adjust_inventory change", "get_products q", "get_purchases after", "change_password current_password");
  static final Map<String, Endpoint> DECLARED = Routes.endpoints();

  // ---------------------------------------------------------------------------------------------
  // Fixtures and valid requests

  private final AtomicLong unique = new AtomicLong(100_000_000L + new Random().nextInt(800_000_000));
  private Map<String, Endpoint> endpoints;
  private Sql sql;
  private String customer;
  private long category;
  private long product;
  private long inactive;
  private long editProduct;
  private long sale;
  private long editUser;
  private long otherSale;
  private long editCategory;
  private String loginEmail;

  private synchronized void fixtures() {
    if (endpoints != null) {
      return;
    }
    endpoints = Routes.endpoints();
    sql = new Sql(server.db());
    customer = server.newCustomerToken();
    Api.Response c = api.put("create_category").token(admin()).json(new JsonObject()
        .put("category_name", "Hostile fixture").put("category_slug", "hostile-fixture-placeholder")).send();
    category = Expect.ok(c).getLong("id");
    // a slug that the duplicate-slug row can name: hostile-fixture-<id>
    Expect.ok(api.put("create_category").token(admin()).json(new JsonObject()
        .put("category_name", "Hostile fixture").put("category_slug", "hostile-fixture-" + category)).send());
    product = Expect.ok(api.put("create_product").token(admin()).json(new JsonObject()
        .put("product_name", "Hostile product").put("category_id", category).put("price", "10.00")).send()).getLong("id");
    inactive = Expect.ok(api.put("create_product").token(admin()).json(new JsonObject()
        .put("product_name", "Inactive product").put("category_id", category).put("price", "10.00")
        .put("is_active", false)).send()).getLong("id");
    for (int i = 0; i < 3; i++) {
      Expect.ok(api.put("add_inventory").token(admin()).json(new JsonObject()
          .put("product_id", product).put("quantity", 1_000_000)).send());
    }
    editCategory = emptyCategory();
    editProduct = Expect.ok(api.put("create_product").token(admin()).json(new JsonObject()
        .put("product_name", "Edited product").put("category_id", editCategory).put("price", "10.00")).send())
        .getLong("id");
    JsonObject oneUnit = new JsonObject().put("items", new JsonArray().add(new JsonObject().put("product_id", product)
        .put("quantity", 1)));
    sale = Expect.ok(api.post("purchase_products").token(customer).json(oneUnit).send()).getLong("id");
    editUser = server.newCustomer("UTC").id();
    otherSale = Expect.ok(api.post("purchase_products").token(server.newCustomerToken()).json(oneUnit).send())
        .getLong("id");
    loginEmail = "hostile-login-" + unique.incrementAndGet() + "@test.example";
    Expect.ok(api.put("register_user").json(new JsonObject().put("first_name", "Login").put("last_name", "Target")
        .put("email", loginEmail).put("password", ValidRequests.LOGIN_PASSWORD).put("timezone", "UTC")).send());
  }

  /** A new category without products: what delete_category may delete. */
  private long emptyCategory() {
    return Expect.ok(api.put("create_category").token(admin()).json(new JsonObject()
        .put("category_name", "Empty category").put("category_slug", "empty-" + unique.incrementAndGet())).send())
        .getLong("id");
  }

  /** Ids in the base are placeholders too: a JSON string "{product}" becomes the number. */
  private String baseJson(String endpoint) {
    return ValidRequests.body(endpoint).encode().replace("\"{category}\"", "{category}").replace("\"{product}\"", "{product}")
        .replace("\"{edit_product}\"", "{edit_product}").replace("\"{edit_category}\"", "{edit_category}")
        .replace("\"{empty_category}\"", "{empty_category}").replace("\"{sale}\"", "{sale}")
        .replace("\"{user}\"", "{user}");
  }

  private String substitute(String text, Map<String, String> tokens) {
    return text.replace("{u}", tokens.computeIfAbsent("u", k -> "u" + unique.incrementAndGet()))
        .replace("{U}", tokens.computeIfAbsent("u", k -> "u" + unique.incrementAndGet()).toUpperCase(Locale.ROOT))
        .replace("{category}", String.valueOf(category))
        .replace("{product}", String.valueOf(product))
        .replace("{inactive}", String.valueOf(inactive))
        .replace("{edit_product}", String.valueOf(editProduct))
        .replace("{other_sale}", String.valueOf(otherSale))
        .replace("{user}", String.valueOf(editUser))
        .replace("{sale}", String.valueOf(sale))
        .replace("{edit_category}", String.valueOf(editCategory))
        .replace("{empty_category}", text.contains("{empty_category}") ? String.valueOf(emptyCategory()) : "")
        .replace("{login_email}", loginEmail)
        .replace("{LOGIN_EMAIL}", loginEmail.toUpperCase(Locale.ROOT));
  }

  // ---------------------------------------------------------------------------------------------
  // Running a case

  /** A request: the endpoint, the changed fields and what must come back. */
  record Case(String name, String endpoint, Map<String, Value> changes, int status, Set<String> paths) {
  }

  private static Case caseOf(Row row) {
    return new Case(row.name(), row.endpoint(), Map.of(row.field(), row.value()), row.status(),
        new TreeSet<>(row.paths()));
  }

  /**
   * Whether this engine's run includes the cases that never reach a service (their answer is the
   * same on every engine); true for SQLite, which every run has.
   */
  protected boolean runsEngineIndependentCases() {
    return true;
  }

  /** Refused by the request validation before any service runs: no database involved. */
  private static boolean engineIndependent(int status, Set<String> paths) {
    return status == 400 || (status == 422 && !paths.isEmpty());
  }

  private boolean runsHere(Case c) {
    return runsEngineIndependentCases() || !engineIndependent(c.status(), c.paths());
  }

  /** Closes a batch of cases: whatever they sent, the server is still ready. */
  private DynamicTest stillReady(String batch) {
    return DynamicTest.dynamicTest("/ready after " + batch,
        () -> assertEquals(200, api.get("/ready").send().status(), () -> "/ready after " + batch));
  }

  private void run(Case c) {
    fixtures();
    Endpoint endpoint = endpoints.get(c.endpoint());
    assertNotNull(endpoint, () -> c.endpoint() + " is not served");
    Map<String, String> tokens = new LinkedHashMap<>();
    Map<String, Value> changes = new LinkedHashMap<>();
    c.changes().forEach((field, v) -> changes.put(field, v.text() == null ? v
        : new Value(v.kind(), substitute(v.text(), tokens), v.second() == null ? null : substitute(v.second(), tokens),
            v.label())));
    Object base = Json.decodeValue(substitute(baseJson(c.endpoint()), tokens));
    String body = render(base, "", changes);

    Api.Call call = api.call(endpoint.method().name(), c.endpoint()).body(body, "application/json");
    changes.forEach((field, v) -> {
      if (v.kind() == Kind.QUERY) {
        call.query(field, v.text());
      }
    });
    String token = null;
    if (endpoint.access() == Access.ADMIN) {
      token = admin();
    } else if (List.of("logout_user", "change_password", "update_me").contains(c.endpoint())) {
      // each case on an account of its own: these change the account (password "customer-password")
      token = server.newCustomerToken();
    } else if (endpoint.access() == Access.SIGNED_IN) {
      token = customer;
    }
    if (token != null) {
      call.token(token);
    }
    if (c.endpoint().equals("login_user") || c.endpoint().equals("change_password")) {
      // throttling is tested elsewhere; here every credential must get its own answer
      sql.update("DELETE FROM login_failures");
    }
    Api.Response r = call.send();
    String context = c.name() + " (sent " + Texts.abbreviate(body) + ")";

    Map<String, Object> sent = sentValues(base, changes);
    List<String> secrets = new ArrayList<>(List.of(TestServer.ADMIN_PASSWORD, ValidRequests.LOGIN_PASSWORD, ValidRequests.REGISTER_PASSWORD));
    if (sent.get("password") instanceof String p) {
      secrets.add(p);
    }
    List<String> echoed = sent.values().stream().filter(String.class::isInstance).map(String.class::cast)
        .collect(Collectors.toList());
    Leaks.check(context, r, echoed, secrets);

    assertEquals(c.status(), r.status(), () -> context + ": " + r);
    String type = r.header("Content-Type");
    if (c.status() == 200 && type != null && type.startsWith("text/csv")) {
      assertTrue(r.body().contains("sale_item_id"), () -> context + ": " + r);
    } else {
      JsonObject data = Expect.envelope(r, c.status());
      if (c.status() == 422) {
        assertEquals(c.paths(), new TreeSet<>(data.fieldNames()), () -> context + ": 422 paths of " + r);
        if (!c.paths().isEmpty()) {
          assertEquals("Validation failed", r.message(), context);
        }
      } else if (c.status() >= 400 && c.status() != 409) {
        assertEquals(new JsonObject(), data, () -> context + ": data of " + r);
      }
      if (c.status() == 200) {
        storedVerbatim(c, sent, data, context);
      }
    }
  }

  /** JSON text of {@code node} with the changes applied at their dotted paths. */
  private static String render(Object node, String prefix, Map<String, Value> changes) {
    if (node instanceof JsonObject object) {
      List<String> parts = new ArrayList<>();
      Set<String> keys = new LinkedHashSet<>(object.fieldNames());
      changes.keySet().stream().filter(p -> p.startsWith(prefix) && !p.substring(prefix.length()).contains("."))
          .map(p -> p.substring(prefix.length())).forEach(keys::add);
      for (String key : keys) {
        String path = prefix + key;
        Value v = changes.get(path);
        String name = Json.encode(key);
        if (v == null) {
          parts.add(name + ": " + render(object.getValue(key), path + ".", changes));
        } else if (v.kind() == Kind.JSON) {
          parts.add(name + ": " + v.text());
        } else if (v.kind() == Kind.DUPLICATE) {
          parts.add(name + ": " + v.text());
          parts.add(name + ": " + v.second());
        }
      }
      return parts.stream().collect(Collectors.joining(", ", "{", "}"));
    }
    if (node instanceof JsonArray array) {
      List<String> parts = new ArrayList<>();
      for (int i = 0; i < array.size(); i++) {
        String path = prefix + i;
        Value v = changes.get(path);
        parts.add(v != null && v.kind() == Kind.JSON ? v.text() : render(array.getValue(i), path + ".", changes));
      }
      return parts.stream().collect(Collectors.joining(", ", "[", "]"));
    }
    return Json.encode(node);
  }

  /** The top-level values the server was given, as far as plain JSON can say. */
  private static Map<String, Object> sentValues(Object base, Map<String, Value> changes) {
    Map<String, Object> sent = new LinkedHashMap<>(((JsonObject) base).getMap());
    changes.forEach((field, v) -> {
      if (field.contains(".")) {
        return;
      }
      switch (v.kind()) {
        case MISSING -> sent.remove(field);
        case QUERY -> sent.put(field, v.text());
        case JSON -> {
          try {
            sent.put(field, Json.decodeValue(v.text()));
          } catch (RuntimeException notJavaJson) {
            sent.put(field, v.text());
          }
        }
        default -> sent.put(field, v.text());
      }
    });
    return sent;
  }

  /**
   * Accepted text comes back unchanged, is stored unchanged and reads back unchanged: in the
   * response, in the table, and through the API.
   */
  private void storedVerbatim(Case c, Map<String, Object> sent, JsonObject data, String context) {
    switch (c.endpoint()) {
      case "create_category" -> {
        long id = data.getLong("id");
        Map<String, Object> row = sql.rows("SELECT category_name, category_slug FROM categories WHERE id = ?", id).get(0);
        for (String f : List.of("category_name", "category_slug")) {
          assertEquals(sent.get(f), data.getValue(f), () -> context + ": response " + f);
          assertEquals(sent.get(f), row.get(f), () -> context + ": stored " + f);
        }
        JsonObject listed = Expect.ok(api.get("get_categories").token(customer).query("order_by", "id")
            .query("order", "desc").query("per_page", 1).send()).getJsonArray("categories").getJsonObject(0);
        assertEquals(id, listed.getLong("id"), context);
        assertEquals(sent.get("category_name"), listed.getString("category_name"), () -> context + ": listed name");
      }
      case "create_product" -> {
        long id = data.getLong("id");
        Map<String, Object> row = sql.rows("SELECT product_name, description FROM products WHERE id = ?", id).get(0);
        JsonObject read = Expect.ok(api.get("get_product").token(admin()).query("product_id", id).send());
        for (String f : List.of("product_name", "description")) {
          Object want = sent.get(f);
          assertEquals(want, data.getValue(f), () -> context + ": response " + f);
          assertEquals(want, row.get(f), () -> context + ": stored " + f);
          assertEquals(want, read.getValue(f), () -> context + ": read back " + f);
        }
      }
      case "register_user" -> {
        long id = data.getLong("id");
        String email = ((String) sent.get("email")).toLowerCase(Locale.ROOT);
        Map<String, Object> row = sql.rows("SELECT first_name, last_name, email, timezone FROM users WHERE id = ?", id)
            .get(0);
        for (String f : List.of("first_name", "last_name", "timezone")) {
          assertEquals(sent.get(f), data.getValue(f), () -> context + ": response " + f);
          assertEquals(sent.get(f), row.get(f), () -> context + ": stored " + f);
        }
        assertEquals(email, data.getString("email"), context);
        assertEquals(email, row.get("email"), context);
        // the password works, and the token names the user exactly as registered
        String token = api.login(email, (String) sent.get("password"));
        JsonObject claims = Jwt.claims(token);
        assertEquals(sent.get("first_name"), claims.getString("first_name"), context);
        assertEquals(sent.get("last_name"), claims.getString("last_name"), context);
      }
      case "login_user" -> assertNotEquals(null, data.getString("access_token"), context);
      default -> {
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // The tests

  @TestFactory
  Stream<DynamicTest> everyRowOfTheTable() {
    return Stream.concat(TABLE.stream().map(HostileInputTest::caseOf).filter(this::runsHere)
        .map(c -> DynamicTest.dynamicTest(c.name(), () -> run(c))), Stream.of(stillReady("every row")));
  }

  /**
   * Random requests built from the table: 1..3 rows of one endpoint on different fields, plus
   * unknown fields carrying values of other rows. Expected: 422 with the union of the failing
   * rows' paths, else 200. The seed is in each name; rerun one with -Dhostile.seed.
   */
  @TestFactory
  Stream<DynamicTest> randomCombinationsOfRows() {
    Random random = new Random(SEED);
    Map<String, List<Row>> combinable = TABLE.stream()
        .filter(r -> (r.status() == 200 || (r.status() == 422 && !r.paths().isEmpty()))
            && (r.value().kind() == Kind.JSON || r.value().kind() == Kind.QUERY || r.value().kind() == Kind.MISSING)
            && !SOLO.contains(r.endpoint() + " " + r.field()))
        .collect(Collectors.groupingBy(Row::endpoint, LinkedHashMap::new, Collectors.toList()));
    List<Value> noise = TABLE.stream().filter(r -> r.status() == 200 || r.status() == 422).map(Row::value)
        .filter(v -> v.kind() == Kind.JSON).distinct()
        .collect(Collectors.toList());
    List<String> names = new ArrayList<>(combinable.keySet());
    System.out.printf("hostile input: %d random cases from seed %d (replay with -Dhostile.seed=%d)%n", RANDOM_CASES,
        SEED, SEED);
    List<DynamicTest> tests = new ArrayList<>();
    for (int i = 0; i < RANDOM_CASES; i++) {
      String endpoint = names.get(random.nextInt(names.size()));
      List<Row> rows = combinable.get(endpoint);
      Map<String, Value> changes = new LinkedHashMap<>();
      Set<String> paths = new TreeSet<>();
      boolean invalid = false;
      int wanted = 1 + random.nextInt(3);
      for (int tries = 0; changes.size() < wanted && tries < 20; tries++) {
        Row r = rows.get(random.nextInt(rows.size()));
        boolean clash = changes.keySet().stream().anyMatch(f -> f.equals(r.field()) || f.startsWith(r.field() + ".")
            || r.field().startsWith(f + "."));
        if (clash) {
          continue;
        }
        changes.put(r.field(), r.value());
        if (r.status() == 422) {
          invalid = true;
          paths.addAll(r.paths());
        }
      }
      int extra = random.nextInt(3);
      for (int k = 0; k < extra; k++) {
        String unknown = List.of("zz_extra", "PAGE", "Category_Name", "id", "role", "is_admin", "__proto__", "constructor",
            "price_cents", "password_hash", "$where", "items[0]").get(random.nextInt(12));
        Value value = noise.get(random.nextInt(noise.size()));
        // a name the endpoint really reads (get_users' role) is no unknown field
        if (!changes.containsKey(unknown) && DECLARED.get(endpoint).fields().stream().noneMatch(f -> f.name().equals(unknown))) {
          changes.put(unknown, value);
        }
      }
      int status = invalid ? 422 : 200;
      String name = String.format("seed %d #%03d %s %s → %s", SEED, i, endpoint, changes,
          invalid ? "422 " + paths : "200");
      Case c = new Case(name, endpoint, changes, status, paths);
      if (runsHere(c)) {
        tests.add(DynamicTest.dynamicTest(name, () -> run(c)));
      }
    }
    tests.add(stillReady("the random combinations"));
    return tests.stream();
  }

  /** Kinds of value every field must have rows for. */
  enum Sort { MISSING, NULL, OBJECT, ARRAY, BOOLEAN, NUMBER, STRING }

  private static Sort sortOf(Value v) {
    if (v.kind() == Kind.MISSING) {
      return Sort.MISSING;
    }
    if (v.kind() != Kind.JSON) {
      return null;
    }
    char first = v.text().strip().charAt(0);
    switch (first) {
      case 'n':
        return Sort.NULL;
      case '{':
        return Sort.OBJECT;
      case '[':
        return Sort.ARRAY;
      case 't':
      case 'f':
        return Sort.BOOLEAN;
      case '"':
        return Sort.STRING;
      default:
        return Sort.NUMBER;
    }
  }

  @Test
  void everyFieldOfEveryEndpointHasRowsOfEveryKind() {
    fixtures();
    List<String> gaps = new ArrayList<>();
    for (Endpoint e : endpoints.values()) {
      if (ValidRequests.body(e.name()) == null) {
        gaps.add(e.name() + ": no valid base request in the table");
        continue;
      }
      List<Row> rows = TABLE.stream().filter(r -> r.endpoint().equals(e.name())).collect(Collectors.toList());
      if (rows.isEmpty()) {
        gaps.add(e.name() + ": no rows");
      }
      if (rows.stream().noneMatch(r -> r.value().kind() == Kind.DUPLICATE)) {
        gaps.add(e.name() + ": no duplicate-key row");
      }
      List<Map.Entry<String, Field>> fields = new ArrayList<>();
      for (Field f : e.fields()) {
        fields.add(Map.entry(f.name(), f));
        f.itemFields().forEach(item -> fields.add(Map.entry(f.name() + ".0." + item.name(), item)));
      }
      for (Map.Entry<String, Field> entry : fields) {
        String path = entry.getKey();
        Field field = entry.getValue();
        List<Row> mine = rows.stream().filter(r -> r.field().equals(path)).collect(Collectors.toList());
        Set<Sort> sorts = EnumSet.noneOf(Sort.class);
        mine.forEach(r -> {
          Sort sort = sortOf(r.value());
          if (sort != null) {
            sorts.add(sort);
          }
        });
        if (!sorts.containsAll(EnumSet.allOf(Sort.class))) {
          Set<Sort> missing = EnumSet.allOf(Sort.class);
          missing.removeAll(sorts);
          gaps.add(e.name() + " " + path + ": no rows for " + missing);
        }
        List<String> texts = mine.stream().filter(r -> r.value().text() != null).map(r -> r.value().text())
            .collect(Collectors.toList());
        if (field.type() == Field.Type.STRING || field.type() == Field.Type.DATE_TIME) {
          requireAll(gaps, e.name() + " " + path, texts, INJECTIONS.stream().map(Json::encode).collect(Collectors.toList()));
          if (field.maxLength() != null && texts.stream().noneMatch(t -> t.length() > field.maxLength() + 2
              && t.length() < 100_000)) {
            gaps.add(e.name() + " " + path + ": no row just over the maximum length " + field.maxLength());
          }
          if (texts.stream().noneMatch(t -> t.length() >= 100_000)) {
            gaps.add(e.name() + " " + path + ": no 100k-character row");
          }
        }
        if (field.type() == Field.Type.INTEGER) {
          requireAll(gaps, e.name() + " " + path, texts, List.of(PAST_LONG, "-1", "1e400", "1.5", "\"1.5\""));
          if (field.max() != null && field.max() < Long.MAX_VALUE) {
            requireAll(gaps, e.name() + " " + path, texts, List.of(PAST_INT, String.valueOf(field.max() + 1)));
          }
        }
        if (field.type() == Field.Type.INTEGER_LIST || field.type() == Field.Type.OBJECT_LIST) {
          if (mine.stream().noneMatch(r -> r.value().text() != null && r.status() == 422
              && r.paths().equals(List.of(path)) && r.value().text().startsWith("["))) {
            gaps.add(e.name() + " " + path + ": no row with too many items");
          }
        }
      }
    }
    for (Row r : TABLE) {
      if (ValidRequests.body(r.endpoint()) == null) {
        gaps.add("row for an endpoint without a base request: " + r.name());
      }
    }
    if (!gaps.isEmpty()) {
      fail("table gaps:\n" + String.join("\n", gaps));
    }
    System.out.printf("hostile input table: %d rows, %d of them for endpoints this tree serves; random seed %d%n",
        TABLE.size(), TABLE.stream().filter(r -> endpoints.containsKey(r.endpoint())).count(), SEED);
  }

  private static void requireAll(List<String> gaps, String where, List<String> texts, List<String> required) {
    for (String r : required) {
      if (!texts.contains(r)) {
        gaps.add(where + ": no row for " + r);
      }
    }
  }

  @Test
  void everyEndpointOfTheRouteModulesIsRoutedByTheServer() {
    fixtures();
    for (Endpoint e : endpoints.values()) {
      // the wrong method proves the route exists without running anything
      String wrong = e.method().name().equals("GET") ? "DELETE" : "GET";
      Expect.error(api.call(wrong, e.name()).send(), 405, "Method Not Allowed");
    }
  }
}
