using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using System.Diagnostics;
using SkillsMatch.Matching.Features;
using SkillsMatch.Matching.Training;
using SkillsMatch.Storage;
using SkillsMatch.Taxonomy;

namespace SkillsMatch.Cli;

/// <summary><c>skillsmatch ranker train</c>: weak supervision from a taxonomy's occupations, a monotone additive model (GAM), held-out NDCG.</summary>
public static class RankerCommands
{
    public static Command Create()
    {
        var taxonomy = new Option<string>("--taxonomy") { Description = "Taxonomy whose occupation profiles make the training data", DefaultValueFactory = _ => WorkingTaxonomy.DefaultReference };
        var output = new Option<string>("--out") { Description = "Where to write the model", DefaultValueFactory = _ => Path.Combine("models", "ranker.zip") };
        var seed = new Option<int>("--seed") { Description = "Seed for sampling, the split and training", DefaultValueFactory = _ => 7 };
        var holdOut = new Option<double>("--hold-out") { Description = "Share of occupations held out for the test split", DefaultValueFactory = _ => 0.2 };
        var similarityBound = new Option<double>("--similarity-bound") { Description = "The most points (of 100) profile similarity may give", DefaultValueFactory = _ => 10 };
        var train = new Command("train", "Train the learner-to-role ranker and print NDCG@5/@10 on held-out occupations against two baselines.") { taxonomy, output, seed, holdOut, similarityBound };
        train.SetAction(async (parse, ct) =>
        {
            if (parse.GetValue(holdOut) is <= 0 or >= 1) throw new CliException("--hold-out must be between 0 and 1");
            using var host = await SkillsMatchCli.HostAsync(parse, ct);
            var reference = parse.GetValue(taxonomy)!;
            var taxonomyId = await host.Services.GetRequiredService<TaxonomyStore>().ResolveTaxonomyAsync(reference, ct) ?? throw new CliException($"unknown taxonomy '{reference}'");
            var store = host.Services.GetRequiredService<MatchingStore>();
            var clock = Stopwatch.StartNew();
            var graph = await store.LoadSkillGraphAsync(taxonomyId, ct);
            var occupations = await store.LoadOccupationProfilesAsync(taxonomyId, ct);
            if (occupations.Count < 5) throw new CliException($"taxonomy '{reference}' has {occupations.Count} occupations with skills; weak supervision needs at least 5");
            if (graph.SkillsWithVectors == 0) Console.Error.WriteLine($"warning: taxonomy '{reference}' has no skill vectors (run `taxonomy embed {reference}`): no partial credit by similarity, no embedding cosine");

            var options = new WeakSupervision.Options(Seed: parse.GetValue(seed), HoldOutShare: parse.GetValue(holdOut));
            var dataset = WeakSupervision.Build(occupations, graph, options, DateTimeOffset.UtcNow);
            var built = clock.Elapsed;
            if (parse.GetValue(similarityBound) is < 0 or >= 100) throw new CliException("--similarity-bound must be at least 0 and below 100");
            var scorer = RankerTrainer.Train(dataset.Train, new RankerTrainer.Options(Seed: options.Seed, SimilarityBound: parse.GetValue(similarityBound)));
            var trained = clock.Elapsed - built;
            var evaluation = RankerEvaluation.Of(scorer, dataset.Test);
            scorer = new Matching.Ranking.MatchScorer(scorer.Shapes, new Matching.Ranking.RankerCard(
                RankerTrainer.Method, options.Seed,
                dataset.Train.Select(e => e.Group).Distinct().Count(), evaluation.Groups, evaluation.Figures));

            var path = Path.GetFullPath(parse.GetValue(output)!);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            // Refuse to replace a model that does better on the same held-out groups (one trained on other features cannot be read: replaced).
            RankerEvaluation? current = null;
            if (File.Exists(path))
                try { current = RankerEvaluation.Of(Matching.Ranking.MatchScorer.Load(path), dataset.Test); }
                catch (InvalidDataException) { current = null; }
            var better = evaluation.BeatsCoverage && (current is null || evaluation.NotWorseThan(current));
            if (better) scorer.Save(path);

            Console.WriteLine($"taxonomy {reference}: {occupations.Count} occupations, {dataset.HeldOutOccupationIds.Count} held out; " +
                              $"train {dataset.Train.Count} pairs in {dataset.Train.Select(e => e.Group).Distinct().Count()} groups, " +
                              $"test {evaluation.Examples} pairs in {evaluation.Groups} groups (data {built.TotalSeconds:F1} s, training {trained.TotalSeconds:F1} s)");
            Console.WriteLine("held-out NDCG            @5      @10");
            Console.WriteLine($"learned ranker       {evaluation.Learned.At5,8:F4} {evaluation.Learned.At10,8:F4}");
            Console.WriteLine($"embedding cosine     {evaluation.EmbeddingCosine.At5,8:F4} {evaluation.EmbeddingCosine.At10,8:F4}");
            Console.WriteLine($"essential coverage   {evaluation.RequiredCoverage.At5,8:F4} {evaluation.RequiredCoverage.At10,8:F4}");
            Console.WriteLine($"profile similarity is worth at most {scorer.SimilarityBound:F1} of 100 points");
            if (current is not null) Console.WriteLine($"current model        {current.Learned.At5,8:F4} {current.Learned.At10,8:F4}");
            if (better)
            {
                Console.WriteLine($"model: {path} ({new FileInfo(path).Length / 1024.0:F0} KB)");
                return 0;
            }
            await Console.Error.WriteLineAsync(evaluation.BeatsCoverage
                ? $"error: the new ranker is worse than the current model on the held-out set; {path} left as it was"
                : $"error: the learned ranker does not beat essential coverage alone on the held-out set; {path} left as it was");
            return 2;
        });
        var ranker = new Command("ranker", "The learned learner-to-role ranker.");
        ranker.Subcommands.Add(train);
        return ranker;
    }
}
