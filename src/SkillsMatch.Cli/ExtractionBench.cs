using System.CommandLine;
using System.Diagnostics;
using Microsoft.Extensions.AI;
using SkillsMatch.Embeddings;
using SkillsMatch.Extraction;
using SkillsMatch.Extraction.Evaluation;
using SkillsMatch.Storage;
using SkillsMatch.Taxonomy;

namespace SkillsMatch.Cli;

/// <summary>
/// <c>skillsmatch bench extraction</c>: postings per second for ~2 KB postings, lexical only and with the
/// semantic matcher (without and with the vector cache), on all cores, plus peak memory.
/// </summary>
public static class ExtractionBench
{
    public static Command Create()
    {
        var taxonomy = new Option<string>("--taxonomy") { DefaultValueFactory = _ => "skillsmatch" };
        var sentences = new Option<FileInfo>("--sentences") { Description = "CSV with a 'sentence' column to build postings from", DefaultValueFactory = _ => new FileInfo("data/eval/skillsmatch-gold.csv") };
        var count = new Option<int>("--postings") { DefaultValueFactory = _ => 200 };
        var command = new Command("extraction", "Postings per second (2 KB postings), lexical only and semantic, with peak memory.") { taxonomy, sentences, count };
        command.SetAction(async (parse, ct) =>
        {
            await using var dataSource = Database.CreateDataSource(await DatabaseCommands.ResolveConnectionStringAsync(parse, ct));
            var store = new TaxonomyStore(dataSource);
            var taxonomyId = await store.ResolveTaxonomyAsync(parse.GetValue(taxonomy)!, ct) ?? throw new CliException("unknown taxonomy");
            var pool = (await GoldFile.ReadAsync(parse.GetValue(sentences)!.FullName, _ => null, ct)).Sentences.Select(s => s.Sentence).ToList();
            var postings = Postings(pool, parse.GetValue(count));
            using var models = new ExtractionModels(new ExtractionStore(dataSource), store);
            var build = Stopwatch.StartNew();
            var extractionModel = await models.ForTaxonomyAsync(taxonomyId, ct);
            Console.WriteLine($"machine: {Environment.ProcessorCount} cores; {postings.Count} postings of ~{postings.Average(p => p.Length):F0} chars " +
                              $"built from {pool.Count} distinct sentences; model built in {build.ElapsedMilliseconds} ms");
            var analysis = new List<double>();
            foreach (var posting in postings)
            {
                var one = Stopwatch.StartNew();
                TextAnalysis.Analyze(posting, extractionModel.Matcher);
                analysis.Add(one.Elapsed.TotalMilliseconds);
            }
            Console.WriteLine($"text analysis alone (1 thread): median {BenchCommands.Percentile(analysis, 50):F2} ms  p95 {BenchCommands.Percentile(analysis, 95):F2} ms per posting");
            using var model = new MiniLmEmbeddingGenerator(new EmbeddingOptions { IntraOpThreads = 1 });
            await RunAsync("lexical only", new SkillExtractor(models), taxonomyId, postings, true, ct);
            await RunAsync("semantic, no vector cache", new SkillExtractor(models, model), taxonomyId, postings, false, ct);
            using var cached = new EmbeddingCache(model, 50_000);
            await RunAsync("semantic, vector cache cold", new SkillExtractor(models, cached), taxonomyId, postings, false, ct);
            await RunAsync("semantic, vector cache warm", new SkillExtractor(models, cached), taxonomyId, postings, false, ct);
            Console.WriteLine($"peak memory (this process): {Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024} MB");
            return 0;
        });
        return command;
    }

    private static async Task RunAsync(string name, SkillExtractor extractor, int taxonomyId, List<string> postings, bool lexicalOnly, CancellationToken ct)
    {
        var options = new ExtractionOptions { LexicalOnly = lexicalOnly };
        var latencies = new double[postings.Count];
        var next = -1;
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
        var list = latencies.ToList();
        Console.WriteLine($"{name,-28} {postings.Count / watch.Elapsed.TotalSeconds,8:F1} postings/s   per posting median {BenchCommands.Percentile(list, 50):F1} ms  p95 {BenchCommands.Percentile(list, 95):F1} ms");
    }

    /// <summary>Postings of about 2 KB: sentences drawn at random, so most postings differ but phrases repeat as in real ads.</summary>
    public static List<string> Postings(List<string> pool, int count)
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
