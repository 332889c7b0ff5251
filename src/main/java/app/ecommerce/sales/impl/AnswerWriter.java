package app.ecommerce.sales.impl;

import app.ecommerce.time.Times;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import java.time.ZoneId;
import java.util.Map;

/**
 * Encodes the {@code data} of a get_sales_data answer straight into one buffer while the rows
 * are read page by page, so the heap holds the answer's bytes and one page of rows, never a tree
 * of 100000 JSON objects (which costs about eight times the bytes). Rows arrive in time order and
 * periods are in time order, so each period's block is written once, in place: its rows, then
 * its sums (already known from the aggregation), then its start and end.
 */
final class AnswerWriter {
  /** Every block is encoded with its rows first: {@code {"sales":[...],"total_revenue":...}}. */
  private static final String EMPTY_SALES = "{\"sales\":[]";
  /**
   * Rows are written into a byte array and go into the answer's buffer this many bytes at a time:
   * one copy per few hundred rows instead of a buffer call per row.
   */
  private static final int ROWS_CHUNK = 32 * 1024;

  private final ZoneId zone;
  private final Periods periods;
  private final MetricBlock[] blocks;
  private final Map<Long, MetricBlock.Product> products;
  private final Map<Long, String> categories;
  private Buffer out = Buffer.buffer(64 * 1024);
  private final SaleRows.Bytes rows = new SaleRows.Bytes(ROWS_CHUNK + 1024);
  private int open = -1;
  private boolean firstRow;
  private long rowCount;

  /** @param periods null for one block without buckets */
  AnswerWriter(ZoneId zone, Periods periods, MetricBlock[] blocks, Map<Long, MetricBlock.Product> products,
               Map<Long, String> categories) {
    this.zone = zone;
    this.periods = periods;
    this.blocks = blocks;
    this.products = products;
    this.categories = categories;
    if (periods != null) {
      out.appendString("{");
    }
  }

  long rows() {
    return rowCount;
  }

  /** Appends one sale row to the block of its period (rows must come in time order). */
  void row(SaleRow r) {
    int index = periods == null ? 0 : periods.indexOf(Times.fromMicros(r.createdAt).atZone(zone).toLocalDate());
    openUpTo(index);
    if (!firstRow) {
      rows.append((byte) ',');
    }
    firstRow = false;
    SaleRows.write(SaleRows.JSON, rows, r, zone);
    rowCount++;
    if (rows.length >= ROWS_CHUNK) {
      flush();
    }
  }

  /** Moves the rows written so far into the answer's buffer. */
  private void flush() {
    if (rows.length > 0) {
      out.appendBytes(rows.bytes, 0, rows.length);
      rows.length = 0;
    }
  }

  /**
   * What has been written since the previous call (or the start): a part of the answer to send
   * while the next rows are read.
   */
  Buffer take() {
    flush();
    Buffer part = out;
    out = Buffer.buffer(Math.max(64 * 1024, part.length() + part.length() / 8));
    return part;
  }

  /** Writes every block not written yet and returns the encoded {@code data} (its rest, after {@link #take}). */
  Buffer finish() {
    flush();
    openUpTo(blocks.length - 1);
    close(open);
    if (periods != null) {
      out.appendString("}");
    }
    return out;
  }

  private void openUpTo(int index) {
    if (open < index) {
      flush();
    }
    while (open < index) {
      if (open >= 0) {
        close(open);
      }
      open++;
      if (periods != null) {
        out.appendString(open == 0 ? "" : ",").appendString(Json.encode(periods.key(open))).appendString(":");
      }
      out.appendString("{\"sales\":[");
      firstRow = true;
    }
  }

  private void close(int index) {
    JsonObject block = blocks[index].toJson(products, categories);
    if (periods != null) {
      block.put("start", Times.iso(periods.startMicros(index), zone)).put("end", Times.iso(periods.endMicros(index), zone));
    }
    String encoded = block.encode();
    out.appendString("]").appendString(encoded.substring(EMPTY_SALES.length()));
    blocks[index] = null;
  }
}
