-- get_products in every order_by at any catalog size (issue 32): one index per sort key, ending
-- with the id that breaks its ties, so a page (and a keyset cursor's seek) reads the index in
-- order instead of sorting the catalog. The columns after the id are those the filters test
-- (active, category, price), so the ids of a page are found in the index alone. No index leads
-- with is_active: almost every product is active, and one index serves customers and admins.
-- A category's page (category_ids with one id, a storefront's category page) has the same
-- indexes behind its category; with several ids the engine sorts those categories' products.
-- quantity is ix_inventories_quantity (quantity, then the primary key, the product id); id
-- within a category is ix_products_category (category_id, then the primary key).
ALTER TABLE products
  ADD KEY ix_products_order_id (id, is_active, category_id, price_cents),
  ADD KEY ix_products_order_name (product_name, id, is_active, category_id, price_cents),
  ADD KEY ix_products_order_price (price_cents, id, is_active, category_id),
  ADD KEY ix_products_order_created (created_at, id, is_active, category_id, price_cents),
  ADD KEY ix_products_category_name (category_id, product_name, id, is_active, price_cents),
  ADD KEY ix_products_category_price (category_id, price_cents, id, is_active),
  ADD KEY ix_products_category_created (category_id, created_at, id, is_active, price_cents);
