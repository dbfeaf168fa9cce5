-- Full-text search over lines (version 2).
-- line_trigram: FTS5 trigram index of the line text (external content), for queries of three or
--   more characters in any script; case- and diacritic-insensitive.
-- line_unigram: every CJK character a token of its own (backfile_cjk_split, registered by the
--   application on every connection), Latin words as words; answers one- and two-character
--   Chinese queries, which the trigram index cannot, as phrase queries.
-- Kept in step with lines by triggers, so no write path can forget them.

CREATE VIRTUAL TABLE line_trigram USING fts5(
  text,
  content = 'lines',
  content_rowid = 'id',
  tokenize = 'trigram remove_diacritics 1'
);

CREATE VIRTUAL TABLE line_unigram USING fts5(
  text,
  content = '',
  contentless_delete = 1,
  tokenize = 'unicode61 remove_diacritics 2'
);

INSERT INTO line_trigram (rowid, text) SELECT id, text FROM lines;
INSERT INTO line_unigram (rowid, text) SELECT id, backfile_cjk_split(text) FROM lines;

CREATE TRIGGER lines_search_insert AFTER INSERT ON lines BEGIN
  INSERT INTO line_trigram (rowid, text) VALUES (new.id, new.text);
  INSERT INTO line_unigram (rowid, text) VALUES (new.id, backfile_cjk_split(new.text));
END;

CREATE TRIGGER lines_search_delete AFTER DELETE ON lines BEGIN
  INSERT INTO line_trigram (line_trigram, rowid, text) VALUES ('delete', old.id, old.text);
  DELETE FROM line_unigram WHERE rowid = old.id;
END;

CREATE TRIGGER lines_search_update AFTER UPDATE OF text ON lines BEGIN
  INSERT INTO line_trigram (line_trigram, rowid, text) VALUES ('delete', old.id, old.text);
  INSERT INTO line_trigram (rowid, text) VALUES (new.id, new.text);
  DELETE FROM line_unigram WHERE rowid = old.id;
  INSERT INTO line_unigram (rowid, text) VALUES (new.id, backfile_cjk_split(new.text));
END;
