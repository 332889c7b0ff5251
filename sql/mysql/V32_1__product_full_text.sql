-- get_products' q through a full-text index (issue 32). search_words holds each product's name
-- (twice, so that a word of the name ranks above one of the description only) and description,
-- folded by the service (no accents, lower case) into words of letters and digits, each padded to
-- 3 characters with '_': InnoDB does not index words shorter than innodb_ft_min_token_size (3), a
-- server setting, and reads '_' as part of a word. Stop words are off for this index, so "for" or
-- "the" are found like any word. InnoDB keeps the index in step with the row at commit. Rows
-- without search_words (an upgraded database, the legacy import) get them at start
-- (ProductSearch.fillMissing). search_name, the old relevance column, is replaced by MATCH's score.
ALTER TABLE products DROP COLUMN search_name, ADD COLUMN search_words TEXT NULL;
SET SESSION innodb_ft_enable_stopword = 0;
CREATE FULLTEXT INDEX ft_products_words ON products (search_words);
