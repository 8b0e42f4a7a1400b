-- Source grouping reads the signature and group of many documents per new
-- one. Kept at the end of the wide documents row they forced SQLite to walk
-- each row's overflow pages (body, raw input, extracted JSON) to reach them;
-- a narrow table of their own keeps the lookup to one small page read.
CREATE TABLE doc_sources (
    id           TEXT PRIMARY KEY REFERENCES documents (id),
    wire         TEXT,
    signature    BLOB NOT NULL,
    source_group TEXT NOT NULL
) WITHOUT ROWID;
INSERT INTO doc_sources (id, wire, signature, source_group)
    SELECT id, wire, signature, COALESCE(source_group, id) FROM documents WHERE signature IS NOT NULL;
CREATE INDEX doc_sources_group ON doc_sources (source_group);
DROP INDEX documents_source_group;
ALTER TABLE documents DROP COLUMN signature;
ALTER TABLE documents DROP COLUMN source_group;
