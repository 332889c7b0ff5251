-- get_products' q through a full-text index (issue 32). search_words holds each product's name
-- (twice, so that a word of the name ranks above one of the description only) and description,
-- folded by the service (no accents, lower case) into words of letters and digits, each padded to
-- 3 characters with '_' (MariaDB's FULLTEXT does not index shorter ones; FTS5 reads '_' as a
-- separator). The FTS5 index below is kept in sync by triggers, in the writing transaction; rows
-- without search_words (an upgraded database, the legacy import) get them at start
-- (ProductSearch.fillMissing), which the update trigger then indexes. search_name, the old
-- relevance column, is replaced by the index's bm25 rank.
ALTER TABLE products DROP COLUMN search_name;
ALTER TABLE products ADD COLUMN search_words TEXT;

CREATE VIRTUAL TABLE product_words USING fts5(
  words, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');

CREATE TRIGGER products_words_insert AFTER INSERT ON products WHEN new.search_words IS NOT NULL
BEGIN
  INSERT INTO product_words (rowid, words) VALUES (new.id, new.search_words);
END;

CREATE TRIGGER products_words_update AFTER UPDATE OF search_words ON products
  WHEN old.search_words IS NOT new.search_words
BEGIN
  DELETE FROM product_words WHERE rowid = old.id;
  INSERT INTO product_words (rowid, words) SELECT new.id, new.search_words WHERE new.search_words IS NOT NULL;
END;

CREATE TRIGGER products_words_delete AFTER DELETE ON products
BEGIN
  DELETE FROM product_words WHERE rowid = old.id;
END;
