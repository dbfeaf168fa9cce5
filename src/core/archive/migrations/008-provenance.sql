-- Provenance of a page's reading (version 8): the host that read it and, when it was read as
-- part of a batch split into shards (backfile shard), the shard's name. The engine, its version
-- and model are not repeated here: they are the text source of the page's lines (text_sources).
-- Kept by backfile merge, so a merged archive still says where each page was read.
ALTER TABLE pages ADD COLUMN read_host TEXT;
ALTER TABLE pages ADD COLUMN read_shard TEXT;
