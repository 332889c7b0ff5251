-- get_products in id order for customers (is_active = 1) at a deep page (issue 32): without an
-- index of its own the page read the table itself in id order, a whole product row (description
-- and search texts) per skipped entry, so page=5000&per_page=20 cost about ten times the same page
-- by price at 1,000,000 products (docs/benchmarks.md). (is_active, id) is read in id order within
-- the active products and covers the id step. It does not lead with id, so purchase_products'
-- locks by id stay on the primary key (V32_3).
ALTER TABLE products ADD KEY ix_products_active_id (is_active, id);
