-- get_products' q by relevance in two groups, each in id order: products with a word of q in
-- their name, then those that match through their description only (issue 32,
-- docs/decisions.md). name_words is the name in the form of search_words
-- (ProductSearch#indexed); the group is a LIKE on it per match, so it needs no index of its own.
-- Rows without it (an upgraded database, the legacy import) get it at start
-- (ProductSearch.fillMissing).
ALTER TABLE products ADD COLUMN name_words TEXT NULL;
