using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SkillsMatch.Demo;

/// <summary>
/// Stores the demo postings once the API listens and completes the demo load. Stopped midway (Ctrl-C), the stored batches
/// stay and the next start adds the rest; a failure is logged, never stops the API.
/// </summary>
internal sealed class DemoPostingsLoad(
    IServiceProvider services, IOptions<DemoOptions> options, IHostApplicationLifetime lifetime, ILogger<DemoPostingsLoad> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.LoadOnStart || !options.Value.PostingsInBackground) return;
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        using (stoppingToken.Register(() => started.TrySetCanceled(stoppingToken)))
        {
            try { await started.Task; }
            catch (OperationCanceledException) { return; }
        }
        try
        {
            await services.GetRequiredService<DemoLoader>().LoadAsync(services.GetRequiredService<DemoDataSet>(), deferPostings: false, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            logger.LogInformation("demo data: stopped before every posting was stored; the next start adds the rest");
        }
#pragma warning disable CA1031 // The API keeps serving without the demo postings; the log says why and the next start retries.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            logger.LogError(ex, "demo data: storing the postings failed; the next start tries again");
        }
    }
}
