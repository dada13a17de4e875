using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using SkillsMatch.Storage;

namespace SkillsMatch.Tests.Support;

/// <summary>
/// A private PostgreSQL cluster of its own (temp folder, free port) for tests that stop and start the
/// server; stopping the shared test cluster would break every other test running at the same time.
/// </summary>
public sealed class ThrowawayCluster : IAsyncDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("skillsmatch-pg-").FullName;
    private readonly int port = FreePort();

    public string ConnectionString { get; private set; } = "";

    public static async Task<ThrowawayCluster> StartAsync()
    {
        var cluster = new ThrowawayCluster();
        cluster.ConnectionString = (await cluster.RunAsync("ensure", "--database", "skillsmatch")).Trim().Split('\n')[^1];
        return cluster;
    }

    public Task StopAsync() => RunAsync("stop");

    public Task StartAgainAsync() => RunAsync("start");

    public async ValueTask DisposeAsync()
    {
        await RunAsync("stop");
        Directory.Delete(root, recursive: true);
    }

    private async Task<string> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(EmbeddedCluster.FindScript());
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.ArgumentList.Add("--cluster");
        start.ArgumentList.Add("throwaway");
        start.Environment["SKILLSMATCH_PG_ROOT"] = root;
        start.Environment["SKILLSMATCH_PG_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"postgres.sh {string.Join(' ', args)} failed: {await stderr}");
        return await stdout;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
