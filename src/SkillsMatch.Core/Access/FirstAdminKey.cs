using Dapper;
using Npgsql;

namespace SkillsMatch.Access;

/// <summary>A new installation's first key: an admin key when no active one exists (Access:BootstrapKeys).</summary>
public sealed class FirstAdminKey(NpgsqlDataSource dataSource, ApiKeyStore keys)
{
    public const string Label = "first admin";

    /// <summary>The key created now (the caller shows it once), or none when an active admin key exists.</summary>
    public async Task<IReadOnlyList<CreatedApiKey>> EnsureAsync(CancellationToken ct = default)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await LockAsync(conn, ct);
        var created = await EnsureAsync(conn, tx, ct);
        await tx.CommitAsync(ct);
        return created is null ? [] : [created];
    }

    /// <summary>One bootstrap at a time, so two hosts starting together never both create a first admin.</summary>
    public static async Task<NpgsqlTransaction> LockAsync(NpgsqlConnection conn, CancellationToken ct)
    {
        var tx = await conn.BeginTransactionAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_xact_lock(hashtext('skillsmatch.demo-keys'))", transaction: tx, cancellationToken: ct));
        return tx;
    }

    /// <summary>Inside the transaction of <see cref="LockAsync"/>.</summary>
    public async Task<CreatedApiKey?> EnsureAsync(NpgsqlConnection conn, NpgsqlTransaction tx, CancellationToken ct) =>
        await conn.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT EXISTS (SELECT 1 FROM api_keys WHERE role = 'admin' AND revoked_at IS NULL)", transaction: tx, cancellationToken: ct))
            ? null
            : await keys.CreateAsync(new NewApiKey(Role.Admin, Label: Label), ct);
}
