-- All stored vectors belong to one embedding model. The row here names it; a program configured with a
-- different model is refused instead of mixing incomparable vectors.
CREATE TABLE embedding_space (
    singleton   boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    model       text NOT NULL,
    dimensions  int NOT NULL CHECK (dimensions > 0),
    created_at  timestamptz NOT NULL DEFAULT now()
);

-- Vectors of texts already embedded, by model and SHA-256 of the exact text.
CREATE TABLE embedding_cache (
    model      text NOT NULL,
    text_hash  bytea NOT NULL,
    embedding  vector(384) NOT NULL,
    PRIMARY KEY (model, text_hash)
);

-- embedded_text_hash: hash of the text the vector was made from; a changed label means a stale vector.
ALTER TABLE skills ADD COLUMN embedding vector(384), ADD COLUMN embedded_text_hash bytea;
ALTER TABLE occupations ADD COLUMN embedding vector(384), ADD COLUMN embedded_text_hash bytea;

CREATE INDEX skills_embedding_hnsw ON skills USING hnsw (embedding vector_cosine_ops);
CREATE INDEX occupations_embedding_hnsw ON occupations USING hnsw (embedding vector_cosine_ops);
