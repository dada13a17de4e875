using System.CommandLine;
using System.Diagnostics;
using System.Numerics.Tensors;
using Dapper;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using SkillsMatch.Embeddings;
using SkillsMatch.Extraction;
using SkillsMatch.Jobs;
using SkillsMatch.Storage;
using SkillsMatch.Taxonomy;

namespace SkillsMatch.Bench;

/// <summary>
/// <c>skillsmatch bench posting-vectors</c>: which posting vector bulk import can afford. Each candidate kind is
/// compared with the full-precision vector of <see cref="EmbeddingText.ForPosting"/> (the stored kind before issue
/// 21): its cost (CPU ms per posting, one thread), its cosine to the full vector, how far it moves the ranker's
/// embedding-cosine feature, and recall@20 of learner → postings retrieval against the full vectors' top 20.
/// Learners are made from the taxonomy's occupations (target role + essential skills), postings are the demo
/// postings and synthetic ones (<see cref="BenchmarkPostings"/>): our own data, generated.
/// </summary>
public static class PostingVectorBench
{
    public static Command Create()
    {
        var synthetic = new Option<int>("--synthetic") { Description = "Synthetic postings added to the demo ones", DefaultValueFactory = _ => 200 };
        var demo = new Option<FileInfo>("--postings") { DefaultValueFactory = _ => new FileInfo("data/demo/postings.jsonl") };
        var command = new Command("posting-vectors", "Posting vector kinds against the full-precision one: CPU per posting, cosine, recall@20 of learner → postings.") { synthetic, demo };
        command.SetAction(async (parse, ct) =>
        {
            var scratch = await ScratchDatabase.CreateAsync(await BenchCommands.ConnectionStringAsync(parse, ct), "bench_vectors", ct);
            try
            {
                new Migrator(NullLogger<Migrator>.Instance).Migrate(scratch.ConnectionString);
                using var host = await CommandHost.StartAsync(scratch.ConnectionString, ct, CommandHost.AllCores);
                await host.Services.GetRequiredService<DefaultTaxonomy>().EnsureAsync(null, ct);
                await RunAsync(host.Services, parse.GetValue(demo)!.FullName, parse.GetValue(synthetic), ct);
            }
            finally
            {
                await scratch.DropAsync();
            }
            return 0;
        });
        return command;
    }

    private static async Task RunAsync(IServiceProvider services, string demoPath, int synthetic, CancellationToken ct)
    {
        var taxonomyId = await services.GetRequiredService<WorkingTaxonomy>().GetIdAsync(ct);
        var full = services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();
        var int8 = new MiniLmEmbeddingGenerator(new EmbeddingOptions(), EmbeddingPrecision.Quantized);
        var extractor = services.GetRequiredService<SkillExtractor>();
        var model = await services.GetRequiredService<ExtractionModels>().ForTaxonomyAsync(taxonomyId, ct);
        await using var conn = await services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync(ct);

        var postings = new List<JobPosting>();
        await foreach (var record in JobFileReader.ReadAsync(demoPath, ct))
            if (record.Parse.Posting is { } posting) postings.Add(posting);
        var labels = (await conn.QueryAsync<string>("SELECT preferred_label FROM skills WHERE taxonomy_id = @taxonomyId ORDER BY 1", new { taxonomyId })).ToList();
        foreach (var (text, i) in BenchmarkPostings.Generate(labels, synthetic, seed: 31).Select((t, i) => (t, i)))
        {
            var split = text.IndexOf('\n', StringComparison.Ordinal);
            postings.Add(new JobPosting { ExternalId = $"s{i}", Title = text[..split].Trim(), Description = text[(split + 1)..].Trim(), SourceJson = "{}" });
        }
        var skills = new List<IReadOnlyList<ExtractedSkill>>();
        foreach (var posting in postings)
            skills.Add(PostingRequirements.Apply(posting, (await extractor.ExtractAsync(posting.ExtractionText(), taxonomyId, new ExtractionOptions(), ct)).Skills));
        Console.WriteLine($"{postings.Count} postings ({postings.Count - synthetic} demo, {synthetic} synthetic); model of int8: {int8.GetService<EmbeddingGeneratorMetadata>()?.DefaultModelId}");

        var longTexts = postings.Select((p, i) => EmbeddingText.ForPosting(p.Title, skills[i].Select(s => s.Label), p.Description)).ToList();
        var shortTexts = postings.Select((p, i) => EmbeddingText.ForPosting(p.Title, skills[i].Select(s => s.Label), "")).ToList();
        var reference = await TimedAsync("full model, title + skills + text (stored before)", full, longTexts, ct);
        var kinds = new List<(string Name, float[][] Vectors, double CpuMs)>
        {
            await TimedAsync("int8 model, title + skills + text", int8, longTexts, ct),
            await TimedAsync("full model, title + skills", full, shortTexts, ct),
            await TimedAsync("int8 model, title + skills", int8, shortTexts, ct),
        };
        var titles = await full.GenerateAsync(postings.Select(p => p.Title), cancellationToken: ct);
        kinds.Add(("title vector + mean of skill vectors (no text embedded beyond the title)",
            postings.Select((_, i) => TitlePlusSkills(titles[i].Vector.ToArray(), skills[i], model)).ToArray(), double.NaN));

        var learners = (await conn.QueryAsync<(string Title, string[] Skills)>("""
            SELECT o.title, array_agg(s.preferred_label ORDER BY s.preferred_label)
              FROM occupations o JOIN occupation_skills os ON os.occupation_id = o.id AND os.relation = 'essential'
              JOIN skills s ON s.id = os.skill_id
             WHERE o.taxonomy_id = @taxonomyId GROUP BY o.id, o.title HAVING count(*) >= 3
            """, new { taxonomyId })).ToList();
        var queries = (await full.GenerateAsync(learners.Select(l => EmbeddingText.ForLearner([l.Title], l.Skills, [])), cancellationToken: ct))
            .Select(e => e.Vector.ToArray()).ToList();
        Console.WriteLine($"{queries.Count} learners (an occupation's title as target role, its essential skills)");
        Console.WriteLine($"{"posting vector",-75} {"CPU ms",7} {"cos to full",11} {"|Δ feature|",11} {"recall@20",9}");
        Console.WriteLine($"{reference.Name,-75} {reference.CpuMs,7:F1} {1,11:F3} {0,11:F3} {1,9:F3}");
        foreach (var (name, vectors, cpuMs) in kinds)
        {
            var cosine = reference.Vectors.Select((v, i) => TensorPrimitives.Dot(v, vectors[i])).Average();
            double shift = 0, recall = 0;
            foreach (var q in queries)
            {
                var before = TopK(q, reference.Vectors, 20);
                recall += TopK(q, vectors, 20).Intersect(before).Count() / 20.0;
                for (var i = 0; i < vectors.Length; i++) shift += Math.Abs(TensorPrimitives.Dot(q, vectors[i]) - TensorPrimitives.Dot(q, reference.Vectors[i]));
            }
            Console.WriteLine($"{name,-75} {cpuMs,7:F1} {cosine,11:F3} {shift / queries.Count / vectors.Length,11:F3} {recall / queries.Count,9:F3}");
        }
    }

    private static async Task<(string Name, float[][] Vectors, double CpuMs)> TimedAsync(string name, IEmbeddingGenerator<string, Embedding<float>> generator, List<string> texts, CancellationToken ct)
    {
        await generator.GenerateAsync(texts.Take(4).Select(t => t + " warm"), cancellationToken: ct);
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var vectors = (await generator.GenerateAsync(texts, cancellationToken: ct)).Select(e => e.Vector.ToArray()).ToArray();
        process.Refresh();
        return (name, vectors, (process.TotalProcessorTime - cpu).TotalMilliseconds / texts.Count);
    }

    private static float[] TitlePlusSkills(float[] title, IReadOnlyList<ExtractedSkill> skills, ExtractionModel model)
    {
        var sum = (float[])title.Clone();
        var withVectors = skills.Select(s => model.Skills.TryGetValue(s.SkillId, out var skill) ? skill.Vector : null).OfType<float[]>().ToList();
        foreach (var vector in withVectors) TensorPrimitives.MultiplyAdd(vector, 1f / withVectors.Count, sum, sum);
        TensorPrimitives.Divide(sum, TensorPrimitives.Norm(sum), sum);
        return sum;
    }

    private static int[] TopK(float[] query, float[][] vectors, int k) =>
        [.. Enumerable.Range(0, vectors.Length).OrderByDescending(i => TensorPrimitives.Dot(query, vectors[i])).Take(k)];
}
