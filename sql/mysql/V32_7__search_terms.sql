-- get_products' q on MariaDB through an index of our own (issue 32). InnoDB's FULLTEXT finds every
-- match of MATCH ... AGAINST before it returns the first, and has no order of its own: a word found
-- in a tenth of 1,000,000 products cost 130-185 ms a page, 500-670 ms with order_by
-- (docs/benchmarks.md). search_terms has a row per product and first 3 characters of its indexed
-- words (search_words: folded, padded to 3 with '_'), keyed (term, product_id): the products with
-- a word starting with given 3 characters are one range of the primary key, in id order, so a page
-- of a search stops after a page's worth of matches, and every further word of q is one
-- primary-key look-up per candidate. words and names list that product's words with that term
-- (",lamp,lamps,"), of the whole text and of the name alone, so that a longer word of q and the
-- relevance group are decided on the row (ProductQuery). Triggers keep the terms in step with
-- search_words in the writing transaction, whoever writes (the service, demo data, the legacy
-- import, ProductSearch.fillMissing); the products already there are indexed below. FULLTEXT is
-- dropped: nothing reads it any more, and every create and edit paid for it.
CREATE TABLE search_terms (
  term       VARCHAR(3) NOT NULL,
  product_id BIGINT     NOT NULL,
  words      TEXT       NOT NULL,
  names      TEXT       NOT NULL,
  PRIMARY KEY (term, product_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- search_words " w1 w2 ... " as a JSON array of its words, one row each; a word already listed
-- under its term is not listed again
INSERT INTO search_terms (term, product_id, words, names)
  SELECT LEFT(w.word, 3), p.id, CONCAT(',', w.word, ','),
         IF(LOCATE(CONCAT(' ', w.word, ' '), p.name_words) > 0, CONCAT(',', w.word, ','), ',')
  FROM products p, JSON_TABLE(CONCAT('["', REPLACE(TRIM(p.search_words), ' ', '","'), '"]'), '$[*]' COLUMNS (word TEXT PATH '$')) w
  WHERE p.search_words IS NOT NULL AND w.word <> ''
  ON DUPLICATE KEY UPDATE
    words = IF(LOCATE(VALUES(words), words) > 0, words, CONCAT(words, SUBSTRING(VALUES(words), 2))),
    names = IF(LOCATE(VALUES(names), names) > 0, names, CONCAT(names, SUBSTRING(VALUES(names), 2)));

CREATE TRIGGER products_terms_insert AFTER INSERT ON products FOR EACH ROW
  INSERT INTO search_terms (term, product_id, words, names)
  SELECT LEFT(w.word, 3), NEW.id, CONCAT(',', w.word, ','),
         IF(LOCATE(CONCAT(' ', w.word, ' '), NEW.name_words) > 0, CONCAT(',', w.word, ','), ',')
  FROM JSON_TABLE(CONCAT('["', REPLACE(TRIM(NEW.search_words), ' ', '","'), '"]'), '$[*]' COLUMNS (word TEXT PATH '$')) w
  WHERE w.word <> ''
  ON DUPLICATE KEY UPDATE
    words = IF(LOCATE(VALUES(words), words) > 0, words, CONCAT(words, SUBSTRING(VALUES(words), 2))),
    names = IF(LOCATE(VALUES(names), names) > 0, names, CONCAT(names, SUBSTRING(VALUES(names), 2)));

-- an edit of the words or the name: the old terms go, then (the next trigger) the new ones come; a
-- product whose words did not change (a price, stock, is_active) is left alone
CREATE TRIGGER products_terms_update_old AFTER UPDATE ON products FOR EACH ROW
  DELETE t FROM JSON_TABLE(CONCAT('["', REPLACE(TRIM(OLD.search_words), ' ', '","'), '"]'), '$[*]' COLUMNS (word TEXT PATH '$')) w
  JOIN search_terms t ON t.term = LEFT(w.word, 3) AND t.product_id = OLD.id
  WHERE NOT (OLD.search_words <=> NEW.search_words AND OLD.name_words <=> NEW.name_words);

CREATE TRIGGER products_terms_update_new AFTER UPDATE ON products FOR EACH ROW FOLLOWS products_terms_update_old
  INSERT INTO search_terms (term, product_id, words, names)
  SELECT LEFT(w.word, 3), NEW.id, CONCAT(',', w.word, ','),
         IF(LOCATE(CONCAT(' ', w.word, ' '), NEW.name_words) > 0, CONCAT(',', w.word, ','), ',')
  FROM JSON_TABLE(CONCAT('["', REPLACE(TRIM(NEW.search_words), ' ', '","'), '"]'), '$[*]' COLUMNS (word TEXT PATH '$')) w
  WHERE NOT (OLD.search_words <=> NEW.search_words AND OLD.name_words <=> NEW.name_words) AND w.word <> ''
  ON DUPLICATE KEY UPDATE
    words = IF(LOCATE(VALUES(words), words) > 0, words, CONCAT(words, SUBSTRING(VALUES(words), 2))),
    names = IF(LOCATE(VALUES(names), names) > 0, names, CONCAT(names, SUBSTRING(VALUES(names), 2)));

CREATE TRIGGER products_terms_delete AFTER DELETE ON products FOR EACH ROW
  DELETE t FROM JSON_TABLE(CONCAT('["', REPLACE(TRIM(OLD.search_words), ' ', '","'), '"]'), '$[*]' COLUMNS (word TEXT PATH '$')) w
  JOIN search_terms t ON t.term = LEFT(w.word, 3) AND t.product_id = OLD.id;

DROP INDEX ft_products_words ON products;
