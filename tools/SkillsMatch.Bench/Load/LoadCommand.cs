using System.CommandLine;
using System.Globalization;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SkillsMatch.Access;
using SkillsMatch.Storage;

namespace SkillsMatch.Bench.Load;

/// <summary>
/// <c>skillsmatch load</c>: a bounded, closed-loop load run against a SkillsMatch API on this machine, optionally
/// stopping its PostgreSQL cluster for a while in the middle (<c>--fault-after</c>), then a write-consistency check.
/// </summary>
public static class LoadCommand
{
    public static Command Create()
    {
        var url = new Option<string>("--url") { Description = "The API (loopback only)", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var duration = new Option<string>("--duration") { Description = "How long to send load, e.g. 60s or 2m", DefaultValueFactory = _ => "60s" };
        var connections = new Option<int>("--connections") { Description = "Concurrent clients", DefaultValueFactory = _ => 16 };
        var keys = new Option<FileInfo?>("--keys") { Description = "A file with an admin and an employer key (lines naming the role and an sm_… key, as in demo-keys.txt); default: create them in the database and revoke them afterwards" };
        var learners = new Option<int>("--learners") { Description = "Create learners through the API until there are at least this many", DefaultValueFactory = _ => 200 };
        var faultAfter = new Option<string?>("--fault-after") { Description = "Stop the PostgreSQL cluster this long into the run (e.g. 20s)" };
        var faultDuration = new Option<string>("--fault-duration") { Description = "How long the cluster stays stopped", DefaultValueFactory = _ => "10s" };
        var warmup = new Option<string>("--warmup") { Description = "Send the same mix this long first, unmeasured (JIT tiering, caches, pools), e.g. 20s; 0 for none", DefaultValueFactory = _ => "0" };
        var apiPid = new Option<int?>("--api-pid") { Description = "The API's process id: also report its CPU time per request over the measured run (holds when other work shares the cores)" };
        var only = new Option<string?>("--only") { Description = "Send only this kind of request of the mix: match, search, candidates, extract or write" };
        var cluster = new Option<string>("--cluster") { Description = "The embedded cluster the API uses (scripts/postgres.sh --cluster)", DefaultValueFactory = _ => "run" };
        var command = new Command("load", "Mixed match, search, candidates, extraction and write load against a local API: requests/s, p50/p95/p99 and errors per kind; optionally a database outage in the middle.")
        {
            url, duration, connections, keys, learners, faultAfter, faultDuration, cluster, warmup, apiPid, only,
        };
        command.SetAction(async (parse, ct) =>
        {
            if (!Uri.TryCreate(parse.GetValue(url), UriKind.Absolute, out var target) || !IsLoopback(target)) throw new CliException($"--url {parse.GetValue(url)} is not a loopback address; load runs only against this machine");
            var runFor = ParseDuration(parse.GetValue(duration)!, "--duration");
            var outageAt = parse.GetValue(faultAfter) is { } after ? ParseDuration(after, "--fault-after") : (TimeSpan?)null;
            var outageFor = ParseDuration(parse.GetValue(faultDuration)!, "--fault-duration");
            if (outageAt is { } at && at + outageFor >= runFor) throw new CliException("the outage must end before --duration is over, so recovery can be seen");
            var concurrency = parse.GetValue(connections);
            if (concurrency is < 1 or > 1024) throw new CliException("--connections is 1 to 1024");

            using var host = await BenchCommands.HostAsync(parse, ct);
            var dataSource = host.Services.GetRequiredService<NpgsqlDataSource>();
            var (adminKey, employerKey, created) = parse.GetValue(keys) is { } file ? (ReadKey(file, Role.Admin), ReadKey(file, Role.Employer), [])
                : await CreateKeysAsync(host.Services.GetRequiredService<ApiKeyStore>(), ct);
            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            {
                BaseAddress = target,
                Timeout = TimeSpan.FromSeconds(30),
            };
            try
            {
                var scenario = await LoadScenario.PrepareAsync(http, adminKey, parse.GetValue(learners), ct);
                var writes = new WriteJournal($"load-{DateTime.UtcNow:yyyyMMddHHmmss}", adminKey, scenario.Skills);
                var mix = scenario.Mix(adminKey, employerKey, writes);
                if (parse.GetValue(only) is { } kind)
                    mix = mix.Where(r => r.Kind == kind).ToList() is { Count: > 0 } chosen ? chosen
                        : throw new CliException($"--only {kind}: the mix has {string.Join(", ", mix.Select(r => r.Kind))}");
                if (parse.GetValue(warmup) is { } w && w != "0")
                {
                    var warm = ParseDuration(w, "--warmup");
                    Console.WriteLine($"load: warming up for {warm.TotalSeconds:F0} s (not measured)");
                    await new LoadRunner(http, mix, concurrency).RunAsync(warm, ct);
                }
                var runner = new LoadRunner(http, mix, concurrency);
                Console.WriteLine($"load: {target} for {runFor.TotalSeconds:F0} s, {concurrency} connections, {scenario.Learners} learners, {scenario.Postings} open postings" +
                                  (outageAt is { } o ? $"; PostgreSQL cluster '{parse.GetValue(cluster)}' stopped at {o.TotalSeconds:F0} s for {outageFor.TotalSeconds:F0} s" : ""));
                var fault = outageAt is { } delay
                    ? new FaultInjector(PostgresScript(), parse.GetValue(cluster)!).RunAsync(delay, outageFor, ct)
                    : Task.FromResult<FaultTimeline?>(null);
                // Awaited before reporting: the cluster is always started again, even when the run ends first.
                using var api = parse.GetValue(apiPid) is { } pid ? System.Diagnostics.Process.GetProcessById(pid) : null;
                var cpuBefore = api?.TotalProcessorTime;
                var elapsed = await runner.RunAsync(runFor, ct);
                api?.Refresh();
                var apiCpu = api?.TotalProcessorTime - cpuBefore;
                var timeline = await fault;
                var kinds = runner.Recorder.Summarise(elapsed);
                LoadReport.PrintKinds(kinds);
                if (apiCpu is { } cpu)
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"API CPU: {cpu.TotalMilliseconds / Math.Max(1, kinds.Sum(k => k.Count)):F1} ms per request ({cpu.TotalSeconds / elapsed.TotalSeconds:F2} cores busy on average); load average {(File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg")[..14] : "n/a")}"));
                var failed = kinds.Sum(k => k.Problems) > 0;
                if (timeline is not null) failed |= LoadReport.PrintOutage(runner.Recorder.Timeline, timeline);
                LoadReport.PrintProblems(runner.Recorder.ProblemExamples);
                // Connections pooled before a fault run's restart are dead: start the check on fresh ones.
                dataSource.Clear();
                var consistency = await writes.CheckAsync(dataSource, ct);
                failed |= LoadReport.PrintConsistency(consistency);
                return failed ? 2 : 0;
            }
            finally
            {
                var store = host.Services.GetRequiredService<ApiKeyStore>();
                foreach (var id in created) await store.RevokeAsync(id, CancellationToken.None);
            }
        });
        return command;
    }

    internal static bool IsLoopback(Uri url) =>
        url.Scheme is "http" or "https" && (url.IsLoopback || (IPAddress.TryParse(url.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip)));

    internal static TimeSpan ParseDuration(string text, string option)
    {
        var value = text.Trim();
        var (number, unit) = value.EndsWith("ms", StringComparison.Ordinal) ? (value[..^2], 0.001)
            : value.EndsWith('s') ? (value[..^1], 1.0)
            : value.EndsWith('m') ? (value[..^1], 60.0)
            : (value, 1.0);
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var amount) || amount <= 0 || amount * unit > 3600)
            throw new CliException($"{option} '{text}' is not a duration such as 60s, 1.5m or 500ms (at most an hour)");
        return TimeSpan.FromSeconds(amount * unit);
    }

    private static string ReadKey(FileInfo file, Role role)
    {
        if (!file.Exists) throw new CliException($"no key file {file.FullName}");
        foreach (var line in File.ReadLines(file.FullName))
        {
            var words = line.Split([' ', '\t', '=', ':', ','], StringSplitOptions.RemoveEmptyEntries);
            if (line.TrimStart().StartsWith('#') || !words.Contains(role.Name(), StringComparer.OrdinalIgnoreCase)) continue;
            if (words.FirstOrDefault(w => w.StartsWith("sm_", StringComparison.Ordinal)) is { } key) return key;
        }
        throw new CliException($"{file.Name} holds no {role.Name()} key");
    }

    private static async Task<(string Admin, string Employer, List<Guid> Created)> CreateKeysAsync(ApiKeyStore store, CancellationToken ct)
    {
        var admin = await store.CreateAsync(new NewApiKey(Role.Admin, null, null, "load run"), ct);
        var employer = await store.CreateAsync(new NewApiKey(Role.Employer, null, "load-run-employer", "load run"), ct);
        return (admin.Secret, employer.Secret, [admin.Key.Id, employer.Key.Id]);
    }

    private static string PostgresScript() =>
        RepositoryFiles.Find("scripts", "postgres.sh") ?? throw new CliException("scripts/postgres.sh not found; --fault-after needs the repository's cluster script");
}
