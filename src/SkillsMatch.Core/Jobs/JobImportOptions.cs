using SkillsMatch.Taxonomy;

namespace SkillsMatch.Jobs;

/// <summary>How a bulk import runs (<see cref="JobImport"/>).</summary>
public sealed record JobImportOptions
{
    public bool IsDemo { get; init; }

    /// <summary>Lines done of lines in the file, reported after each stored batch.</summary>
    public IProgress<ImportProgress>? Progress { get; init; }

    /// <summary>Each rejected record as soon as it is read (the result lists them too).</summary>
    public Action<ImportRowError>? OnRejected { get; init; }

    /// <summary>Postings stored per transaction (one binary COPY per table) and per checkpoint.</summary>
    public int BatchSize { get; init; } = JobImport.DefaultBatchSize;

    /// <summary>Postings a worker extracts, embeds (one embedding call) and classifies together.</summary>
    public int WorkBatchSize { get; init; } = 8;

    /// <summary>Workers extracting, embedding and classifying at once; one per core keeps every core busy.</summary>
    public int Workers { get; init; } = Environment.ProcessorCount;

    /// <summary>False: start at line 1 even when the file's checkpoint says part (or all) of it is stored.</summary>
    public bool Resume { get; init; } = true;
}
