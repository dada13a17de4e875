using System.Diagnostics;

namespace SkillsMatch.Bench.Load;

/// <summary>Stops the embedded PostgreSQL cluster for a while in the middle of a load run, then starts it again.</summary>
public sealed class FaultInjector(string postgresScript, string cluster)
{
    public async Task<FaultTimeline?> RunAsync(TimeSpan after, TimeSpan outage, CancellationToken ct)
    {
        await Task.Delay(after, ct);
        var stopped = DateTimeOffset.UtcNow;
        DateTimeOffset down, startAsked;
        try
        {
            await RunScriptAsync("stop", ct);
            down = DateTimeOffset.UtcNow;
            await Task.Delay(outage, ct);
        }
        finally
        {
            // Whatever happened above, the cluster is started again: a load run never leaves the database down.
            startAsked = DateTimeOffset.UtcNow;
            await RunScriptAsync("start", CancellationToken.None);
        }
        return new FaultTimeline(stopped, down, startAsked, DateTimeOffset.UtcNow);
    }

    private async Task RunScriptAsync(string verb, CancellationToken ct)
    {
        using var process = Process.Start(new ProcessStartInfo(postgresScript, [verb, "--cluster", cluster])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new CliException($"could not run {postgresScript}");
        var error = process.StandardError.ReadToEndAsync(ct);
        await process.StandardOutput.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0)
            throw new CliException($"{postgresScript} {verb} --cluster {cluster} failed: {await error}");
    }
}

/// <param name="Stopped">When the stop was asked for.</param>
/// <param name="Down">When the cluster had stopped (fast shutdown: open sessions are ended).</param>
/// <param name="StartAsked">When the start was asked for.</param>
/// <param name="Up">When the cluster accepted connections again.</param>
public sealed record FaultTimeline(DateTimeOffset Stopped, DateTimeOffset Down, DateTimeOffset StartAsked, DateTimeOffset Up);
