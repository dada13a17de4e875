using System.CommandLine;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using SkillsMatch.Demo;
using SkillsMatch.Matching.Evaluation;

namespace SkillsMatch.Cli;

/// <summary>
/// <c>skillsmatch eval ranking --gold data/eval/ranking-gold</c>: loads a judged set into the database it is given, scores
/// every graded pair with the ranker and the coverage-only and similarity-only baselines, and prints NDCG@5, NDCG@10 and
/// Spearman's ρ per method (means over postings), with Cohen's κ between the grade files present.
/// </summary>
public static class RankingEvalCommand
{
    private static readonly string[] Methods = ["learned ranker", "essential coverage", "profile similarity"];

    public static Command Create()
    {
        var gold = new Option<string>("--gold") { Description = "The judged set's folder (postings.jsonl, learners.jsonl, grade files)", Required = true };
        var grades = new Option<string>("--grades") { Description = "The grades NDCG is read against: a file in the folder or a path", DefaultValueFactory = _ => "grades.csv" };
        var issuers = new Option<string?>("--issuers") { Description = "The issuers the learners' credentials name (default data/demo/issuers.json)" };
        var perPosting = new Option<bool>("--per-posting") { Description = "Also print each posting's NDCG@5 per method and each judged pair's scores" };
        var command = new Command("ranking",
            "Judged learner–posting pairs (0–3): NDCG@5/@10 and Spearman for the ranker and two baselines, and the graders' Cohen's κ. " +
            "Loads the set (hidden learners, closed postings, the demo issuers) into the database: use one meant for it.")
            { gold, grades, issuers, perPosting };
        command.SetAction(async (parse, ct) =>
        {
            var set = await JudgedSet.ReadAsync(parse.GetValue(gold)!, parse.GetValue(grades)!, ct);
            var issuersPath = parse.GetValue(issuers) ?? RepositoryFiles.Find("data", "demo", "issuers.json")
                ?? throw new CliException("cannot find data/demo/issuers.json; give --issuers");
            if (!File.Exists(issuersPath)) throw new CliException($"{Path.GetFullPath(issuersPath)} does not exist");
            var issuerList = DemoDataSet.ReadIssuers(issuersPath);

            Console.WriteLine($"judged set {set.Folder} (our own data, not a real-world sample): {set.Postings.Count} postings, " +
                              $"{set.Learners.Count} learners, {set.Gold.Count} graded pairs in {set.GoldName}");
            PrintAgreement(set);

            using var host = await SkillsMatchCli.HostAsync(parse, ct, CommandHost.AllCores);
            var clock = Stopwatch.StartNew();
            var loaded = await new JudgedSetLoader(host.Services).LoadAsync(set, issuerList, ct);
            Console.WriteLine($"loaded in {clock.Elapsed.TotalSeconds:F0} s: {loaded.NewLearners} new learners, {loaded.Credentials} credentials submitted " +
                              $"({loaded.Verified} credential-verified), {loaded.Postings.Count} postings (closed, learners hidden from employers)");

            var pairs = set.Gold.Select(p => (loaded.Learners[p.LearnerId], loaded.Postings[p.PostingId])).ToList();
            var scores = await host.Services.GetRequiredService<JudgedPairScorer>().ScoreAsync(pairs, ct);
            var figures = new[]
            {
                Figures(Methods[0], set.Gold, scores, s => s.Ranker),
                Figures(Methods[1], set.Gold, scores, s => s.Coverage),
                Figures(Methods[2], set.Gold, scores, s => s.Similarity),
            };
            var postings = set.Gold.Select(p => p.PostingId).Distinct().Count();
            Console.WriteLine($"against {set.GoldName}, means over postings ({figures[0].NdcgPostings} of {postings} with a grade above 0 for NDCG; " +
                              $"Spearman where grades and scores vary; ties count as the mean over their orders)");
            Console.WriteLine("method                 NDCG@5  NDCG@10  Spearman");
            foreach (var f in figures)
                Console.WriteLine($"{f.Method,-20} {f.Ndcg5,8:F4} {f.Ndcg10,8:F4} {f.Spearman,9:F4}  ({f.SpearmanPostings} postings for ρ)");
            Console.WriteLine("mean score by grade    " + string.Join("  ", Enumerable.Range(0, GradeFile.MaxGrade + 1).Select(g =>
                $"{g}: {MeanScore(set.Gold, scores, g):F1} (n={set.Gold.Count(p => p.Grade == g)})")) + "  (ranker, 0–100)");
            if (parse.GetValue(perPosting)) PrintPerPosting(set, scores);
            return 0;
        });
        return command;
    }

    private static JudgedRanking Figures(string method, IReadOnlyList<JudgedPair> gold, IReadOnlyList<PairScores> scores, Func<PairScores, double> pick) =>
        JudgedRanking.Of(method, gold.Select((p, i) => (p.PostingId, p.Grade!.Value, pick(scores[i]))).ToList());

    private static double MeanScore(IReadOnlyList<JudgedPair> gold, IReadOnlyList<PairScores> scores, int grade) =>
        gold.Select((p, i) => (p.Grade, scores[i].Ranker)).Where(x => x.Grade == grade).Select(x => x.Ranker).DefaultIfEmpty(double.NaN).Average();

    /// <summary>Each posting's NDCG@5 per method, then its pairs best-graded first with the three scores: where to look when a figure moves.</summary>
    private static void PrintPerPosting(JudgedSet set, IReadOnlyList<PairScores> scores)
    {
        var titles = set.Postings.ToDictionary(p => p.ExternalId, p => p.Title, StringComparer.Ordinal);
        foreach (var posting in set.Gold.Select((p, i) => (Pair: p, Scores: scores[i])).GroupBy(x => x.Pair.PostingId, StringComparer.Ordinal))
        {
            var grades = posting.Select(x => x.Pair.Grade!.Value).ToList();
            string At5(Func<PairScores, double> pick) => JudgedMetrics.Ndcg(grades, posting.Select(x => pick(x.Scores)).ToList(), 5) is { } n ? n.ToString("F3", System.Globalization.CultureInfo.InvariantCulture) : "n/a";
            Console.WriteLine($"{posting.Key} {titles[posting.Key]}: NDCG@5 ranker {At5(s => s.Ranker)}, coverage {At5(s => s.Coverage)}, similarity {At5(s => s.Similarity)}");
            foreach (var (pair, score) in posting.OrderByDescending(x => x.Pair.Grade).ThenByDescending(x => x.Scores.Ranker))
                Console.WriteLine($"  {pair.PairId} {pair.LearnerId,-4} grade {pair.Grade}  ranker {score.Ranker,5:F1}  coverage {score.Coverage:F2}  similarity {score.Similarity:F2}");
        }
    }

    /// <summary>κ for every two grade files present, on the pairs both graded.</summary>
    private static void PrintAgreement(JudgedSet set)
    {
        var files = set.GraderFiles.ToList();
        if (files.Count < 2)
        {
            Console.WriteLine($"agreement: needs two of {string.Join(", ", JudgedSet.AgreementFiles)}; found {(files.Count == 0 ? "none" : files[0].Key)}");
            return;
        }
        for (var i = 0; i < files.Count; i++)
            for (var j = i + 1; j < files.Count; j++)
            {
                var second = files[j].Value.ToDictionary(p => p.PairId, StringComparer.Ordinal);
                var both = files[i].Value.Where(p => second.ContainsKey(p.PairId)).Select(p => (A: p.Grade!.Value, B: second[p.PairId].Grade!.Value)).ToList();
                if (both.Count == 0)
                {
                    Console.WriteLine($"agreement {files[i].Key} vs {files[j].Key}: no pair in common");
                    continue;
                }
                var (a, b) = (both.Select(x => x.A).ToList(), both.Select(x => x.B).ToList());
                string Kappa(KappaWeights w) => CohenKappa.Of(a, b, GradeFile.MaxGrade + 1, w) is { } k ? k.ToString("F3", System.Globalization.CultureInfo.InvariantCulture) : "n/a";
                Console.WriteLine($"agreement {files[i].Key} vs {files[j].Key}: {both.Count} pairs, {both.Count(x => x.A == x.B)} graded alike " +
                                  $"({both.Count(x => Math.Abs(x.A - x.B) > 1)} more than one grade apart); Cohen's κ {Kappa(KappaWeights.Unweighted)}, " +
                                  $"linear-weighted {Kappa(KappaWeights.Linear)}, quadratic-weighted {Kappa(KappaWeights.Quadratic)}");
            }
    }
}
