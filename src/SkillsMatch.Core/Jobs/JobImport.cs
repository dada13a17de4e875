using SkillsMatch.Taxonomy;

namespace SkillsMatch.Jobs;

/// <summary>A record that could not be imported: its line and every field problem.</summary>
public sealed record ImportRowError(int Line, IReadOnlyList<FieldError> Errors)
{
    public override string ToString() => $"line {Line}: {string.Join("; ", Errors)}";
}

public sealed record JobImportResult(int Read, int Created, int Updated, IReadOnlyList<ImportRowError> Errors);

/// <summary>
/// Bulk import: good records go through <see cref="JobPipeline"/> and <see cref="JobPostingWriter"/> a batch at a
/// time (one transaction per batch); bad records are reported by line and skipped, never stopping the rest.
/// </summary>
public sealed class JobImport(JobPipeline pipeline, JobPostingWriter writer)
{
    public const int DefaultBatchSize = 64;

    /// <summary>Where the time went, summed over every import this instance ran.</summary>
    public JobImportProfile Profile => pipeline.Profile;

    public async Task<JobImportResult> RunAsync(string path, bool isDemo, IProgress<ImportProgress>? progress, CancellationToken ct, int batchSize = DefaultBatchSize)
    {
        var errors = new List<ImportRowError>();
        var batch = new List<JobPosting>(batchSize);
        int read = 0, created = 0, updated = 0, line = 0;
        // Progress is by physical line, so a CSV record spanning lines still moves the bar the right distance.
        var lines = progress is null ? 0 : await CountLinesAsync(path, ct);
        async Task FlushAsync()
        {
            if (batch.Count == 0) return;
            var processed = await pipeline.ProcessAsync(batch, ct);
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var stored = await writer.SaveAsync(processed, isDemo, owner: null, ct);
            pipeline.Profile.AddStorage(started);
            created += stored.Count(s => s.Created);
            updated += stored.Count(s => !s.Created);
            batch.Clear();
            progress?.Report(new ImportProgress("Importing postings", line, lines));
        }
        await foreach (var record in JobFileReader.ReadAsync(path, ct))
        {
            read++;
            line = record.Line;
            if (record.Parse.Posting is { } posting) batch.Add(posting);
            else errors.Add(new ImportRowError(record.Line, record.Parse.Errors));
            if (batch.Count >= batchSize) await FlushAsync();
        }
        await FlushAsync();
        progress?.Report(new ImportProgress("Importing postings", lines, lines));
        return new JobImportResult(read, created, updated, errors);
    }

    private static async Task<int> CountLinesAsync(string path, CancellationToken ct)
    {
        using var reader = new StreamReader(path);
        var count = 0;
        while (await reader.ReadLineAsync(ct) is not null) count++;
        return count;
    }
}
