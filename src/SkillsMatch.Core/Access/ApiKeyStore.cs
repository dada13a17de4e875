using Dapper;
using Npgsql;

namespace SkillsMatch.Access;

/// <summary>Every query about API keys.</summary>
public sealed class ApiKeyStore(NpgsqlDataSource dataSource)
{
    private const string Columns = """
        id AS Id, prefix AS Prefix, role AS Role, learner_id AS LearnerId, subject AS Subject, label AS Label,
        created_at AS CreatedAt, revoked_at AS RevokedAt, last_used_at AS LastUsedAt
        """;

    /// <summary>Creates a key; the returned secret is the only copy there will ever be.</summary>
    public async Task<CreatedApiKey> CreateAsync(NewApiKey request, CancellationToken ct = default)
    {
        var (prefix, secret) = ApiKeySecret.Generate();
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        var row = await conn.QuerySingleAsync<Row>(new CommandDefinition($"""
            INSERT INTO api_keys (prefix, key_hash, role, learner_id, subject, label)
            VALUES (@prefix, @hash, @role, @LearnerId, @Subject, @Label)
            RETURNING {Columns}
            """, new { prefix, hash = ApiKeySecret.Hash(secret), role = request.Role.Name(), request.LearnerId, request.Subject, request.Label },
            cancellationToken: ct));
        return new CreatedApiKey(row.ToKey(), secret);
    }

    /// <summary>The active key a presented secret belongs to, or null (unknown, wrong secret or revoked).</summary>
    public async Task<ApiKey?> FindActiveAsync(string secret, CancellationToken ct = default)
    {
        if (ApiKeySecret.PrefixOf(secret) is not { } prefix) return null;
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        var row = await conn.QuerySingleOrDefaultAsync<Row>(new CommandDefinition($"""
            SELECT {Columns}, key_hash AS KeyHash FROM api_keys WHERE prefix = @prefix AND revoked_at IS NULL
            """, new { prefix }, cancellationToken: ct));
        return row is not null && ApiKeySecret.Matches(secret, row.KeyHash!) ? row.ToKey() : null;
    }

    /// <summary>Records use at minute granularity: one small write per key per minute, not per request.</summary>
    public async Task TouchAsync(Guid id, CancellationToken ct = default)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition("""
            UPDATE api_keys SET last_used_at = now()
            WHERE id = @id AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')
            """, new { id }, cancellationToken: ct));
    }

    /// <summary>Whether key <paramref name="id"/> exists and is not revoked (a web session stays valid only while its key does).</summary>
    public async Task<bool> IsActiveAsync(Guid id, CancellationToken ct = default)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return await conn.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT EXISTS (SELECT 1 FROM api_keys WHERE id = @id AND revoked_at IS NULL)", new { id }, cancellationToken: ct));
    }

    public Task<IReadOnlyList<ApiKey>> ListAsync(bool includeRevoked, int limit, CancellationToken ct = default) =>
        ListAsync(includeRevoked, limit, null, ct);

    /// <param name="search">When given, only keys whose prefix, role, subject or label contains it (any case).</param>
    public async Task<IReadOnlyList<ApiKey>> ListAsync(bool includeRevoked, int limit, string? search, CancellationToken ct = default)
    {
        var like = string.IsNullOrWhiteSpace(search) ? null : "%" + search.Trim().Replace(@"\", @"\\", StringComparison.Ordinal)
            .Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal) + "%";
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        var rows = await conn.QueryAsync<Row>(new CommandDefinition($"""
            SELECT {Columns} FROM api_keys
             WHERE (@includeRevoked OR revoked_at IS NULL)
               AND (@like::text IS NULL OR prefix ILIKE @like OR role ILIKE @like OR subject ILIKE @like OR label ILIKE @like)
             ORDER BY created_at DESC, id LIMIT @limit
            """, new { includeRevoked, limit, like }, cancellationToken: ct));
        return rows.Select(r => r.ToKey()).ToList();
    }

    /// <summary>Revokes a key (idempotent); null when there is no such key.</summary>
    public async Task<ApiKey?> RevokeAsync(Guid id, CancellationToken ct = default)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        var row = await conn.QuerySingleOrDefaultAsync<Row>(new CommandDefinition($"""
            UPDATE api_keys SET revoked_at = coalesce(revoked_at, now()) WHERE id = @id RETURNING {Columns}
            """, new { id }, cancellationToken: ct));
        return row?.ToKey();
    }

    /// <summary>Whether an active key of this role speaks for this subject (e.g. a practitioner a learner names).</summary>
    public async Task<bool> SubjectExistsAsync(Role role, string subject, CancellationToken ct = default)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return await conn.ExecuteScalarAsync<bool>(new CommandDefinition("""
            SELECT EXISTS (SELECT 1 FROM api_keys WHERE role = @role AND subject = @subject AND revoked_at IS NULL)
            """, new { role = role.Name(), subject }, cancellationToken: ct));
    }

    private sealed class Row
    {
        public Guid Id { get; init; }
        public string Prefix { get; init; } = "";
        public string Role { get; init; } = "";
        public Guid? LearnerId { get; init; }
        public string? Subject { get; init; }
        public string? Label { get; init; }
        public DateTime CreatedAt { get; init; }
        public DateTime? RevokedAt { get; init; }
        public DateTime? LastUsedAt { get; init; }
        public byte[]? KeyHash { get; init; }

        public ApiKey ToKey() => new(Id, Prefix, Roles.Parse(Role), LearnerId, Subject, Label, CreatedAt, RevokedAt, LastUsedAt);
    }
}
