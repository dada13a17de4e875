using System.Diagnostics;
using SkillsMatch.Storage;

namespace SkillsMatch.Tests.Support;

/// <summary>
/// Clusters of its own for the replication and failover tests, made by scripts/postgres.sh in a temp folder on
/// loopback ports: a primary with hot standbys (<see cref="StartReplicasAsync"/>) or a pg_auto_failover formation
/// (<see cref="StartFormationAsync"/>). Disposing stops every server it started and deletes the folder.
/// </summary>
public sealed class ReplicatedClusters : IAsyncDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("skillsmatch-repl-").FullName;
    private readonly List<string[]> stops = [];

    public const string Name = "repl";

    /// <summary>The primary's connection string, then the standbys' (load-balanced, prefer-standby).</summary>
    public async Task<(string Writers, string Readers)> StartReplicasAsync(int standbys)
    {
        stops.Add(["stop-replicas", "--cluster", Name, "--standbys", standbys.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        var lines = await LinesAsync("replicas", "--cluster", Name, "--standbys", standbys.ToString(System.Globalization.CultureInfo.InvariantCulture), "--database", "skillsmatch");
        return (lines[^2], lines[^1]);
    }

    /// <summary>A connection string naming both nodes, following the primary.</summary>
    public async Task<string> StartFormationAsync()
    {
        stops.Add(["formation-stop", "--cluster", Name]);
        return (await LinesAsync("formation", "--cluster", Name, "--database", "skillsmatch"))[^1];
    }

    /// <summary>Kills one server as a crash would (e.g. "repl-s1", "repl-n1").</summary>
    public Task KillAsync(string cluster) => RunAsync("kill", "--cluster", cluster);

    public async ValueTask DisposeAsync()
    {
        foreach (var stop in stops)
        {
            try { await RunAsync(stop); }
            catch (InvalidOperationException) { } // already down; the folder goes anyway
        }
        Directory.Delete(root, recursive: true);
    }

    /// <summary>The end of each pg_autoctl keeper's log, to say why a formation did not come up.</summary>
    private string KeeperLogs() => string.Concat(Directory.EnumerateFiles(root, "keeper.log", SearchOption.AllDirectories)
        .Select(log => $"\n--- {log}:\n" + string.Join('\n', File.ReadLines(log).TakeLast(15))));

    private async Task<string[]> LinesAsync(params string[] args) =>
        (await RunAsync(args)).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private async Task<string> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(EmbeddedCluster.FindScript());
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["SKILLSMATCH_PG_ROOT"] = root;
        start.Environment.Remove("SKILLSMATCH_PG_PORT");
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"postgres.sh {string.Join(' ', args)} failed: {await stderr}{KeeperLogs()}");
        return await stdout;
    }
}
