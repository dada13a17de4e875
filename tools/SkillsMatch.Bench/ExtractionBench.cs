using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using System.Diagnostics;
using Microsoft.Extensions.AI;
using SkillsMatch.Embeddings;
using SkillsMatch.Extraction;
using SkillsMatch.Storage;
using SkillsMatch.Taxonomy;

namespace SkillsMatch.Bench;

/// <summary>
/// <c>skillsmatch bench extraction</c>: postings per second for ~2 KB postings, lexical only and with the
/// semantic matcher (without and with the vector cache), on all cores, plus peak memory. The machine is shared, so
/// each run also reports its CPU time per posting, which neighbours' load does not change.
/// </summary>
public static class ExtractionBench
{
    public static Command Create()
    {
        var taxonomy = new Option<string>("--taxonomy") { DefaultValueFactory = _ => "skillsmatch" };
        var count = new Option<int>("--postings") { DefaultValueFactory = _ => 200 };
        var precision = new Option<EmbeddingPrecision>("--precision")
        {
            Description = "the model extraction embeds with: Quantized (what the API uses) or Full",
            DefaultValueFactory = _ => EmbeddingPrecision.Quantized,
        };
        var command = new Command("extraction", "Postings per second (2 KB postings, no sentence repeated), lexical only and semantic, with peak memory.") { taxonomy, count, precision };
        command.SetAction(async (parse, ct) =>
        {
            using var host = await BenchCommands.HostAsync(parse, ct);
            var store = host.Services.GetRequiredService<TaxonomyStore>();
            var taxonomyId = await store.ResolveTaxonomyAsync(parse.GetValue(taxonomy)!, ct) ?? throw new CliException("unknown taxonomy");
            var models = host.Services.GetRequiredService<ExtractionModels>();
            var build = Stopwatch.StartNew();
            var extractionModel = await models.ForTaxonomyAsync(taxonomyId, ct);
            var postings = BenchmarkPostings.Generate(extractionModel.Skills.Values.Select(v => v.Label).Order(StringComparer.Ordinal).ToList(), parse.GetValue(count)).ToList();
            Console.WriteLine($"machine: {Environment.ProcessorCount} cores; {postings.Count} postings of ~{postings.Average(p => p.Length):F0} chars, " +
                              $"{BenchmarkPostings.RepeatedLines(postings)} lines repeated across postings; model built in {build.ElapsedMilliseconds} ms");
            var selected = SelectedTexts(extractionModel, postings);
            var analysis = new List<double>();
            foreach (var posting in postings)
            {
                var one = Stopwatch.StartNew();
                TextAnalysis.Analyze(posting, extractionModel.Matcher);
                analysis.Add(one.Elapsed.TotalMilliseconds);
            }
            Console.WriteLine($"text analysis alone (1 thread): median {BenchCommands.Percentile(analysis, 50):F2} ms  p95 {BenchCommands.Percentile(analysis, 95):F2} ms per posting");
            // The raw model at the precision asked for (uncached, so every run embeds), with the configured Embeddings:* (1 thread by default).
            using var model = new MiniLmEmbeddingGenerator(host.Services.GetRequiredService<IOptions<EmbeddingOptions>>().Value, parse.GetValue(precision));
            Console.WriteLine($"embedding model: {EmbeddingSpace.Identify(model).Model}");
            await WarmUpAsync(new SkillExtractor(models, model), taxonomyId, extractionModel, ct);
            await EmbedderAloneAsync(model, selected, ct);
            await RunAsync("lexical only", new SkillExtractor(models), taxonomyId, postings, true, ct);
            await RunAsync("semantic, no repeated sentences, no vector cache", new SkillExtractor(models, model), taxonomyId, postings, false, ct);
            using var cached = new EmbeddingCache(model, 50_000);
            await RunAsync("semantic, vector cache cold", new SkillExtractor(models, cached), taxonomyId, postings, false, ct);
            await RunAsync("semantic, vector cache warm (same postings again)", new SkillExtractor(models, cached), taxonomyId, postings, false, ct);
            Console.WriteLine($"peak memory (this process): {Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024} MB");
            return 0;
        });
        return command;
    }

    /// <summary>
    /// Postings of another seed through the semantic path first, so that every run measures compiled code and a
    /// loaded model rather than the JIT's first tiers.
    /// </summary>
    private static async Task WarmUpAsync(SkillExtractor extractor, int taxonomyId, ExtractionModel model, CancellationToken ct)
    {
        var labels = model.Skills.Values.Select(v => v.Label).Order(StringComparer.Ordinal).ToList();
        foreach (var posting in BenchmarkPostings.Generate(labels, 30, seed: 1009))
        {
            await extractor.ExtractAsync(posting, taxonomyId, new ExtractionOptions(), ct);
            await extractor.ExtractAsync(posting, taxonomyId, new ExtractionOptions { LexicalOnly = true }, ct);
        }
    }

    private static async Task RunAsync(string name, SkillExtractor extractor, int taxonomyId, List<string> postings, bool lexicalOnly, CancellationToken ct)
    {
        var options = new ExtractionOptions { LexicalOnly = lexicalOnly };
        var latencies = new double[postings.Count];
        var next = -1;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Environment.ProcessorCount).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < postings.Count)
            {
                var one = Stopwatch.StartNew();
                await extractor.ExtractAsync(postings[i], taxonomyId, options, ct);
                latencies[i] = one.Elapsed.TotalMilliseconds;
            }
        }, ct)));
        var cpuPerPosting = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / postings.Count;
        var list = latencies.ToList();
        Console.WriteLine($"{name,-50} {postings.Count / watch.Elapsed.TotalSeconds,8:F1} postings/s   per posting median {BenchCommands.Percentile(list, 50):F1} ms  p95 {BenchCommands.Percentile(list, 95):F1} ms" +
                          $"  CPU {cpuPerPosting:F1} ms (load average {LoadAverage()})");
    }

    /// <summary>What the semantic stage embeds, posting by posting: how many texts (whole sentences or phrases), words and tokens.</summary>
    private static List<List<string>> SelectedTexts(ExtractionModel model, List<string> postings)
    {
        var budget = new ExtractionCalibration().SemanticWordBudget;
        var tokenizer = MiniLmModel.LoadTokenizer();
        var selected = new List<List<string>>(postings.Count);
        double sentences = 0, phrases = 0;
        foreach (var posting in postings)
        {
            var analyzed = TextAnalysis.Analyze(posting, model.Matcher).Sentences;
            sentences += analyzed.Count;
            var queries = SemanticSelection.Select(analyzed, budget).DistinctBy(q => q.Text, StringComparer.Ordinal).ToList();
            phrases += queries.Count(q => q.IsPhrase);
            selected.Add(queries.Select(q => q.Text).ToList());
        }
        var distinct = selected.SelectMany(s => s).Distinct(StringComparer.Ordinal).ToList();
        Console.WriteLine($"semantic stage per posting: embeds {selected.Average(s => s.Count):F1} texts ({phrases / postings.Count:F1} of them phrases) " +
                          $"from {sentences / postings.Count:F1} sentences, ~{selected.Average(s => s.Sum(Words)):F0} words (budget {budget}), " +
                          $"{selected.Average(s => s.Sum(t => tokenizer.Encode(t).Length)):F0} tokens; {distinct.Count} distinct texts in the set " +
                          $"({distinct.Sum(t => tokenizer.Encode(t).Length) / (double)postings.Count:F0} tokens per posting for a cold vector cache)");
        return selected;
    }

    /// <summary>The embedder alone on those texts (2 workers, as the runs): the ceiling the machine allows right now.</summary>
    private static async Task EmbedderAloneAsync(MiniLmEmbeddingGenerator model, List<List<string>> selected, CancellationToken ct)
    {
        var next = -1;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Environment.ProcessorCount).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < selected.Count)
                if (selected[i].Count > 0) await model.GenerateAsync(selected[i], cancellationToken: ct);
        }, ct)));
        var words = selected.Sum(s => s.Sum(Words));
        Console.WriteLine($"{"embedder alone on the selected texts",-50} {selected.Count / watch.Elapsed.TotalSeconds,8:F1} postings/s   " +
                          $"({words / watch.Elapsed.TotalSeconds:F0} words/s; load average {LoadAverage()})");
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";

    private static int Words(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
}
