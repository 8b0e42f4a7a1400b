-- Source groups: documents that are copies of one story (MinHash over the
-- body) share a group, named by its smallest document id.
ALTER TABLE documents ADD COLUMN signature BYTEA;
ALTER TABLE documents ADD COLUMN source_group TEXT COLLATE "C";
CREATE INDEX documents_source_group ON documents (source_group);

-- Locality-sensitive hashing bands of each signature: documents sharing a
-- band are compared.
CREATE TABLE document_bands (
    band_key BIGINT NOT NULL,
    doc_id   TEXT COLLATE "C" NOT NULL REFERENCES documents (id),
    PRIMARY KEY (band_key, doc_id)
);

-- One row per event of a stored document, with the fields merging and
-- filtering need as columns and the whole event as JSON.
CREATE TABLE events (
    doc_id         TEXT COLLATE "C" NOT NULL REFERENCES documents (id),
    idx            INTEGER NOT NULL,
    event_type     TEXT NOT NULL,
    sub_event_type TEXT NOT NULL,
    date           TEXT COLLATE "C",
    date_end       TEXT COLLATE "C",
    place          TEXT,
    country        TEXT,
    actor1         TEXT,
    actor2         TEXT,
    claimed_by     TEXT,
    modality       TEXT,
    body           TEXT NOT NULL,
    incident_id    TEXT COLLATE "C",
    PRIMARY KEY (doc_id, idx)
);
CREATE INDEX events_window ON events (event_type, date);
CREATE INDEX events_incident ON events (incident_id);

-- Incidents: merged events. Columns serve the filters; body is the JSON
-- that `sitrep events` prints.
CREATE TABLE incidents (
    id                  TEXT COLLATE "C" PRIMARY KEY,
    event_type          TEXT NOT NULL,
    sub_event_type      TEXT NOT NULL,
    date                TEXT COLLATE "C",
    date_end            TEXT COLLATE "C",
    place               TEXT,
    admin1              TEXT,
    country             TEXT,
    actors              TEXT,          -- actor1 and actor2, newline-separated, for filtering
    status              TEXT NOT NULL,
    independent_sources INTEGER NOT NULL,
    reports             INTEGER NOT NULL,
    body                TEXT NOT NULL
);
CREATE INDEX incidents_date ON incidents (date);

CREATE TABLE incident_outlets (
    incident_id TEXT COLLATE "C" NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
    outlet      TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (incident_id, outlet)
);
CREATE INDEX incident_outlets_outlet ON incident_outlets (outlet);
