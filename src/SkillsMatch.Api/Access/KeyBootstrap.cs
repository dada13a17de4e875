using Microsoft.Extensions.Options;
using SkillsMatch.Access;
using SkillsMatch.Demo;
using SkillsMatch.Storage;

namespace SkillsMatch.Api.Access;

/// <summary>
/// Access:BootstrapKeys (on for the run command): create the first admin key, and the demo keys when the demo data is
/// wired (<see cref="DemoKeys"/>), that are missing; print them once, and append them to demo-keys.txt in the embedded
/// cluster's folder when there is one. A hosted service registered after the demo load, so every demo learner gets a key.
/// </summary>
internal sealed class KeyBootstrap(IServiceProvider services, AccessOptions access, IOptions<DatabaseOptions> database) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!access.BootstrapKeys) return;
        var created = services.GetService<DemoKeys>() is { } demoKeys
            ? await demoKeys.EnsureAsync(cancellationToken)
            : await services.GetRequiredService<FirstAdminKey>().EnsureAsync(cancellationToken);
        if (created.Count == 0) return;

        var lines = created.Select(k =>
            $"{k.Key.Role.Name(),-12} {k.Secret}  {k.Key.Label}{(k.Key.Subject is { } s ? " (" + s + ")" : "")}{(k.Key.LearnerId is { } l ? " learner " + l : "")}").ToList();
        var file = DemoKeysFile();
        Console.WriteLine();
        Console.WriteLine("API keys created now (shown once; the database keeps only their hashes):");
        foreach (var line in lines) Console.WriteLine("  " + line);
        if (file is not null)
        {
            await File.AppendAllLinesAsync(file, [$"# created {DateTime.UtcNow:yyyy-MM-dd HH:mm:ss}Z", .. lines], cancellationToken);
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            Console.WriteLine($"  (also in {file})");
        }
        Console.WriteLine();
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>.pg/&lt;cluster&gt;/demo-keys.txt when the API runs on the embedded cluster; null for a configured server.</summary>
    private string? DemoKeysFile()
    {
        var options = database.Value;
        if (!string.IsNullOrWhiteSpace(options.ConnectionString)) return null;
        var script = RepositoryFiles.Find("scripts", "postgres.sh");
        var root = Environment.GetEnvironmentVariable("SKILLSMATCH_PG_ROOT") is { Length: > 0 } configured
            ? configured
            : script is null ? null : Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(script))!, ".pg");
        if (root is null) return null;
        var folder = Path.Combine(root, options.EmbeddedCluster);
        return Directory.Exists(folder) ? Path.Combine(folder, "demo-keys.txt") : null;
    }
}
