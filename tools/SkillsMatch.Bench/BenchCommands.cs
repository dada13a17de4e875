using System.CommandLine;
using System.Diagnostics;
using Dapper;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using SkillsMatch.Embeddings;
using SkillsMatch.Storage;
using SkillsMatch.Taxonomy;
using SkillsMatch.Taxonomy.Importers;

namespace SkillsMatch.Bench;

/// <summary>
/// <c>skillsmatch bench …</c>: measured figures for the issues' speed targets, printed as medians and p95.
/// Benchmarks run in a scratch database they create and drop, never in the user's.
/// </summary>
public static class BenchCommands
{
    public static Command Create()
    {
        var bench = new Command("bench", "Benchmarks (scratch database, medians and p95).");
        bench.Subcommands.Add(Taxonomy());
        bench.Subcommands.Add(ExtractionBench.Create());
        bench.Subcommands.Add(Credentials());
        bench.Subcommands.Add(DataIntegrity());
        bench.Subcommands.Add(MatchingBench.Placements());
        bench.Subcommands.Add(MatchingBench.Plans());
        bench.Subcommands.Add(JobsBench.Create());
        bench.Subcommands.Add(PostingVectorBench.Create());
        bench.Subcommands.Add(HalfvecBench.Create());
        bench.Subcommands.Add(MatchingScaleBench.Create());
        bench.Subcommands.Add(AssistantBench.Create());
        return bench;
    }

    private static Command Credentials()
    {
        var count = new Option<int>("--count") { Description = "Verifications per run", DefaultValueFactory = _ => 20_000 };
        var command = new Command("credentials", "EdDSA VC-JWT verifications per second on one thread, issuer keys cached.") { count };
        command.SetAction(async (parse, ct) =>
        {
            var runs = new List<double>();
            for (var run = 0; run < 3; run++) runs.Add(await CredentialBenchmark.RunEdDsaJwtAsync(parse.GetValue(count), ct));
            Console.WriteLine($"EdDSA VC-JWT: median {Percentile(runs, 50):F0} verifications/s on one thread " +
                              $"(runs: {string.Join(", ", runs.Select(r => r.ToString("F0", System.Globalization.CultureInfo.InvariantCulture)))}; target ≥ 1,000 per core)");
            return 0;
        });
        return command;
    }

    private static Command DataIntegrity()
    {
        var count = new Option<int>("--count") { Description = "Verifications per run", DefaultValueFactory = _ => 2_000 };
        var write = new Option<FileInfo?>("--write-credential") { Description = "Also write a freshly signed eddsa-rdfc-2022 credential (new did:key) to this file" };
        var command = new Command("data-integrity", "eddsa-rdfc-2022 verifications per second on one thread (contexts and keys cached), and RDFC-1.0 time per 100 kB.") { count, write };
        command.SetAction(async (parse, ct) =>
        {
            if (parse.GetValue(write) is { } file)
            {
                var key = new Org.BouncyCastle.Crypto.Parameters.Ed25519PrivateKeyParameters(new Org.BouncyCastle.Security.SecureRandom());
                await File.WriteAllTextAsync(file.FullName, DataIntegrityBenchmark.SignedCredential(key, DateTimeOffset.UtcNow), ct);
                Console.WriteLine($"wrote {file.FullName}");
            }
            var runs = new List<DataIntegrityBenchmark.Figures>();
            for (var run = 0; run < 3; run++) runs.Add(await DataIntegrityBenchmark.RunAsync(parse.GetValue(count), ct));
            var rates = runs.Select(r => r.VerificationsPerSecond).ToList();
            var cpuRates = runs.Select(r => r.VerificationsPerCpuSecond).ToList();
            var canon = runs.Select(r => r.MillisecondsPer100KbCanonicalization).ToList();
            var canonCpu = runs.Select(r => r.CpuMillisecondsPer100KbCanonicalization).ToList();
            static string Runs(List<double> values, string format) => string.Join(", ", values.Select(r => r.ToString(format, System.Globalization.CultureInfo.InvariantCulture)));
            Console.WriteLine($"load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]} on {Environment.ProcessorCount} cores");
            Console.WriteLine($"eddsa-rdfc-2022: median {Percentile(rates, 50):F0} verifications/s on one thread, {Percentile(cpuRates, 50):F0} per CPU second " +
                              $"(runs: {Runs(rates, "F0")}; per CPU second: {Runs(cpuRates, "F0")}; target ≥ 500 per core)");
            Console.WriteLine($"RDFC-1.0 of a {runs[0].LargeCredentialBytes / 1024} kB credential: median {Percentile(canon, 50):F1} ms per 100 kB, {Percentile(canonCpu, 50):F1} ms of CPU (runs: {Runs(canon, "F1")}; CPU: {Runs(canonCpu, "F1")}; target < 50 ms)");
            var median = runs.OrderBy(r => r.VerificationsPerSecond).ElementAt(runs.Count / 2);
            Console.WriteLine("CPU time of one verification by stage (median run): " + string.Join(", ", median.Stages.Select(s => $"{s.Stage} {s.Microseconds:F0} µs")));
            Console.WriteLine($"CPU time of the {median.LargeCredentialBytes / 1024} kB credential by stage: " + string.Join(", ", median.LargeStages.Select(s => $"{s.Stage} {s.Microseconds / 1000:F1} ms")));
            return 0;
        });
        return command;
    }

    private static Command Taxonomy()
    {
        var esco = new Option<FileSystemInfo?>("--esco") { Description = "ESCO v1.x CSV folder or zip(s), e.g. ../shared/data/esco-v1.1.1" };
        var existing = new Option<string?>("--existing") { Description = "Skip the import: time search over this already-loaded taxonomy (e.g. esco) in the configured database" };
        var queries = new Option<int>("--queries") { Description = "Skill searches to time", DefaultValueFactory = _ => 500 };
        var keep = new Option<bool>("--keep") { Description = "Keep the scratch database" };
        var command = new Command("taxonomy", "Import ESCO with embeddings and HNSW, then time skill search.") { esco, existing, queries, keep };
        command.SetAction(async (parse, ct) =>
        {
            if (parse.GetValue(existing) is { } loaded)
            {
                using var host = await HostAsync(parse, ct);
                var store = host.Services.GetRequiredService<TaxonomyStore>();
                var id = await store.ResolveTaxonomyAsync(loaded, ct) ?? throw new CliException($"unknown taxonomy '{loaded}'");
                var labels = (await store.LoadLabelsAsync(ct)).Where(l => l.TaxonomyId == id && l.IsPreferred).Select(l => l.PreferredLabel).ToList();
                await TimeSearchAsync(host, id, labels, parse.GetValue(queries), ct);
                return 0;
            }
            if (parse.GetValue(esco) is not { } escoPath) throw new CliException("give --esco PATH to import, or --existing TAXONOMY");
            var server = await BenchCommands.ConnectionStringAsync(parse, ct);
            var scratch = await ScratchDatabase.CreateAsync(server, "bench_taxonomy", ct);
            try
            {
                await RunTaxonomyAsync(scratch.ConnectionString, escoPath.FullName, parse.GetValue(queries), ct);
            }
            finally
            {
                if (!parse.GetValue(keep)) await scratch.DropAsync();
                else Console.WriteLine($"kept database: {scratch.ConnectionString}");
            }
            return 0;
        });
        return command;
    }

    private static async Task RunTaxonomyAsync(string connectionString, string escoPath, int queryCount, CancellationToken ct)
    {
        using var host = await CommandHost.StartAsync(connectionString, ct, CommandHost.AllCoresBatch);
        host.Services.GetRequiredService<Migrator>().Migrate(connectionString);
        var dataSource = host.Services.GetRequiredService<NpgsqlDataSource>();
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}");

        var total = Stopwatch.StartNew();
        var import = await EscoImporter.ReadAsync(escoPath, null, ct);
        var readSeconds = total.Elapsed.TotalSeconds;
        var written = await new TaxonomyWriter(dataSource).WriteAsync(import, null, ct);
        var writeSeconds = total.Elapsed.TotalSeconds - readSeconds;
        // Below the vector cache, as before: the taxonomy's labels must not make the timed searches' vectors warm.
        var cached = host.Services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();
        var embedded = await new TaxonomyEmbedder(dataSource, Uncached(cached)).EmbedAsync(written.TaxonomyId, null, ct);
        total.Stop();
        var embedSeconds = total.Elapsed.TotalSeconds - readSeconds - writeSeconds;
        Console.WriteLine($"import: {written.Skills} skills, {written.Occupations} occupations, {written.OccupationSkills} occupation–skill relations, " +
                          $"{embedded.Skills + embedded.Occupations} vectors (HNSW maintained)");
        Console.WriteLine($"import time: {total.Elapsed.TotalSeconds:F1} s total = read {readSeconds:F1} s + store {writeSeconds:F1} s + embed/index {embedSeconds:F1} s (target ≤ 180 s)");

        await TimeSearchAsync(host, written.TaxonomyId, import.Skills.Select(s => s.PreferredLabel).ToList(), queryCount, ct);
    }

    /// <summary>The host's skill search (its generator behind the vector cache), timed cold and warm.</summary>
    private static async Task TimeSearchAsync(IHost host, int taxonomyId, IReadOnlyList<string> labels, int queryCount, CancellationToken ct)
    {
        var store = host.Services.GetRequiredService<TaxonomyStore>();
        var search = host.Services.GetRequiredService<SkillSearch>();
        // The breakdown times the model itself: below the cache, which the searches above have filled with these queries.
        var generator = Uncached(host.Services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>());
        var build = Stopwatch.StartNew();
        var index = await search.IndexAsync(ct);
        Console.WriteLine($"label index: {index.Count} labels built in {build.Elapsed.TotalMilliseconds:F0} ms");
        var queries = SearchQueries.FromLabels(labels, queryCount, seed: 17);
        foreach (var q in queries.Take(20)) await search.SearchAsync(q.Text, taxonomyId, null, 10, ct);
        // Each kind once with a cold vector cache, then all queries again as repeats (query vectors cached).
        foreach (var group in queries.GroupBy(q => q.Kind).Append(queries.GroupBy(_ => "repeats").Single()))
        {
            var timings = new List<double>();
            foreach (var q in group)
            {
                var watch = Stopwatch.StartNew();
                await search.SearchAsync(q.Text, taxonomyId, null, 10, ct);
                timings.Add(watch.Elapsed.TotalMilliseconds);
            }
            Console.WriteLine($"skill search [{group.Key,-7}] n={timings.Count,4}  median {Percentile(timings, 50):F2} ms  p95 {Percentile(timings, 95):F2} ms  max {timings.Max():F2} ms");
        }
        // Where a cold search spends its time: the query's vector, then the HNSW neighbour query.
        var embedTimes = new List<double>();
        var vectorTimes = new List<double>();
        foreach (var q in queries.Take(100))
        {
            var watch = Stopwatch.StartNew();
            var vector = await generator.GenerateVectorAsync(q.Text + " ", cancellationToken: ct);
            embedTimes.Add(watch.Elapsed.TotalMilliseconds);
            watch.Restart();
            await store.NearestSkillsAsync(new Pgvector.Vector(vector), taxonomyId, null, 10, ct);
            vectorTimes.Add(watch.Elapsed.TotalMilliseconds);
        }
        Console.WriteLine($"  of which query embedding median {Percentile(embedTimes, 50):F2} ms p95 {Percentile(embedTimes, 95):F2} ms; " +
                          $"HNSW top-10 median {Percentile(vectorTimes, 50):F2} ms p95 {Percentile(vectorTimes, 95):F2} ms");
        Console.WriteLine($"peak memory (this process): {Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024} MB");
    }

    /// <summary>The local model below the host's vector cache (a remote generator is used as configured).</summary>
    private static IEmbeddingGenerator<string, Embedding<float>> Uncached(IEmbeddingGenerator<string, Embedding<float>> generator) =>
        generator.GetService<MiniLmEmbeddingGenerator>() ?? generator;

    /// <summary>The database the CLI's --connection option (recursive, so it reaches every sub-command) names, or the default one.</summary>
    public static Task<string> ConnectionStringAsync(ParseResult parse, CancellationToken ct) =>
        CommandDatabase.ResolveConnectionStringAsync(parse.GetValue<string?>(CommandDatabase.OptionName), ct);

    /// <summary>The product's services on the database the CLI's --connection names (configuration such as Embeddings:* honoured).</summary>
    public static Task<IHost> HostAsync(ParseResult parse, CancellationToken ct, IReadOnlyDictionary<string, string?>? defaults = null) =>
        CommandHost.StartAsync(parse.GetValue<string?>(CommandDatabase.OptionName), ct, defaults);

    public static double Percentile(List<double> values, double percentile)
    {
        var sorted = values.Order().ToList();
        var rank = (int)Math.Ceiling(percentile / 100 * sorted.Count) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Count - 1)];
    }
}

/// <summary>A database created for one run on the configured server and dropped after it.</summary>
public sealed class ScratchDatabase(string connectionString, string adminConnectionString, string name)
{
    public string ConnectionString { get; } = connectionString;

    public static async Task<ScratchDatabase> CreateAsync(string serverConnectionString, string prefix, CancellationToken ct)
    {
        var builder = new NpgsqlConnectionStringBuilder(serverConnectionString);
        var name = $"{prefix}_{DateTime.UtcNow:yyyyMMddHHmmss}";
        var admin = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = "postgres" }.ConnectionString;
        await using (var conn = new NpgsqlConnection(admin))
        {
            await conn.OpenAsync(ct);
            await conn.ExecuteAsync($"CREATE DATABASE {name}");
        }
        builder.Database = name;
        return new ScratchDatabase(builder.ConnectionString, admin, name);
    }

    public async Task DropAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var conn = new NpgsqlConnection(adminConnectionString);
        await conn.OpenAsync();
        await conn.ExecuteAsync($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
    }
}
