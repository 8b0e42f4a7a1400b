-- Documents as read: the cleaned text and its metadata beside the verbatim
-- input, so extraction can be re-run later without the original files.
CREATE TABLE documents (
    id              TEXT PRIMARY KEY,          -- hash of outlet + normalised headline and text
    path            TEXT NOT NULL,
    source_id       TEXT,
    url             TEXT,
    outlet          TEXT,
    wire            TEXT,
    headline        TEXT,
    published       TEXT,
    published_basis TEXT NOT NULL,
    format          TEXT NOT NULL,
    body            TEXT NOT NULL,
    raw             BLOB NOT NULL,
    extracted       TEXT NOT NULL,             -- the document as `sitrep extract` prints it (JSON)
    ingested_at     TEXT NOT NULL,
    seq             INTEGER NOT NULL           -- ingestion order, for stable listings
);
CREATE INDEX documents_published ON documents (published);
CREATE INDEX documents_outlet ON documents (outlet);
CREATE UNIQUE INDEX documents_seq ON documents (seq);
