-- get_sales_data reads sale rows in (created_at, sale_id, id) order, page by page (keyset), for
-- the JSON rows and the CSV export. This index gives that order without a sort, so every page
-- costs the same however deep into the range it is (the rowid id is part of every SQLite index).
CREATE INDEX ix_sale_items_keyset ON sale_items (created_at, sale_id);
