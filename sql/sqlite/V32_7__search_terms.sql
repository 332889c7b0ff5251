-- get_products' q through search_terms, as on MariaDB (issue 32; sql/mysql/V32_7). FTS5 met the
-- target for one word but not for three (31-34 ms) nor with order_by (51-61 ms) at 1,000,000
-- products (docs/benchmarks.md): a prefix query (lamp*) makes FTS5 merge the whole doclist of every
-- term it covers before the first match, for each of a page's statements. search_terms has a row
-- per product and first 3 characters of its indexed words (search_words: folded, padded to 3 with
-- '_'), keyed (term, product_id): the products with a word starting with given 3 characters are
-- one range of the key, in id order, and every further word of q is one look-up per candidate.
-- words and names list that product's words with that term (",lamp,lamps,"), of the whole text and
-- of the name alone, so that a longer word of q and the relevance group are decided on the row
-- (ProductQuery). Triggers keep the terms in step with search_words in the writing transaction,
-- whoever writes; the products already there are indexed below, and the FTS5 index goes.
DROP TRIGGER products_terms_insert;
DROP TRIGGER products_terms_update;
DROP TRIGGER products_terms_delete;
DROP TABLE product_terms;

CREATE TABLE search_terms (
  term       TEXT    NOT NULL,
  product_id INTEGER NOT NULL,
  words      TEXT    NOT NULL,
  names      TEXT    NOT NULL,
  PRIMARY KEY (term, product_id)
) WITHOUT ROWID;

-- search_words " w1 w2 ... " as a JSON array of its words, one row each; a word already listed
-- under its term is not listed again
INSERT INTO search_terms (term, product_id, words, names)
SELECT substr(w.value, 1, 3), p.id, ',' || w.value || ',',
       CASE WHEN instr(p.name_words, ' ' || w.value || ' ') > 0 THEN ',' || w.value || ',' ELSE ',' END
FROM products p, json_each('["' || replace(trim(p.search_words), ' ', '","') || '"]') w
WHERE p.search_words IS NOT NULL AND w.value <> ''
ON CONFLICT (term, product_id) DO UPDATE SET
  words = CASE WHEN instr(words, excluded.words) > 0 THEN words ELSE words || substr(excluded.words, 2) END,
  names = CASE WHEN instr(names, excluded.names) > 0 THEN names ELSE names || substr(excluded.names, 2) END;

CREATE TRIGGER products_search_terms_insert AFTER INSERT ON products WHEN new.search_words IS NOT NULL
BEGIN
  INSERT INTO search_terms (term, product_id, words, names)
  SELECT substr(w.value, 1, 3), new.id, ',' || w.value || ',',
         CASE WHEN instr(new.name_words, ' ' || w.value || ' ') > 0 THEN ',' || w.value || ',' ELSE ',' END
  FROM json_each('["' || replace(trim(new.search_words), ' ', '","') || '"]') w
  WHERE w.value <> ''
  ON CONFLICT (term, product_id) DO UPDATE SET
    words = CASE WHEN instr(words, excluded.words) > 0 THEN words ELSE words || substr(excluded.words, 2) END,
    names = CASE WHEN instr(names, excluded.names) > 0 THEN names ELSE names || substr(excluded.names, 2) END;
END;

-- an edit of the words or the name: the old terms go, the new ones come; a product whose words did
-- not change (a price, stock, is_active) is left alone
CREATE TRIGGER products_search_terms_update AFTER UPDATE OF search_words, name_words ON products
  WHEN old.search_words IS NOT new.search_words OR old.name_words IS NOT new.name_words
BEGIN
  DELETE FROM search_terms WHERE product_id = old.id AND term IN (
    SELECT substr(w.value, 1, 3) FROM json_each('["' || replace(trim(old.search_words), ' ', '","') || '"]') w);
  INSERT INTO search_terms (term, product_id, words, names)
  SELECT substr(w.value, 1, 3), new.id, ',' || w.value || ',',
         CASE WHEN instr(new.name_words, ' ' || w.value || ' ') > 0 THEN ',' || w.value || ',' ELSE ',' END
  FROM json_each('["' || replace(trim(new.search_words), ' ', '","') || '"]') w
  WHERE new.search_words IS NOT NULL AND w.value <> ''
  ON CONFLICT (term, product_id) DO UPDATE SET
    words = CASE WHEN instr(words, excluded.words) > 0 THEN words ELSE words || substr(excluded.words, 2) END,
    names = CASE WHEN instr(names, excluded.names) > 0 THEN names ELSE names || substr(excluded.names, 2) END;
END;

CREATE TRIGGER products_search_terms_delete AFTER DELETE ON products
BEGIN
  DELETE FROM search_terms WHERE product_id = old.id AND term IN (
    SELECT substr(w.value, 1, 3) FROM json_each('["' || replace(trim(old.search_words), ' ', '","') || '"]') w);
END;
