using Dapper;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace SkillsMatch.Storage;

/// <summary>Ready means: the database answers and the <c>vector</c> extension is installed in it.</summary>
public sealed class DatabaseHealthCheck(NpgsqlDataSource dataSource) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var conn = await dataSource.OpenConnectionAsync(cancellationToken);
            var version = await conn.QuerySingleOrDefaultAsync<string>(
                new CommandDefinition("SELECT extversion FROM pg_extension WHERE extname = 'vector'", cancellationToken: cancellationToken));
            return version is null
                ? HealthCheckResult.Unhealthy("The database answers but the pgvector extension 'vector' is not installed in it.")
                : HealthCheckResult.Healthy($"PostgreSQL answers; pgvector {version}.",
                    new Dictionary<string, object> { ["pgvector"] = version });
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            // Connections pooled before a restart are dead; drop them so the next probe starts clean.
            dataSource.Clear();
            // The probe's answer is public: the exception stays in the log (data: error), its text never reaches a client.
            return HealthCheckResult.Unhealthy("The database does not answer.", ex);
        }
    }
}
