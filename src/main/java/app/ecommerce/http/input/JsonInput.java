package app.ecommerce.http.input;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Strict JSON decoding of request input: duplicate keys are an error, numbers stay exact
 * ({@link BigDecimal}, never double), nesting is shallow. Values come out as String,
 * BigDecimal, Boolean, List, Map or null.
 */
public final class JsonInput {
  private static final int MAX_DEPTH = 32;
  private static final ObjectMapper MAPPER = JsonMapper.builder(
          JsonFactory.builder()
              .streamReadConstraints(StreamReadConstraints.builder()
                  .maxNestingDepth(MAX_DEPTH).maxNumberLength(400).build())
              .build())
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  private JsonInput() {
  }

  /** @throws IOException when the text is not exactly one valid JSON value */
  public static Object parse(String text) throws IOException {
    return normalize(MAPPER.readValue(text, Object.class));
  }

  /**
   * Decodes a request body: UTF-8 only (RFC 8259 §8.1), one leading byte order mark tolerated.
   * The bytes are checked by the JDK's decoder first because Jackson's own reader lets overlong
   * sequences through (C0 AF read as '/'), and guesses UTF-16 or UTF-32 from zero bytes.
   *
   * @throws IOException also for bytes that are not UTF-8
   */
  public static Object parse(byte[] bytes) throws IOException {
    int start = bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF ? 3 : 0;
    String text = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(bytes, start, bytes.length - start))
        .toString();
    return parse(text);
  }

  /** The decoded value when the text is valid JSON, else empty (the text stays a string). */
  public static Optional<Object> tryParse(String text) {
    if (isPlainLong(text)) {
      // what Jackson and normalize() make of it, without a parser: query values are mostly ids
      return Optional.of(BigDecimal.valueOf(Long.parseLong(text)));
    }
    try {
      return Optional.ofNullable(parse(text)).or(() -> Optional.of(NULL));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** A JSON integer (no leading zero, no plus sign, no blanks) of at most 18 digits, so it fits a long. */
  private static boolean isPlainLong(String text) {
    int start = text.startsWith("-") ? 1 : 0;
    int digits = text.length() - start;
    if (digits < 1 || digits > 18 || (text.charAt(start) == '0' && digits > 1)) {
      return false;
    }
    for (int i = start; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /** Stands for a decoded JSON {@code null} inside an {@link Optional}. */
  public static final Object NULL = new Object() {
    @Override
    public String toString() {
      return "null";
    }
  };

  private static Object normalize(Object value) {
    if (value instanceof BigInteger i) {
      return new BigDecimal(i);
    }
    if (value instanceof Integer || value instanceof Long) {
      return BigDecimal.valueOf(((Number) value).longValue());
    }
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      list.forEach(v -> out.add(normalize(v)));
      return out;
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      map.forEach((k, v) -> out.put(String.valueOf(k), normalize(v)));
      return out;
    }
    return value;
  }
}
