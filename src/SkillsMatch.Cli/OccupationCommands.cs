using System.CommandLine;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SkillsMatch.Occupations;
using SkillsMatch.Taxonomy;

namespace SkillsMatch.Cli;

/// <summary><c>skillsmatch occupations classify "TITLE"</c> and <c>skillsmatch eval occupations</c>.</summary>
public static class OccupationCommands
{
    private static readonly Option<string> TaxonomyOption = new("--taxonomy") { Description = "key, key@version or id", DefaultValueFactory = _ => "skillsmatch" };

    public static Command Create()
    {
        var title = new Argument<string>("title") { Description = "The job title as posted, e.g. \"Sr. Data Analyst – Power BI\"" };
        var text = new Option<FileInfo?>("--text") { Description = "A UTF-8 file with the posting's text, used as extra evidence" };
        var k = new Option<int>("-k") { Description = "How many occupations to list", DefaultValueFactory = _ => 5 };
        var classify = new Command("classify", "Title (and optional text) → the closest occupations, with scores.") { title, text, TaxonomyOption, k };
        classify.SetAction(async (parse, ct) =>
        {
            if (parse.GetValue(k) is < 1 or > 50) throw new CliException("-k must be between 1 and 50");
            var body = parse.GetValue(text) is { } file ? await ExtractCommands.ReadTextAsync(file, ct) : null;
            using var session = await SessionAsync(parse, ct);
            var matches = await session.Classifier.ClassifyAsync(parse.GetValue(title)!, body, session.TaxonomyId, parse.GetValue(k), ct);
            if (matches.Count == 0) throw new CliException("no occupation found (is the title empty, or the taxonomy without occupations?)");
            foreach (var m in matches)
                Console.WriteLine($"{m.Score:F3}  {m.Title}  [{m.ExternalId}]  lexical {m.Lexical:F2} ('{m.MatchedTitle}'), semantic {m.Semantic:F2}{(m.LowConfidence ? "  (low confidence)" : "")}");
            return 0;
        });
        var occupations = new Command("occupations", "Job title → occupation normalisation.");
        occupations.Subcommands.Add(classify);
        return occupations;
    }

    public static Command Evaluate()
    {
        var gold = new Option<FileInfo>("--gold")
        {
            Description = "CSV with columns title,occupation and optionally text (occupation: URI, ESCO code such as 2422.10, ISCO-08 unit group such as 2422, preferred title or id)",
            Required = true,
        };
        var verbose = new Option<bool>("--misses") { Description = "Also list every title not ranked first" };
        var part = new Option<string>("--part") { Description = "all, or the tune / held-out half (split by a hash of the title)", DefaultValueFactory = _ => "all" };
        part.AcceptOnlyFromAmong("all", "tune", "held-out");
        var weight = new Option<double?>("--lexical-weight") { Description = $"Lexical share of the score (default {OccupationClassifier.LexicalWeight}); for tuning on --part tune" };
        var command = new Command("occupations", "acc@1, acc@5 and MRR of title → occupation normalisation against a gold file.") { gold, TaxonomyOption, verbose, part, weight };
        command.SetAction(async (parse, ct) =>
        {
            var goldFile = parse.GetValue(gold)!;
            if (!goldFile.Exists) throw new CliException($"{goldFile.FullName} does not exist.");
            using var session = await SessionAsync(parse, ct, parse.GetValue(weight));
            var started = DateTime.UtcNow;
            var half = parse.GetValue(part) switch { "tune" => GoldPart.Tune, "held-out" => GoldPart.HeldOut, _ => GoldPart.All };
            var report = await OccupationEvaluation.RunAsync(session.Classifier, session.Store, session.TaxonomyId, goldFile.FullName, ct, half);
            if (parse.GetValue(verbose))
                foreach (var miss in report.Misses)
                    Console.WriteLine($"  line {miss.Line}: '{miss.Title}' → '{miss.Predicted}', expected '{miss.Expected}' (rank {miss.Rank?.ToString() ?? ">" + OccupationEvaluation.RankDepth})");
            Console.WriteLine($"gold: {goldFile.Name} ({parse.GetValue(part)}): {report.Count} titles scored, {report.WithText} with text, " +
                              $"{report.Unresolved} naming an occupation not in the taxonomy ({(DateTime.UtcNow - started).TotalSeconds:F1} s)");
            Console.WriteLine($"acc@1 {report.AccuracyAt1:P1}  acc@5 {report.AccuracyAt5:P1}  MRR {report.Mrr:F3}  n={report.Count}  " +
                              $"low confidence {report.LowConfidence} ({Share(report.LowConfidence, report.Count):P0}; acc@1 {Share(report.LowConfidenceRight, report.LowConfidence):P1} " +
                              $"flagged, {Share(report.Count * report.AccuracyAt1 - report.LowConfidenceRight, report.Count - report.LowConfidence):P1} not)");
            return 0;
        });
        return command;
    }

    private static double Share(double part, double whole) => whole == 0 ? 0 : part / whole;

    /// <summary>The API's classifier (Embeddings:* honoured; all cores unless Embeddings:IntraOpThreads says otherwise) and the taxonomy asked for;
    /// with <paramref name="lexicalWeight"/>, a classifier of the same model with that weight (for tuning).</summary>
    private static async Task<ClassifierSession> SessionAsync(ParseResult parse, CancellationToken ct, double? lexicalWeight = null)
    {
        var host = await SkillsMatchCli.HostAsync(parse, ct, CommandHost.AllCores);
        var store = host.Services.GetRequiredService<TaxonomyStore>();
        var reference = parse.GetValue(TaxonomyOption)!;
        if (await store.ResolveTaxonomyAsync(reference, ct) is not { } taxonomyId)
        {
            host.Dispose();
            throw new CliException($"unknown taxonomy '{reference}'");
        }
        var classifier = lexicalWeight is { } weight
            ? new OccupationClassifier(store, host.Services.GetService<IEmbeddingGenerator<string, Embedding<float>>>(), weight)
            : host.Services.GetRequiredService<OccupationClassifier>();
        return new ClassifierSession(host, store, classifier, taxonomyId);
    }

    private sealed record ClassifierSession(IHost Host, TaxonomyStore Store, OccupationClassifier Classifier, int TaxonomyId) : IDisposable
    {
        public void Dispose() => Host.Dispose();
    }
}
