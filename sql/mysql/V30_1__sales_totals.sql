-- Pre-aggregated sales (issue 30): units and cents per product per UTC hour and per UTC day, folded
-- by the sales analytics verticle from sale_items in id order. sales_rollup.folded_item_id is the
-- high-water mark: every sale item with id <= it is in both tables, none above it is. The mark and
-- the totals change in one transaction, so a reader that sees the mark (in the same statement's
-- snapshot) sees exactly the totals it covers, and reads the items above it from sale_items.
CREATE TABLE sales_hour_totals (
  slot_at    BIGINT NOT NULL,
  product_id BIGINT NOT NULL,
  units      BIGINT NOT NULL,
  cents      BIGINT NOT NULL,
  PRIMARY KEY (slot_at, product_id)
) ENGINE = InnoDB;

CREATE TABLE sales_day_totals (
  slot_at    BIGINT NOT NULL,
  product_id BIGINT NOT NULL,
  units      BIGINT NOT NULL,
  cents      BIGINT NOT NULL,
  PRIMARY KEY (slot_at, product_id)
) ENGINE = InnoDB;

CREATE TABLE sales_rollup (
  id             INT    NOT NULL PRIMARY KEY,
  folded_item_id BIGINT NOT NULL,
  updated_at     BIGINT NOT NULL,
  CONSTRAINT ck_sales_rollup_one CHECK (id = 1)
) ENGINE = InnoDB;
INSERT INTO sales_rollup (id, folded_item_id, updated_at) VALUES (1, 0, 0);
