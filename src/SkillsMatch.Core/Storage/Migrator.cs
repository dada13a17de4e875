using System.Globalization;
using Dapper;
using Npgsql;
using DbUp;
using DbUp.Engine.Output;
using Microsoft.Extensions.Logging;

namespace SkillsMatch.Storage;

/// <summary>
/// Applies the numbered scripts in Storage/Migrations in order, each in its own transaction,
/// recording them in <c>schema_versions</c> (DbUp's journal) so a second run is a no-op.
/// </summary>
public sealed class Migrator(ILogger<Migrator> logger)
{
    public const string JournalTable = "schema_versions";

    // Two hosts starting at once (API replicas, parallel tests) must not both run the same script.
    private const long MigrationLockKey = 0x536b696c6c734d;

    public MigrationResult Migrate(string connectionString)
    {
        using var lockConnection = new NpgsqlConnection(connectionString);
        lockConnection.Open();
        lockConnection.Execute("SELECT pg_advisory_lock(@key)", new { key = MigrationLockKey });
        try
        {
            return MigrateUnderLock(connectionString);
        }
        finally
        {
            lockConnection.Execute("SELECT pg_advisory_unlock(@key)", new { key = MigrationLockKey });
        }
    }

    private MigrationResult MigrateUnderLock(string connectionString)
    {
        var upgrader = DeployChanges.To
            .PostgresqlDatabase(connectionString)
            .WithScriptsEmbeddedInAssembly(typeof(Migrator).Assembly, name => name.Contains(".Storage.Migrations.", StringComparison.Ordinal))
            .WithTransactionPerScript()
            .JournalToPostgresqlTable("public", JournalTable)
            .LogTo(new UpgradeLog(logger))
            .Build();

        var result = upgrader.PerformUpgrade();
        if (!result.Successful)
            throw new MigrationException(
                $"Migration {ScriptName(result.ErrorScript?.Name)} failed and was rolled back: {result.Error.Message}", result.Error);
        var applied = result.Scripts.Select(s => ScriptName(s.Name)).ToList();
        if (applied.Count > 0)
            logger.LogInformation("Applied {Count} migration(s): {Migrations}", applied.Count, string.Join(", ", applied));
        return new MigrationResult(applied, upgrader.GetExecutedScripts().Select(ScriptName).ToList());
    }

    /// <summary>Resource names carry the namespace; people know the file name.</summary>
    public static string ScriptName(string? resourceName)
    {
        if (resourceName is null) return "(unknown)";
        const string marker = ".Storage.Migrations.";
        var at = resourceName.IndexOf(marker, StringComparison.Ordinal);
        return at < 0 ? resourceName : resourceName[(at + marker.Length)..];
    }

    private sealed class UpgradeLog(ILogger logger) : IUpgradeLog
    {
        public void LogTrace(string format, params object[] args) => Write(LogLevel.Trace, format, args);
        public void LogDebug(string format, params object[] args) => Write(LogLevel.Debug, format, args);
        // DbUp narrates every step; our own summary line is the one worth an Information entry.
        public void LogInformation(string format, params object[] args) => Write(LogLevel.Debug, format, args);
        public void LogWarning(string format, params object[] args) => Write(LogLevel.Warning, format, args);
        public void LogError(string format, params object[] args) => Write(LogLevel.Error, format, args);

        public void LogError(Exception ex, string format, params object[] args) =>
            logger.Log(LogLevel.Error, ex, "{Migration}", string.Format(CultureInfo.InvariantCulture, format, args));

        private void Write(LogLevel level, string format, object[] args) =>
            logger.Log(level, "{Migration}", string.Format(CultureInfo.InvariantCulture, format, args));
    }
}

public sealed record MigrationResult(IReadOnlyList<string> Applied, IReadOnlyList<string> AllExecuted);

public sealed class MigrationException(string message, Exception inner) : Exception(message, inner);
