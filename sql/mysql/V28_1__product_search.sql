-- get_products' q (issue 28): each product's name, and its name and description, folded (no
-- accents, lower case) into space-separated words. Written by the service with every product it
-- creates or edits; rows that have none yet (a database from before this version, the demo data,
-- a legacy import) are filled at start by ProductSearch.fillMissing, so nothing has to be re-entered.
ALTER TABLE products ADD COLUMN search_name TEXT NULL, ADD COLUMN search_text TEXT NULL;
