-- adjust_inventory (issue 28): the ledger gains the reason 'adjustment' and a note saying why
-- (a write-off, a count). The (product_id) index also serves get_inventory_movements' newest-first
-- paging: InnoDB appends the primary key to every secondary index.
ALTER TABLE inventory_movements DROP CONSTRAINT ck_movements_reason;
ALTER TABLE inventory_movements
  ADD CONSTRAINT ck_movements_reason CHECK (reason IN ('restock', 'sale', 'adjustment')),
  ADD COLUMN note VARCHAR(200) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL;
