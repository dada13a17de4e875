-- Resumable bulk import (docs/jobs.md#bulk-import): one row per import file, keyed by the SHA-256 of its bytes,
-- so a renamed copy resumes and an edited file starts over. lines_done moves in the transaction that stores
-- the batch ending at that line.
CREATE TABLE job_import_files (
    file_sha256   bytea PRIMARY KEY,
    file_name     text NOT NULL,
    lines_done    int NOT NULL DEFAULT 0 CHECK (lines_done >= 0),
    completed_at  timestamptz,
    started_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);

-- The model each posting vector was made with (NULL: before this column, the full-precision model). Posting
-- vectors now come from the int8 model; `skillsmatch jobs reembed` recomputes every vector of another model.
ALTER TABLE job_postings ADD COLUMN embedding_model text;
