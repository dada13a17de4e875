using System.Diagnostics;
using System.Threading.Channels;
using SkillsMatch.Taxonomy;

namespace SkillsMatch.Jobs;

/// <summary>A record that could not be imported: its line and every field problem.</summary>
public sealed record ImportRowError(int Line, IReadOnlyList<FieldError> Errors)
{
    public override string ToString() => $"line {Line}: {string.Join("; ", Errors)}";
}

/// <param name="ResumedAfterLine">Lines a previous, interrupted run of the same file had already done (skipped here).</param>
public sealed record JobImportResult(int Read, int Created, int Updated, IReadOnlyList<ImportRowError> Errors, int ResumedAfterLine = 0);

/// <summary>
/// Bulk import as a pipeline with bounded memory: the file is read and parsed on one task, postings go in small
/// work batches to <see cref="JobImportOptions.Workers"/> workers (extraction, posting vectors in one embedding call
/// per work batch, occupations: <see cref="JobPipeline"/>), and one task stores them in file order, a batch per
/// transaction with binary COPY, moving the file's checkpoint in the same transaction (<see cref="ImportCheckpoint"/>).
/// At most a few work batches per worker are in flight, whatever the file's size. Bad records are reported by line
/// and skipped, never stopping the rest. A cancelled import resumes after its last stored batch.
/// </summary>
public sealed class JobImport(JobPipeline pipeline, JobPostingWriter writer, ImportCheckpointStore checkpoints)
{
    public const int DefaultBatchSize = 64;

    /// <summary>Where the time went, summed over every import this instance ran.</summary>
    public JobImportProfile Profile => pipeline.Profile;

    public async Task<JobImportResult> RunAsync(string path, JobImportOptions options, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Workers, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.BatchSize, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.WorkBatchSize, 1, nameof(options));
        var hash = await ImportCheckpointStore.HashAsync(path, ct);
        var (resumeAfter, _) = await checkpoints.StartAsync(hash, Path.GetFileName(path), restart: !options.Resume, ct);
        var lines = options.Progress is null ? 0 : await CountLinesAsync(path, ct);
        options.Progress?.Report(new ImportProgress("Importing postings", resumeAfter, lines));

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var token = linked.Token;
        // In flight at once: what waits for a worker, what the workers hold, and what waits to be stored in order.
        var window = new SemaphoreSlim(4 * options.Workers);
        var toProcess = Channel.CreateBounded<WorkBatch>(new BoundedChannelOptions(2 * options.Workers) { SingleWriter = true });
        var processed = Channel.CreateUnbounded<(WorkBatch Batch, IReadOnlyList<ProcessedPosting> Postings)>(new UnboundedChannelOptions { SingleReader = true });
        var errors = new List<ImportRowError>();
        var read = 0;
        var lastLine = resumeAfter;

        async Task ReadAsync()
        {
            try
            {
                var sequence = 0;
                var postings = new List<(int Line, JobPosting Posting)>(options.WorkBatchSize);
                async Task SendAsync()
                {
                    if (postings.Count == 0) return;
                    await window.WaitAsync(token);
                    await toProcess.Writer.WriteAsync(new WorkBatch(sequence++, [.. postings]), token);
                    postings.Clear();
                }
                await foreach (var record in JobFileReader.ReadAsync(path, token))
                {
                    lastLine = record.Line;
                    if (record.Line <= resumeAfter) continue;
                    read++;
                    if (record.Parse.Posting is { } posting) postings.Add((record.Line, posting));
                    else
                    {
                        var error = new ImportRowError(record.Line, record.Parse.Errors);
                        errors.Add(error);
                        options.OnRejected?.Invoke(error);
                    }
                    if (postings.Count >= options.WorkBatchSize) await SendAsync();
                }
                await SendAsync();
                toProcess.Writer.Complete();
            }
            catch (Exception ex)
            {
                toProcess.Writer.Complete(ex);
                throw;
            }
        }

        async Task WorkAsync()
        {
            await foreach (var batch in toProcess.Reader.ReadAllAsync(token))
                await processed.Writer.WriteAsync((batch, await pipeline.ProcessAsync([.. batch.Postings.Select(p => p.Posting)], token, parallelism: 1)), token);
        }

        int created = 0, updated = 0;
        async Task StoreAsync()
        {
            var waiting = new Dictionary<int, (WorkBatch Batch, IReadOnlyList<ProcessedPosting> Postings)>();
            var pending = new List<ProcessedPosting>(options.BatchSize + options.WorkBatchSize);
            var next = 0;
            var pendingLine = 0;
            async Task FlushAsync()
            {
                if (pending.Count == 0) return;
                var started = Stopwatch.GetTimestamp();
                var stored = await writer.SaveAsync(pending, options.IsDemo, owner: null, token, new ImportCheckpoint(hash, Path.GetFileName(path), pendingLine));
                pipeline.Profile.AddStorage(started);
                created += stored.Count(s => s.Created);
                updated += stored.Count(s => !s.Created);
                pending.Clear();
                options.Progress?.Report(new ImportProgress("Importing postings", pendingLine, lines));
            }
            await foreach (var done in processed.Reader.ReadAllAsync(token))
            {
                waiting[done.Batch.Sequence] = done;
                // Stored in file order, so the checkpoint (the last stored line) never passes a posting not yet stored.
                while (waiting.Remove(next, out var inOrder))
                {
                    next++;
                    pending.AddRange(inOrder.Postings);
                    pendingLine = inOrder.Batch.Postings[^1].Line;
                    window.Release();
                    if (pending.Count >= options.BatchSize) await FlushAsync();
                }
            }
            await FlushAsync();
        }

        // A stage that fails stops the others, so none waits for ever on a window or a channel the failed one held.
        Task Stage(Func<Task> run) => Task.Run(async () =>
        {
            try { await run(); }
            catch { await linked.CancelAsync(); throw; }
        }, CancellationToken.None);
        var workers = Enumerable.Range(0, options.Workers).Select(_ => Stage(WorkAsync)).ToArray();
        var processing = Task.WhenAll(workers).ContinueWith(t => processed.Writer.Complete(t.Exception?.InnerException), TaskScheduler.Default);
        var stages = new[] { Stage(ReadAsync), Stage(StoreAsync) };
        try
        {
            await Task.WhenAll([.. stages, .. workers]);
        }
        catch
        {
            await linked.CancelAsync();
            await Task.WhenAll([.. stages, .. workers, processing]).ContinueWith(_ => { }, TaskScheduler.Default);
            ct.ThrowIfCancellationRequested();
            throw;
        }
        await processing;
        await checkpoints.CompleteAsync(hash, lastLine, ct);
        options.Progress?.Report(new ImportProgress("Importing postings", lines, lines));
        return new JobImportResult(read, created, updated, errors, resumeAfter);
    }

    private sealed record WorkBatch(int Sequence, List<(int Line, JobPosting Posting)> Postings);

    private static async Task<int> CountLinesAsync(string path, CancellationToken ct)
    {
        using var reader = new StreamReader(path);
        var count = 0;
        while (await reader.ReadLineAsync(ct) is not null) count++;
        return count;
    }
}
