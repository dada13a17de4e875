using System.Diagnostics;

namespace SkillsMatch.Storage;

/// <summary>
/// The private PostgreSQL + pgvector cluster that <c>scripts/postgres.sh</c> installs, initialises and starts.
/// The script is the single owner of installation logic; this class only asks it for a running cluster.
/// </summary>
public static class EmbeddedCluster
{
    public static Task<string> EnsureAsync(DatabaseOptions options, CancellationToken ct = default) => Task.Run(() => Ensure(options), ct);

    /// <summary>
    /// Synchronous, because the data source may be first resolved inside a service factory (the host resolves every
    /// hosted service before it starts any); it runs once per process.
    /// </summary>
    public static string Ensure(DatabaseOptions options)
    {
        var script = options.EmbeddedScript is { Length: > 0 } configured ? configured : FindScript();
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { script, "ensure", "--cluster", options.EmbeddedCluster, "--database", options.EmbeddedDatabase })
            start.ArgumentList.Add(arg);

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start bash to run " + script);
        var stderr = new System.Text.StringBuilder();
        process.ErrorDataReceived += (_, line) => { if (line.Data is not null) lock (stderr) stderr.AppendLine(line.Data); };
        process.BeginErrorReadLine();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            lock (stderr)
                throw new InvalidOperationException(
                    $"The embedded PostgreSQL cluster could not be ensured ({script} exited with {process.ExitCode}): {stderr.ToString().Trim()}");

        var connectionString = stdout.Trim().Split('\n')[^1].Trim();
        if (!connectionString.StartsWith("Host=", StringComparison.Ordinal))
            throw new InvalidOperationException($"{script} printed no connection string.");
        return connectionString;
    }

    /// <summary>Finds scripts/postgres.sh above the program folder (dotnet run, tests) or the working directory.</summary>
    public static string FindScript() =>
        RepositoryFiles.Find("scripts", "postgres.sh") ?? throw new InvalidOperationException(
            "No connection string is configured (ConnectionStrings:SkillsMatch) and scripts/postgres.sh was not found " +
            "to start the embedded cluster. Set the connection string or Database:EmbeddedScript.");
}
