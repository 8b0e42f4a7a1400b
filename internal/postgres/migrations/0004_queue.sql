-- Work queue: raw inputs waiting for the pipeline. Workers on any machine
-- claim rows with SELECT ... FOR UPDATE SKIP LOCKED; a claim is a lease
-- (lease_until) so that a crashed worker's items are taken up again.
-- id is a content hash of path and bytes: enqueuing the same input twice
-- queues it once. Ordering is (enqueued_at, path, id): no sequence needed.
CREATE TABLE queue (
    id          TEXT COLLATE "C" PRIMARY KEY,
    path        TEXT NOT NULL,
    raw         BYTEA NOT NULL,
    state       TEXT NOT NULL,            -- pending | running | done | failed
    attempts    INTEGER NOT NULL DEFAULT 0,
    last_error  TEXT NOT NULL DEFAULT '',
    enqueued_at TIMESTAMPTZ NOT NULL,
    lease_until TIMESTAMPTZ,
    done_at     TIMESTAMPTZ,
    documents   INTEGER NOT NULL DEFAULT 0 -- documents the input gave
);
CREATE INDEX queue_claim ON queue (state, enqueued_at, path, id);

-- Feed polling state for `sitrep watch`: the validators of the last
-- response (for conditional requests) and the error backoff.
CREATE TABLE feeds (
    url           TEXT PRIMARY KEY,
    etag          TEXT NOT NULL DEFAULT '',
    last_modified TEXT NOT NULL DEFAULT '',
    failures      INTEGER NOT NULL DEFAULT 0,
    next_poll     TIMESTAMPTZ,
    checked_at    TIMESTAMPTZ
);
