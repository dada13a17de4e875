using Microsoft.Extensions.Options;

namespace SkillsMatch.Storage;

/// <summary>
/// The connection string the data source opens: the configured one, or the embedded cluster's, started the first time
/// it is asked for (by <see cref="EnsureAsync"/> in the start-up step or a command, or by the data source's first resolution).
/// </summary>
public sealed class DatabaseConnection(IOptions<DatabaseOptions> options)
{
    private readonly Lazy<string> connectionString = new(() =>
        string.IsNullOrWhiteSpace(options.Value.ConnectionString) ? EmbeddedCluster.Ensure(options.Value) : options.Value.ConnectionString);

    public string ConnectionString => connectionString.Value;

    /// <summary>The configured connection string, or the embedded cluster's, started when needed.</summary>
    public Task<string> EnsureAsync(CancellationToken ct) =>
        connectionString.IsValueCreated ? Task.FromResult(connectionString.Value) : Task.Run(() => connectionString.Value, ct);
}
