-- MariaDB's V32_3 drops ix_products_order_id, through which InnoDB locked a purchase's products
-- with next-key locks. SQLite has no row locks and keeps the index (its full-text search looks
-- its matches up through it): nothing to change here; the file keeps both engines' versions alike.
SELECT 1;
