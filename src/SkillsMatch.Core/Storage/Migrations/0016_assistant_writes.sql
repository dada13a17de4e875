-- Keys whose owner let assistants (MCP tools, POST /assistant/chat) use the tools that change data.
-- No row: the key's assistant tools only read. Goes with the key (revocation keeps the row; the key is refused anyway).
CREATE TABLE assistant_write_grants (
    key_id     uuid PRIMARY KEY REFERENCES api_keys (id) ON DELETE CASCADE,
    enabled_at timestamptz NOT NULL DEFAULT now()
);
