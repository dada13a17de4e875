using Microsoft.Extensions.Options;

namespace SkillsMatch.Storage;

/// <summary>
/// The connection string the data source opens: the configured one, or the embedded cluster's once
/// <see cref="EnsureAsync"/> has started it (the cluster is a process to start, so it is not done while registering services).
/// </summary>
public sealed class DatabaseConnection(IOptions<DatabaseOptions> options)
{
    private string? resolved;

    public string ConnectionString => resolved
        ?? (string.IsNullOrWhiteSpace(options.Value.ConnectionString) ? null : options.Value.ConnectionString)
        ?? throw new InvalidOperationException(
            "No connection string is configured and the embedded cluster is not started yet: call DatabaseConnection.EnsureAsync first.");

    /// <summary>The configured connection string, or the embedded cluster's, started when needed.</summary>
    public async Task<string> EnsureAsync(CancellationToken ct) =>
        resolved ??= await Database.ResolveConnectionStringAsync(options.Value, ct);
}
