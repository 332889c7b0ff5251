-- purchase_products locks its products with SELECT ... WHERE p.id IN (...) FOR UPDATE. With
-- V32_2's ix_products_order_id (id, is_active, category_id, price_cents) InnoDB read those rows
-- through that covering, non-unique index, taking next-key locks on its ranges instead of record
-- locks on the primary key: concurrent buyers of the same products then deadlocked often enough
-- to exhaust their retries (PurchaseConcurrencyMariaDbTest answered 503). On InnoDB the primary
-- key is the table itself, so id order reads it in order anyway: the index is dropped here.
-- SQLite keeps its own: it has no row locks, and its search looks matches up through it.
ALTER TABLE products DROP KEY ix_products_order_id;
