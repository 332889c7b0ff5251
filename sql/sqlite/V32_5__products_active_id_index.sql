-- MariaDB's V32_5 adds (is_active, id) for deep pages in id order. SQLite has had
-- ix_products_order_id (id, is_active, category_id, price_cents) since V32_2, which covers them:
-- nothing to change here; the file keeps both engines' versions alike.
SELECT 1;
