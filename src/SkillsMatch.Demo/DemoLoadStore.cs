using Dapper;
using Npgsql;

namespace SkillsMatch.Demo;

/// <summary>
/// The demo loader's bookkeeping (table <c>demo_loads</c>, migration 0010): which parts are in, and one advisory lock so
/// hosts starting together load once — the second waits, then finds the parts done.
/// </summary>
public sealed class DemoLoadStore(NpgsqlDataSource dataSource)
{
    /// <summary>The part recorded once everything is in; a start that finds it loads nothing.</summary>
    public const string Complete = "complete";

    private const string LockKey = "skillsmatch.demo-load";

    /// <summary>Waits for the demo-load lock; disposing the result releases it (it lives on its own connection).</summary>
    public async Task<IAsyncDisposable> LockAsync(CancellationToken ct)
    {
        var conn = await dataSource.OpenConnectionAsync(ct);
        try
        {
            await conn.ExecuteAsync(new CommandDefinition(
                "SELECT pg_advisory_lock(hashtext(@LockKey))", new { LockKey }, commandTimeout: 0, cancellationToken: ct));
        }
        catch
        {
            await conn.DisposeAsync();
            throw;
        }
        return new Held(conn);
    }

    public async Task<IReadOnlyDictionary<string, int>> DonePartsAsync(CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return (await conn.QueryAsync<(string Part, int Items)>(new CommandDefinition("SELECT part, items FROM demo_loads", cancellationToken: ct)))
            .ToDictionary(r => r.Part, r => r.Items, StringComparer.Ordinal);
    }

    public async Task MarkDoneAsync(string part, int items, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition("""
            INSERT INTO demo_loads (part, items) VALUES (@part, @items)
            ON CONFLICT (part) DO UPDATE SET items = excluded.items, loaded_at = now()
            """, new { part, items }, cancellationToken: ct));
    }

    private sealed class Held(NpgsqlConnection conn) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                if (conn.State == System.Data.ConnectionState.Open)
                    await conn.ExecuteAsync("SELECT pg_advisory_unlock(hashtext(@LockKey))", new { LockKey });
            }
            finally
            {
                // Npgsql resets a pooled session (DISCARD ALL) on return, which releases the lock too should the unlock fail.
                await conn.DisposeAsync();
            }
        }
    }
}
