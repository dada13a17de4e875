namespace SkillsMatch.Storage;

/// <summary>Where SkillsMatch keeps its data. An empty connection string means the embedded local cluster.</summary>
public sealed record DatabaseOptions
{
    public const string ConnectionStringName = "SkillsMatch";

    public string? ConnectionString { get; set; }

    /// <summary>Cluster name passed to <c>scripts/postgres.sh --cluster</c> when no connection string is set.</summary>
    public string EmbeddedCluster { get; init; } = "run";

    /// <summary>Database created in the embedded cluster.</summary>
    public string EmbeddedDatabase { get; init; } = "skillsmatch";

    /// <summary>Path of <c>scripts/postgres.sh</c>; found by walking up from the program folder when empty.</summary>
    public string? EmbeddedScript { get; init; }

    /// <summary>Apply pending migrations when the program starts.</summary>
    public bool MigrateOnStart { get; init; } = true;
}
