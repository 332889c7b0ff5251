-- The insert trigger of V32_7, the same but for a session that has set @search_terms_by_caller:
-- that session writes the search_terms rows of the products it inserts itself. demo-data's
-- generated catalog (GeneratedCatalog) does, in one sorted INSERT ... SELECT per batch of products,
-- instead of an upsert of ~18 rows per product into ~18 places of the index (docs/decisions.md).
-- MariaDB cannot disable a trigger for one session, and dropping it would leave every other
-- writer without it; a user variable is per session, so the service, the legacy import and
-- ProductSearch.fillMissing, which never set it, are indexed by the trigger as before.
-- CREATE OR REPLACE swaps the trigger in one statement: no insert in between goes unindexed.
CREATE OR REPLACE TRIGGER products_terms_insert AFTER INSERT ON products FOR EACH ROW
  INSERT INTO search_terms (term, product_id, words, names)
  SELECT LEFT(w.word, 3), NEW.id, CONCAT(',', w.word, ','),
         IF(LOCATE(CONCAT(' ', w.word, ' '), NEW.name_words) > 0, CONCAT(',', w.word, ','), ',')
  FROM JSON_TABLE(CONCAT('["', REPLACE(TRIM(NEW.search_words), ' ', '","'), '"]'), '$[*]' COLUMNS (word TEXT PATH '$')) w
  WHERE @search_terms_by_caller IS NULL AND w.word <> ''
  ON DUPLICATE KEY UPDATE
    words = IF(LOCATE(VALUES(words), words) > 0, words, CONCAT(words, SUBSTRING(VALUES(words), 2))),
    names = IF(LOCATE(VALUES(names), names) > 0, names, CONCAT(names, SUBSTRING(VALUES(names), 2)));
