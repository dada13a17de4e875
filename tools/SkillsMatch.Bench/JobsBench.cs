using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using SkillsMatch.Embeddings;
using SkillsMatch.Extraction.Evaluation;
using SkillsMatch.Jobs;
using SkillsMatch.Storage;
using SkillsMatch.Taxonomy;

namespace SkillsMatch.Bench;

/// <summary>
/// <c>skillsmatch bench jobs</c>: bulk import throughput of ~2 KB postings with extraction (semantic), occupation
/// classification and embeddings on, into a scratch database holding the shipped taxonomy; postings/s and peak memory.
/// </summary>
public static class JobsBench
{
    public static Command Create()
    {
        var count = new Option<int>("--postings") { DefaultValueFactory = _ => 500 };
        var sentences = new Option<FileInfo>("--sentences") { Description = "CSV with a 'sentence' column to build postings from", DefaultValueFactory = _ => new FileInfo("data/eval/skillsmatch-gold.csv") };
        var command = new Command("jobs", "Bulk import throughput (2 KB postings, extraction + occupations + embeddings, binary COPY) and peak memory.") { count, sentences };
        command.SetAction(async (parse, ct) =>
        {
            var server = await BenchCommands.ConnectionStringAsync(parse, ct);
            var scratch = await ScratchDatabase.CreateAsync(server, "bench_jobs", ct);
            try
            {
                new Migrator(NullLogger<Migrator>.Instance).Migrate(scratch.ConnectionString);
                using (var setupHost = await CommandHost.StartAsync(scratch.ConnectionString, ct, CommandHost.AllCores))
                {
                    var setup = Stopwatch.StartNew();
                    await setupHost.Services.GetRequiredService<DefaultTaxonomy>().EnsureAsync(null, ct);
                    Console.WriteLine($"machine: {Environment.ProcessorCount} cores; shipped taxonomy with vectors loaded in {setup.Elapsed.TotalSeconds:F1} s (not timed below)");
                }
                var pool = (await GoldFile.ReadAsync(parse.GetValue(sentences)!.FullName, _ => null, ct)).Sentences.Select(s => s.Sentence).ToList();
                var file = await WritePostingsAsync(pool, parse.GetValue(count), ct);
                using var host = await CommandHost.ForJobImportAsync(scratch.ConnectionString, WorkingTaxonomy.DefaultReference, ct);
                var watch = Stopwatch.StartNew();
                var result = await host.Services.GetRequiredService<JobImport>().RunAsync(file, isDemo: false, progress: null, ct);
                watch.Stop();
                Console.WriteLine($"imported {result.Created} postings of ~{new FileInfo(file).Length / Math.Max(1, result.Read) / 1024.0:F1} KB JSON " +
                                  $"in {watch.Elapsed.TotalSeconds:F1} s: {result.Created / watch.Elapsed.TotalSeconds:F1} postings/s " +
                                  $"(extraction semantic, top-3 occupations, embeddings, batches of {JobImport.DefaultBatchSize}, binary COPY + upsert)");
                Console.WriteLine($"busy time by stage: {host.Services.GetRequiredService<JobImport>().Profile}");
                Console.WriteLine($"peak memory (this process): {Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024} MB");
                File.Delete(file);
            }
            finally
            {
                await scratch.DropAsync();
            }
            return 0;
        });
        return command;
    }

    private static async Task<string> WritePostingsAsync(List<string> pool, int count, CancellationToken ct)
    {
        var titles = new[] { "Data Analyst", "Registered Nurse", "Cook II", "Class AZ Driver", "Software Developer", "Warehouse Associate",
            "Administrative Assistant", "Electrician", "Customer Service Representative", "Cyber Security Analyst" };
        var regions = new[] { "ON", "QC", "BC", "AB", "MB", "NS" };
        var texts = Postings(pool, count);
        var path = Path.Combine(Path.GetTempPath(), $"bench-jobs-{Guid.NewGuid():N}.jsonl");
        await using var writer = new StreamWriter(path);
        for (var i = 0; i < texts.Count; i++)
        {
            await writer.WriteLineAsync(JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["@type"] = "JobPosting", ["identifier"] = $"bench-{i}", ["title"] = titles[i % titles.Length], ["description"] = texts[i],
                ["hiringOrganization"] = new { name = $"Employer {i % 37}" },
                ["jobLocation"] = new { address = new { addressRegion = regions[i % regions.Length], addressLocality = "City" } },
                ["datePosted"] = "2026-11-01",
            }).AsMemory(), ct);
        }
        return path;
    }

    /// <summary>Postings of about 2 KB: sentences drawn at random, so most postings differ but phrases repeat as in real ads.</summary>
    private static List<string> Postings(List<string> pool, int count)
    {
        var random = new Random(5);
        var postings = new List<string>(count);
        for (var p = 0; p < count; p++)
        {
            var text = new System.Text.StringBuilder();
            while (text.Length < 2048) text.Append(pool[random.Next(pool.Count)]).Append(random.Next(3) == 0 ? "\n- " : " ");
            postings.Add(text.ToString());
        }
        return postings;
    }
}
