-- Two-character Chinese queries (version 4). bench/search measured them at p95 98 ms on a
-- million articles as phrases of two single-character tokens of line_unigram, whose doclists
-- are huge for common characters. line_bigram indexes every pair of adjacent CJK characters as
-- one token (backfile_cjk_bigrams, registered by the application on every connection), so a
-- two-character query is a single token lookup. Latin words are indexed as words.

CREATE VIRTUAL TABLE line_bigram USING fts5(
  text,
  content = '',
  contentless_delete = 1,
  tokenize = 'unicode61 remove_diacritics 2'
);

INSERT INTO line_bigram (rowid, text) SELECT id, backfile_cjk_bigrams(text) FROM lines;

DROP TRIGGER lines_search_insert;
DROP TRIGGER lines_search_delete;
DROP TRIGGER lines_search_update;

CREATE TRIGGER lines_search_insert AFTER INSERT ON lines BEGIN
  INSERT INTO line_trigram (rowid, text) VALUES (new.id, new.text);
  INSERT INTO line_unigram (rowid, text) VALUES (new.id, backfile_cjk_split(new.text));
  INSERT INTO line_bigram (rowid, text) VALUES (new.id, backfile_cjk_bigrams(new.text));
END;

CREATE TRIGGER lines_search_delete AFTER DELETE ON lines BEGIN
  INSERT INTO line_trigram (line_trigram, rowid, text) VALUES ('delete', old.id, old.text);
  DELETE FROM line_unigram WHERE rowid = old.id;
  DELETE FROM line_bigram WHERE rowid = old.id;
END;

CREATE TRIGGER lines_search_update AFTER UPDATE OF text ON lines BEGIN
  INSERT INTO line_trigram (line_trigram, rowid, text) VALUES ('delete', old.id, old.text);
  INSERT INTO line_trigram (rowid, text) VALUES (new.id, new.text);
  DELETE FROM line_unigram WHERE rowid = old.id;
  INSERT INTO line_unigram (rowid, text) VALUES (new.id, backfile_cjk_split(new.text));
  DELETE FROM line_bigram WHERE rowid = old.id;
  INSERT INTO line_bigram (rowid, text) VALUES (new.id, backfile_cjk_bigrams(new.text));
END;
