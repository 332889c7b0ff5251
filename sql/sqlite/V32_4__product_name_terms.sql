-- get_products' q by relevance without scoring every match (issue 32). Relevance is now two
-- groups, each in id order: products with a word of q in their name, then those that match
-- through their description only (docs/decisions.md). The full-text index gets the name as a
-- column of its own, so each group is an FTS5 query whose matches come out in rowid order and
-- stop at the page's LIMIT: bm25 read every match's size and sorted them all (190 ms for a word
-- found in a tenth of 1,000,000 products). name_words is the name in the form of search_words
-- (ProductSearch#indexed); rows without it (an upgraded database, the legacy import) get it at
-- start (ProductSearch.fillMissing), which the update trigger then indexes.
ALTER TABLE products ADD COLUMN name_words TEXT;

DROP TRIGGER products_words_insert;
DROP TRIGGER products_words_update;
DROP TRIGGER products_words_delete;
DROP TABLE product_words;

CREATE VIRTUAL TABLE product_terms USING fts5(
  name, words, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');

CREATE TRIGGER products_terms_insert AFTER INSERT ON products
  WHEN new.search_words IS NOT NULL AND new.name_words IS NOT NULL
BEGIN
  INSERT INTO product_terms (rowid, name, words) VALUES (new.id, new.name_words, new.search_words);
END;

CREATE TRIGGER products_terms_update AFTER UPDATE OF search_words, name_words ON products
  WHEN old.search_words IS NOT new.search_words OR old.name_words IS NOT new.name_words
BEGIN
  DELETE FROM product_terms WHERE rowid = old.id;
  INSERT INTO product_terms (rowid, name, words) SELECT new.id, new.name_words, new.search_words
    WHERE new.search_words IS NOT NULL AND new.name_words IS NOT NULL;
END;

CREATE TRIGGER products_terms_delete AFTER DELETE ON products
BEGIN
  DELETE FROM product_terms WHERE rowid = old.id;
END;
