-- Chinese pages are read with their script's model alone (version 10, decision 006). The app
-- offered `chi_sim+eng` and `chi_tra+eng` as "simplified Chinese" and "traditional Chinese";
-- tesseract.js read those with the Chinese model alone, English lost to a bug, until English was
-- loaded as asked, and loaded it cost Chinese pages characters. What was chosen from that menu
-- (for the archive, a title, an issue or a page, and the readings still queued) is the Chinese
-- model alone now. A list typed otherwise (on the command line) is left as it is.
UPDATE settings SET value = 'chi_sim' WHERE key = 'ocr.language' AND value = 'chi_sim+eng';
UPDATE settings SET value = 'chi_tra' WHERE key = 'ocr.language' AND value = 'chi_tra+eng';
UPDATE titles SET language = 'chi_sim' WHERE language = 'chi_sim+eng';
UPDATE titles SET language = 'chi_tra' WHERE language = 'chi_tra+eng';
UPDATE issues SET language = 'chi_sim' WHERE language = 'chi_sim+eng';
UPDATE issues SET language = 'chi_tra' WHERE language = 'chi_tra+eng';
UPDATE pages SET language = 'chi_sim' WHERE language = 'chi_sim+eng';
UPDATE pages SET language = 'chi_tra' WHERE language = 'chi_tra+eng';
UPDATE jobs SET payload = json_set(payload, '$.languages', 'chi_sim')
  WHERE status IN ('todo', 'running') AND json_valid(payload)
    AND json_extract(payload, '$.languages') = 'chi_sim+eng';
UPDATE jobs SET payload = json_set(payload, '$.languages', 'chi_tra')
  WHERE status IN ('todo', 'running') AND json_valid(payload)
    AND json_extract(payload, '$.languages') = 'chi_tra+eng';
