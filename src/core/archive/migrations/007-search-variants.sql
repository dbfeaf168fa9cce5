-- Variant search (version 7): the three search indexes hold each line's search form
-- (backfile_search_form: compatibility forms folded, Chinese characters in their simplified
-- form, character for character), so that 發展 and 发展, 臺灣 and 台湾 are found by either. The
-- trigram index was an external-content table over lines.text, which cannot hold a form other
-- than the text itself: it becomes contentless, like the other two. Queries look terms up in the
-- same form; a search for the typed form only filters the lines found (line-search.ts).

DROP TRIGGER lines_search_insert;
DROP TRIGGER lines_search_delete;
DROP TRIGGER lines_search_update;
DROP TABLE line_trigram;
DROP TABLE line_unigram;
DROP TABLE line_bigram;

CREATE VIRTUAL TABLE line_trigram USING fts5(
  text,
  content = '',
  contentless_delete = 1,
  tokenize = 'trigram remove_diacritics 1'
);

CREATE VIRTUAL TABLE line_unigram USING fts5(
  text,
  content = '',
  contentless_delete = 1,
  tokenize = 'unicode61 remove_diacritics 2'
);

CREATE VIRTUAL TABLE line_bigram USING fts5(
  text,
  content = '',
  contentless_delete = 1,
  tokenize = 'unicode61 remove_diacritics 2'
);

INSERT INTO line_trigram (rowid, text) SELECT id, backfile_search_form(text) FROM lines;
INSERT INTO line_unigram (rowid, text) SELECT id, backfile_cjk_split(backfile_search_form(text)) FROM lines;
INSERT INTO line_bigram (rowid, text) SELECT id, backfile_cjk_bigrams(backfile_search_form(text)) FROM lines;

CREATE TRIGGER lines_search_insert AFTER INSERT ON lines BEGIN
  INSERT INTO line_trigram (rowid, text) VALUES (new.id, backfile_search_form(new.text));
  INSERT INTO line_unigram (rowid, text) VALUES (new.id, backfile_cjk_split(backfile_search_form(new.text)));
  INSERT INTO line_bigram (rowid, text) VALUES (new.id, backfile_cjk_bigrams(backfile_search_form(new.text)));
END;

CREATE TRIGGER lines_search_delete AFTER DELETE ON lines BEGIN
  DELETE FROM line_trigram WHERE rowid = old.id;
  DELETE FROM line_unigram WHERE rowid = old.id;
  DELETE FROM line_bigram WHERE rowid = old.id;
END;

CREATE TRIGGER lines_search_update AFTER UPDATE OF text ON lines BEGIN
  DELETE FROM line_trigram WHERE rowid = old.id;
  INSERT INTO line_trigram (rowid, text) VALUES (new.id, backfile_search_form(new.text));
  DELETE FROM line_unigram WHERE rowid = old.id;
  INSERT INTO line_unigram (rowid, text) VALUES (new.id, backfile_cjk_split(backfile_search_form(new.text)));
  DELETE FROM line_bigram WHERE rowid = old.id;
  INSERT INTO line_bigram (rowid, text) VALUES (new.id, backfile_cjk_bigrams(backfile_search_form(new.text)));
END;
