using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using SkillsMatch.Jobs;
using SkillsMatch.Storage;
using SkillsMatch.Taxonomy;

namespace SkillsMatch.Bench;

/// <summary>
/// <c>skillsmatch bench jobs</c>: bulk import throughput of ~2 KB postings of wholly new text (no sentence repeats,
/// <see cref="BenchmarkPostings"/>) with extraction (semantic), occupation classification and posting vectors on,
/// into a scratch database holding the shipped taxonomy, after an unmeasured warm-up import: postings/s, CPU ms per
/// posting (process user + system time, robust to other load on the machine), the load average, busy time by stage
/// and peak memory.
/// </summary>
public static class JobsBench
{
    public static Command Create()
    {
        var count = new Option<int>("--postings") { DefaultValueFactory = _ => 300 };
        var warmUp = new Option<int>("--warm-up") { Description = "Postings imported first and not timed", DefaultValueFactory = _ => 40 };
        var cache = new Option<int>("--vector-cache") { Description = "Phrase vectors kept in memory, as `jobs import` keeps them; 0 embeds every phrase (no phrase is ever seen twice)", DefaultValueFactory = _ => 20_000 };
        var keep = new Option<FileInfo?>("--write-file") { Description = "Also write the generated postings (JSON Lines) here and stop: the input for a `jobs import` run" };
        var command = new Command("jobs", "Bulk import throughput (2 KB postings of new text, extraction + occupations + posting vectors, batched COPY), CPU per posting, peak memory.")
            { count, warmUp, cache, keep };
        command.SetAction(async (parse, ct) =>
        {
            var server = await BenchCommands.ConnectionStringAsync(parse, ct);
            var scratch = await ScratchDatabase.CreateAsync(server, "bench_jobs", ct);
            try
            {
                new Migrator(NullLogger<Migrator>.Instance).Migrate(scratch.ConnectionString);
                List<string> labels;
                using (var setupHost = await CommandHost.StartAsync(scratch.ConnectionString, ct, CommandHost.AllCores))
                {
                    var setup = Stopwatch.StartNew();
                    await setupHost.Services.GetRequiredService<DefaultTaxonomy>().EnsureAsync(null, ct);
                    Console.WriteLine($"machine: {Environment.ProcessorCount} cores; shipped taxonomy with vectors loaded in {setup.Elapsed.TotalSeconds:F1} s (not timed below)");
                    await using var conn = await setupHost.Services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync(ct);
                    labels = (await conn.QueryAsync<string>("SELECT preferred_label FROM skills ORDER BY preferred_label")).ToList();
                }
                var warm = await WritePostingsAsync(BenchmarkPostings.Generate(labels, parse.GetValue(warmUp), seed: 1009), "warm", ct);
                var file = await WritePostingsAsync(BenchmarkPostings.Generate(labels, parse.GetValue(count)), "bench", ct);
                if (parse.GetValue(keep) is { } target)
                {
                    File.Move(file, target.FullName, overwrite: true);
                    Console.WriteLine($"wrote {parse.GetValue(count)} postings to {target.FullName}");
                    return 0;
                }
                using var host = await CommandHost.ForJobImportAsync(scratch.ConnectionString, WorkingTaxonomy.DefaultReference, ct, parse.GetValue(cache));
                var import = host.Services.GetRequiredService<JobImport>();
                await import.RunAsync(warm, new JobImportOptions(), ct);
                import.Profile.Reset();
                var process = Process.GetCurrentProcess();
                var cpu = process.TotalProcessorTime;
                var loadBefore = LoadAverage();
                var watch = Stopwatch.StartNew();
                var result = await import.RunAsync(file, new JobImportOptions(), ct);
                watch.Stop();
                process.Refresh();
                var cpuMs = (process.TotalProcessorTime - cpu).TotalMilliseconds / Math.Max(1, result.Created);
                Console.WriteLine($"imported {result.Created} postings of ~{new FileInfo(file).Length / Math.Max(1, result.Read) / 1024.0:F1} KB JSON " +
                                  $"in {watch.Elapsed.TotalSeconds:F1} s: {result.Created / watch.Elapsed.TotalSeconds:F1} postings/s, " +
                                  $"{cpuMs:F1} ms CPU per posting (user + system, this process; {1000 * Environment.ProcessorCount / cpuMs:F0} postings/s " +
                                  $"if the {Environment.ProcessorCount} cores were ours alone); load average {loadBefore} → {LoadAverage()}; " +
                                  $"{parse.GetValue(warmUp)} warm-up postings excluded; phrase vector cache {parse.GetValue(cache)}");
                Console.WriteLine($"busy time by stage: {import.Profile}");
                Console.WriteLine($"posting vectors: {host.Services.GetRequiredService<JobPipeline>().PostingVectorModel}; workers: {new JobImportOptions().Workers}, " +
                                  $"work batches of {new JobImportOptions().WorkBatchSize}, stored in batches of {JobImport.DefaultBatchSize} (binary COPY + upsert, checkpoint in the same transaction)");
                Console.WriteLine($"peak memory (this process): {PeakRssMegabytes()} MB");
                File.Delete(file);
                File.Delete(warm);
            }
            finally
            {
                await scratch.DropAsync();
            }
            return 0;
        });
        return command;
    }

    private static async Task<string> WritePostingsAsync(IReadOnlyList<string> texts, string name, CancellationToken ct)
    {
        var regions = new[] { "ON", "QC", "BC", "AB", "MB", "NS" };
        var path = Path.Combine(Path.GetTempPath(), $"bench-jobs-{name}-{Guid.NewGuid():N}.jsonl");
        await using var writer = new StreamWriter(path);
        for (var i = 0; i < texts.Count; i++)
        {
            // The generated text opens with its title line; the rest is the description.
            var split = texts[i].IndexOf('\n', StringComparison.Ordinal);
            await writer.WriteLineAsync(JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["@type"] = "JobPosting", ["identifier"] = $"{name}-{i}", ["title"] = texts[i][..split].Trim(), ["description"] = texts[i][(split + 1)..].Trim(),
                ["hiringOrganization"] = new { name = $"Employer {i % 37}" },
                ["jobLocation"] = new { address = new { addressRegion = regions[i % regions.Length], addressLocality = "City" } },
                ["datePosted"] = "2026-11-01",
            }).AsMemory(), ct);
        }
        return path;
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";

    /// <summary>The process's peak resident set (VmHWM), which PeakWorkingSet64 reports on Linux too.</summary>
    private static long PeakRssMegabytes() => Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024;
}
