-- get_purchases (issue 28), newest first: a customer's own purchases, and an admin's filter by
-- user_id, read (user_id, created_at, id) in index order, so page 1 costs the same at any number of
-- sales. An admin's unfiltered or date-filtered list reads ix_sales_created_at (created_at, id).
CREATE INDEX ix_sales_user_created ON sales (user_id, created_at);
