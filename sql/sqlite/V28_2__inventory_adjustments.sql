-- adjust_inventory (issue 28): the ledger gains the reason 'adjustment' and a note saying why
-- (a write-off, a count). SQLite cannot change a CHECK constraint in place, so the table is rebuilt
-- with every row and id kept; the (product_id) index also serves get_inventory_movements' newest
-- first paging, since every SQLite index ends with the rowid.
CREATE TABLE inventory_movements_v28 (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  product_id INTEGER NOT NULL REFERENCES products (id),
  delta      INTEGER NOT NULL CHECK (delta <> 0),
  reason     TEXT    NOT NULL CHECK (reason IN ('restock', 'sale', 'adjustment')),
  sale_id    INTEGER REFERENCES sales (id),
  user_id    INTEGER REFERENCES users (id),
  created_at INTEGER NOT NULL,
  note       TEXT
);
INSERT INTO inventory_movements_v28 (id, product_id, delta, reason, sale_id, user_id, created_at)
  SELECT id, product_id, delta, reason, sale_id, user_id, created_at FROM inventory_movements;
DROP TABLE inventory_movements;
ALTER TABLE inventory_movements_v28 RENAME TO inventory_movements;
CREATE INDEX ix_movements_product ON inventory_movements (product_id);
CREATE INDEX ix_movements_sale ON inventory_movements (sale_id);
