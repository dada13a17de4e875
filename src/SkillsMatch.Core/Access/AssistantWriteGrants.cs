using Dapper;
using Npgsql;

namespace SkillsMatch.Access;

/// <summary>
/// Which keys' owners let assistants use the tools that change data. Read on every assistant request (no cache), so
/// turning it off applies to the next tool call.
/// </summary>
public sealed class AssistantWriteGrants(NpgsqlDataSource dataSource)
{
    public async Task<bool> IsEnabledAsync(Guid keyId, CancellationToken ct = default)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return await conn.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT EXISTS (SELECT 1 FROM assistant_write_grants WHERE key_id = @keyId)", new { keyId }, cancellationToken: ct));
    }

    public async Task SetAsync(Guid keyId, bool enabled, CancellationToken ct = default)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition(enabled
                ? "INSERT INTO assistant_write_grants (key_id) VALUES (@keyId) ON CONFLICT (key_id) DO NOTHING"
                : "DELETE FROM assistant_write_grants WHERE key_id = @keyId",
            new { keyId }, cancellationToken: ct));
    }
}
