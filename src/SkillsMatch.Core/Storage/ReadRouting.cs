using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Dapper;
using Npgsql;

namespace SkillsMatch.Storage;

/// <summary>
/// Where matching and search reads go. With a readers' connection string (<c>ConnectionStrings:SkillsMatchReads</c>,
/// several standbys with <c>Load Balance Hosts=true;Target Session Attributes=prefer-standby</c>) they go to the
/// hot standbys; writes always use the primary's <see cref="NpgsqlDataSource"/>. Read-your-writes: after a caller's
/// write the API remembers the primary's WAL position (<see cref="RememberWriteAsync"/>); that caller's next reads
/// (<see cref="RequireReplayed"/>) use a standby only once it has replayed up to there, else the primary.
/// With no readers' connection string every read uses the primary, as before.
/// </summary>
public sealed class ReadRouting(NpgsqlDataSource primary, NpgsqlDataSource? standbys = null)
{
    /// <summary>How long a write is remembered; far above any replay lag a healthy standby shows (milliseconds).</summary>
    public static readonly TimeSpan WriteMemory = TimeSpan.FromSeconds(30);

    public const string MeterName = "SkillsMatch.Storage";

    private static readonly Meter Meter = new(MeterName);
    private static readonly Counter<long> Reads = Meter.CreateCounter<long>("skillsmatch.db.reads",
        description: "Read connections opened for matching and search, by where they went (standby, primary, primary_for_read_your_writes)");

    private static readonly AsyncLocal<string?> RequiredLsn = new();

    private readonly ConcurrentDictionary<string, (string Lsn, DateTimeOffset Until)> writes = new(StringComparer.Ordinal);

    /// <summary>A single data source is its own read route (no standbys): what tests and the bench pass.</summary>
    public static implicit operator ReadRouting(NpgsqlDataSource dataSource) => new(dataSource);

    public NpgsqlDataSource Primary => primary;

    /// <summary>The standbys' data source, or the primary's when none is configured.</summary>
    public NpgsqlDataSource Standbys => standbys ?? primary;

    public bool HasStandbys => standbys is not null;

    /// <summary>A connection for a read: a standby that has replayed the caller's last write, else the primary.</summary>
    public async Task<NpgsqlConnection> OpenAsync(CancellationToken ct)
    {
        if (standbys is null) return await primary.OpenConnectionAsync(ct);
        var connection = await standbys.OpenConnectionAsync(ct);
        if (RequiredLsn.Value is not { } lsn)
        {
            Reads.Add(1, new KeyValuePair<string, object?>("target", "standby"));
            return connection;
        }
        // prefer-standby falls back to the primary when no standby answers; a primary has every write.
        var replayed = await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT NOT pg_is_in_recovery() OR pg_last_wal_replay_lsn() >= @lsn::pg_lsn", new { lsn }, cancellationToken: ct));
        if (replayed)
        {
            Reads.Add(1, new KeyValuePair<string, object?>("target", "standby"));
            return connection;
        }
        await connection.DisposeAsync();
        Reads.Add(1, new KeyValuePair<string, object?>("target", "primary_for_read_your_writes"));
        return await primary.OpenConnectionAsync(ct);
    }

    /// <summary>After a write acknowledged to <paramref name="writers"/> (a key id, a learner id): remember where the WAL was.</summary>
    public async Task RememberWriteAsync(IEnumerable<string> writers, CancellationToken ct)
    {
        if (standbys is null) return;
        await using var connection = await primary.OpenConnectionAsync(ct);
        var lsn = await connection.ExecuteScalarAsync<string>(new CommandDefinition("SELECT pg_current_wal_lsn()::text", cancellationToken: ct));
        var until = DateTimeOffset.UtcNow + WriteMemory;
        foreach (var writer in writers) writes[writer] = (lsn!, until);
        if (writes.Count > 100_000) Prune();
    }

    /// <summary>
    /// For the rest of the current request (async flow), reads need a standby that has replayed the last remembered
    /// write of any of <paramref name="readers"/>. Returns whether such a write was remembered.
    /// </summary>
    public bool RequireReplayed(IEnumerable<string> readers)
    {
        string? highest = null;
        var now = DateTimeOffset.UtcNow;
        foreach (var reader in readers)
        {
            if (!writes.TryGetValue(reader, out var write)) continue;
            if (write.Until < now) { writes.TryRemove(reader, out _); continue; }
            if (highest is null || Lsn(write.Lsn) > Lsn(highest)) highest = write.Lsn;
        }
        RequiredLsn.Value = highest;
        return highest is not null;
    }

    /// <summary>After a standby failed under a read: close its idle connections so a retry opens fresh ones.</summary>
    public void ForgetIdleStandbyConnections() => standbys?.Clear();

    private void Prune()
    {
        var now = DateTimeOffset.UtcNow;
        foreach (var (key, value) in writes)
            if (value.Until < now) writes.TryRemove(key, out _);
    }

    /// <summary>A pg_lsn's text (<c>16/B374D848</c>) as a number, to compare two of them.</summary>
    private static ulong Lsn(string text)
    {
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        return (Convert.ToUInt64(text[..slash], 16) << 32) | Convert.ToUInt64(text[(slash + 1)..], 16);
    }
}
