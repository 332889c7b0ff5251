-- V32_5's (is_active, id) made things worse at 1,000,000 products (docs/benchmarks.md): MariaDB
-- intersected it with the category index for every count of one category (39 ms instead of 2 ms),
-- and a deep page in id order read it more slowly (144 ms) than the primary key it replaced (45 ms,
-- the table's pages cached). The deep pages that were slow were slow for another reason: a
-- prepared statement's later executions (ProductRepository#page).
ALTER TABLE products DROP KEY ix_products_active_id;
