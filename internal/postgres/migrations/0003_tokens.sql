-- API tokens for write access. Only a SHA-256 of each token is kept: a
-- copy of the database does not give anyone write access.
CREATE TABLE api_tokens (
    hash       TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    created_at TEXT NOT NULL
);
