-- Documents as read: the cleaned text and its metadata beside the verbatim
-- input, so extraction can be re-run later without the original files.
-- Text keys and dates use the "C" collation so that comparisons and
-- orderings are byte-wise, as in the SQLite store, whatever the server's
-- locale: both stores must list the same incidents in the same order.
CREATE TABLE documents (
    id              TEXT COLLATE "C" PRIMARY KEY, -- hash of outlet + normalised headline and text
    path            TEXT NOT NULL,
    source_id       TEXT,
    url             TEXT,
    outlet          TEXT COLLATE "C",
    wire            TEXT,
    headline        TEXT,
    published       TEXT COLLATE "C",
    published_basis TEXT NOT NULL,
    format          TEXT NOT NULL,
    body            TEXT NOT NULL,
    raw             BYTEA NOT NULL,
    extracted       TEXT NOT NULL,                -- the document as `sitrep extract` prints it (JSON)
    ingested_at     TEXT NOT NULL,
    seq             BIGINT NOT NULL,              -- ingestion order, for stable listings
    search          TSVECTOR NOT NULL             -- headline (weight A) and body (B), 'simple' configuration
);
CREATE INDEX documents_published ON documents (published);
CREATE INDEX documents_outlet ON documents (outlet);
CREATE UNIQUE INDEX documents_seq ON documents (seq);
CREATE INDEX documents_search ON documents USING GIN (search);
