using System.Diagnostics;

namespace SkillsMatch.Cli.Load;

/// <summary>Stops the embedded PostgreSQL cluster for a while in the middle of a load run, then starts it again.</summary>
public sealed class FaultInjector(string postgresScript, string cluster)
{
    public async Task<FaultTimeline> RunAsync(TimeSpan after, TimeSpan outage, CancellationToken ct)
    {
        await Task.Delay(after, ct);
        var stopped = DateTimeOffset.UtcNow;
        await RunScriptAsync("stop", ct);
        await Task.Delay(outage, ct);
        await RunScriptAsync("start", ct);
        return new FaultTimeline(stopped, DateTimeOffset.UtcNow);
    }

    private async Task RunScriptAsync(string verb, CancellationToken ct)
    {
        using var process = Process.Start(new ProcessStartInfo(postgresScript, [verb, "--cluster", cluster])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new CliException($"could not run {postgresScript}");
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0)
            throw new CliException($"{postgresScript} {verb} --cluster {cluster} failed: {await process.StandardError.ReadToEndAsync(ct)}");
    }
}

public sealed record FaultTimeline(DateTimeOffset Stopped, DateTimeOffset Restarted);
