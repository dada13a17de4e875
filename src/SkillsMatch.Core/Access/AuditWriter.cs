using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using System.Threading.Channels;

namespace SkillsMatch.Access;

/// <summary>
/// Writes audit entries in the background: requests only enqueue (a bounded channel; when 10 000 entries are
/// waiting, requests wait too rather than lose an entry), and one reader writes batches by COPY. On shutdown the
/// channel is closed and everything queued is written before the host stops. While the database is down a batch
/// is retried; it is dropped (and the loss logged) only if the database is still down at shutdown.
/// </summary>
public sealed class AuditWriter(AuditStore store, ILogger<AuditWriter> logger) : BackgroundService
{
    private const int MaxBatch = 500;
    private readonly Channel<AuditEntry> queue = Channel.CreateBounded<AuditEntry>(
        new BoundedChannelOptions(10_000) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    public ValueTask RecordAsync(AuditEntry entry, CancellationToken ct) =>
        queue.Writer.TryWrite(entry) ? ValueTask.CompletedTask : queue.Writer.WriteAsync(entry, ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<AuditEntry>(MaxBatch);
        // Reads until the channel is closed at shutdown, not until stoppingToken: what is queued gets written.
        while (await queue.Reader.WaitToReadAsync(CancellationToken.None))
        {
            while (batch.Count < MaxBatch && queue.Reader.TryRead(out var entry)) batch.Add(entry);
            await WriteAsync(batch, stoppingToken);
            batch.Clear();
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        queue.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
    }

    private async Task WriteAsync(List<AuditEntry> batch, CancellationToken stoppingToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await store.WriteAsync(batch, CancellationToken.None);
                return;
            }
            catch (Exception ex) when (ex is Npgsql.NpgsqlException or TimeoutException)
            {
                if (stoppingToken.IsCancellationRequested)
                {
                    logger.LogError(ex, "Audit log: {Count} entries could not be written before shutdown", batch.Count);
                    return;
                }
                logger.LogWarning(ex, "Audit log: writing {Count} entries failed (attempt {Attempt}); retrying", batch.Count, attempt);
                try { await Task.Delay(TimeSpan.FromSeconds(Math.Min(attempt, 5)), stoppingToken); }
                catch (OperationCanceledException) { }
            }
        }
    }
}
