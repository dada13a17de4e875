using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using System.Diagnostics;
using SkillsMatch.Matching.Features;
using SkillsMatch.Matching.Outcomes;
using SkillsMatch.Matching.Retrieval;
using SkillsMatch.Matching.Training;
using SkillsMatch.Storage;
using SkillsMatch.Taxonomy;

namespace SkillsMatch.Cli;

/// <summary>
/// <c>skillsmatch ranker train</c>: weak supervision from a taxonomy's occupations (and, with <c>--outcomes</c>, recorded
/// outcomes), a monotone additive model (GAM), held-out NDCG on each kind of label; the model file is replaced only by a
/// model at least as good on both.
/// </summary>
public static class RankerCommands
{
    public static Command Create()
    {
        var taxonomy = new Option<string>("--taxonomy") { Description = "Taxonomy whose occupation profiles make the training data", DefaultValueFactory = _ => WorkingTaxonomy.DefaultReference };
        var output = new Option<string>("--out") { Description = "Where to write the model", DefaultValueFactory = _ => Path.Combine("models", "ranker.zip") };
        var seed = new Option<int>("--seed") { Description = "Seed for sampling, the split and training", DefaultValueFactory = _ => 7 };
        var holdOut = new Option<double>("--hold-out") { Description = "Share of occupations held out for the test split", DefaultValueFactory = _ => 0.2 };
        var similarityBound = new Option<double>("--similarity-bound") { Description = "The most points (of 100) profile similarity may give", DefaultValueFactory = _ => 10 };
        var outcomes = new Option<bool>("--outcomes") { Description = "Also train on recorded outcomes (POST /outcomes): one group per posting, graded by stage, weighted by recency" };
        var outcomeShare = new Option<double>("--outcome-share") { Description = "Outcome examples' total weight as a share of the weak-label examples'", DefaultValueFactory = _ => 1.0 };
        var halfLife = new Option<double>("--half-life-days") { Description = "An outcome this many days old weighs half a new one", DefaultValueFactory = _ => 365 };
        var train = new Command("train", "Train the learner-to-role ranker and print NDCG@5/@10 on held-out occupations (and held-out postings' outcomes) against two baselines.")
            { taxonomy, output, seed, holdOut, similarityBound, outcomes, outcomeShare, halfLife };
        train.SetAction(async (parse, ct) =>
        {
            if (parse.GetValue(holdOut) is <= 0 or >= 1) throw new CliException("--hold-out must be between 0 and 1");
            if (parse.GetValue(similarityBound) is < 0 or >= 100) throw new CliException("--similarity-bound must be at least 0 and below 100");
            if (parse.GetValue(outcomeShare) is <= 0 or > 100) throw new CliException("--outcome-share must be above 0 and at most 100");
            if (parse.GetValue(halfLife) <= 0) throw new CliException("--half-life-days must be above 0");
            using var host = await SkillsMatchCli.HostAsync(parse, ct);
            var reference = parse.GetValue(taxonomy)!;
            var taxonomyId = await host.Services.GetRequiredService<TaxonomyStore>().ResolveTaxonomyAsync(reference, ct) ?? throw new CliException($"unknown taxonomy '{reference}'");
            var store = host.Services.GetRequiredService<MatchingStore>();
            var clock = Stopwatch.StartNew();
            var graph = await store.LoadSkillGraphAsync(taxonomyId, ct);
            var occupations = await store.LoadOccupationProfilesAsync(taxonomyId, ct);
            if (occupations.Count < 5) throw new CliException($"taxonomy '{reference}' has {occupations.Count} occupations with skills; weak supervision needs at least 5");
            if (graph.SkillsWithVectors == 0) Console.Error.WriteLine($"warning: taxonomy '{reference}' has no skill vectors (run `taxonomy embed {reference}`): no partial credit by similarity, no embedding cosine");

            var now = DateTimeOffset.UtcNow;
            var options = new WeakSupervision.Options(Seed: parse.GetValue(seed), HoldOutShare: parse.GetValue(holdOut));
            var dataset = WeakSupervision.Build(occupations, graph, options, now);
            var outcomeOptions = new OutcomeSupervision.Options(Seed: options.Seed, HalfLifeDays: parse.GetValue(halfLife), Share: parse.GetValue(outcomeShare));
            OutcomeSupervision.Dataset? real = null;
            if (parse.GetValue(outcomes))
            {
                var examples = await OutcomeSupervision.LoadAsync(host.Services.GetRequiredService<OutcomeStore>(),
                    host.Services.GetRequiredService<MatchInputsStore>(), graph, now, ct);
                if (examples.Count == 0) throw new CliException("--outcomes: no posting has recorded outcomes of two different grades yet (record them with POST /outcomes)");
                real = OutcomeSupervision.Split(examples, outcomeOptions);
            }
            var built = clock.Elapsed;
            var (examplesToTrain, weights) = OutcomeSupervision.Combine(dataset.Train, real?.Train ?? [], outcomeOptions, DateOnly.FromDateTime(now.UtcDateTime));
            var scorer = RankerTrainer.Train(examplesToTrain, new RankerTrainer.Options(Seed: options.Seed, SimilarityBound: parse.GetValue(similarityBound)), weights: weights);
            var trained = clock.Elapsed - built;
            var evaluation = RankerEvaluation.Of(scorer, dataset.Test);
            var outcomeTest = real?.Test.Select(o => o.Example).ToList() ?? [];
            var outcomeEvaluation = outcomeTest.Count > 0 ? RankerEvaluation.Of(scorer, outcomeTest) : null;
            scorer = new Matching.Ranking.MatchScorer(scorer.Shapes, new Matching.Ranking.RankerCard(
                RankerTrainer.Method, options.Seed,
                dataset.Train.Select(e => e.Group).Distinct().Count(), evaluation.Groups, evaluation.Figures,
                real?.Outcomes ?? 0, real?.Postings ?? 0, outcomeEvaluation?.Figures));

            var path = Path.GetFullPath(parse.GetValue(output)!);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            // Refuse to replace a model that does better on the same held-out groups (one trained on other features cannot be read: replaced).
            RankerEvaluation? current = null, currentOnOutcomes = null;
            if (File.Exists(path))
                try
                {
                    var model = Matching.Ranking.MatchScorer.Load(path);
                    current = RankerEvaluation.Of(model, dataset.Test);
                    currentOnOutcomes = outcomeTest.Count > 0 ? RankerEvaluation.Of(model, outcomeTest) : null;
                }
                catch (InvalidDataException) { current = null; }
            // Worse than the current model on either kind of label: the current model stays.
            var worseOnWeak = current is not null && !evaluation.NotWorseThan(current);
            var worseOnOutcomes = currentOnOutcomes is not null && outcomeEvaluation is not null && !outcomeEvaluation.NotWorseThan(currentOnOutcomes);
            var better = evaluation.BeatsCoverage && !worseOnWeak && !worseOnOutcomes;
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
            if (real is not null)
            {
                Console.WriteLine($"recorded outcomes: {real.Outcomes} graded learner-posting pairs from {real.Postings} postings; " +
                                  $"train {real.Train.Count} pairs, test {outcomeTest.Count} pairs in {outcomeEvaluation?.Groups ?? 0} held-out postings " +
                                  $"(outcome weight {outcomeOptions.Share:0.##} of the weak labels', half-life {outcomeOptions.HalfLifeDays:0} days)");
                if (outcomeEvaluation is { } o)
                {
                    Console.WriteLine("outcomes NDCG            @5      @10");
                    Console.WriteLine($"learned ranker       {o.Learned.At5,8:F4} {o.Learned.At10,8:F4}");
                    Console.WriteLine($"embedding cosine     {o.EmbeddingCosine.At5,8:F4} {o.EmbeddingCosine.At10,8:F4}");
                    Console.WriteLine($"essential coverage   {o.RequiredCoverage.At5,8:F4} {o.RequiredCoverage.At10,8:F4}");
                    if (currentOnOutcomes is { } c) Console.WriteLine($"current model        {c.Learned.At5,8:F4} {c.Learned.At10,8:F4}");
                }
                else Console.WriteLine("outcomes NDCG: no posting held out (outcomes from fewer than two postings)");
            }
            if (better)
            {
                Console.WriteLine($"model: {path} ({new FileInfo(path).Length / 1024.0:F0} KB)");
                return 0;
            }
            await Console.Error.WriteLineAsync(!evaluation.BeatsCoverage
                ? $"error: the learned ranker does not beat essential coverage alone on the held-out set; {path} left as it was"
                : worseOnWeak
                    ? $"error: the new ranker is worse than the current model on the held-out weak labels; {path} left as it was"
                    : $"error: the new ranker is worse than the current model on the held-out outcomes; {path} left as it was");
            return 2;
        });
        var ranker = new Command("ranker", "The learned learner-to-role ranker.");
        ranker.Subcommands.Add(train);
        return ranker;
    }
}
