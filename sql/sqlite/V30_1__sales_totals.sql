-- Pre-aggregated sales (issue 30): units and cents per product per UTC hour and per UTC day, folded
-- by the sales analytics verticle from sale_items in id order. sales_rollup.folded_item_id is the
-- high-water mark: every sale item with id <= it is in both tables, none above it is. The mark and
-- the totals change in one transaction, so a reader that sees the mark sees exactly the totals it
-- covers, and reads the items above it from sale_items. typeof() keeps a sum that SQLite would turn
-- into a float (past 2^63 - 1) out: the fold then fails and the answers keep coming from the rows.
CREATE TABLE sales_hour_totals (
  slot_at    INTEGER NOT NULL,  -- first microsecond of the UTC hour
  product_id INTEGER NOT NULL,
  units      INTEGER NOT NULL CHECK (typeof(units) = 'integer'),
  cents      INTEGER NOT NULL CHECK (typeof(cents) = 'integer'),
  PRIMARY KEY (slot_at, product_id)
) WITHOUT ROWID;

CREATE TABLE sales_day_totals (
  slot_at    INTEGER NOT NULL,  -- first microsecond of the UTC day
  product_id INTEGER NOT NULL,
  units      INTEGER NOT NULL CHECK (typeof(units) = 'integer'),
  cents      INTEGER NOT NULL CHECK (typeof(cents) = 'integer'),
  PRIMARY KEY (slot_at, product_id)
) WITHOUT ROWID;

CREATE TABLE sales_rollup (
  id             INTEGER PRIMARY KEY CHECK (id = 1),
  folded_item_id INTEGER NOT NULL,
  updated_at     INTEGER NOT NULL
);
INSERT INTO sales_rollup (id, folded_item_id, updated_at) VALUES (1, 0, 0);
