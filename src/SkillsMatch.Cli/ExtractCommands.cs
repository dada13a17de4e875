using System.CommandLine;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SkillsMatch.Extraction;
using SkillsMatch.Extraction.Evaluation;
using SkillsMatch.Taxonomy;

namespace SkillsMatch.Cli;

/// <summary><c>skillsmatch extract [FILE]</c> and <c>skillsmatch eval linking</c>.</summary>
public static class ExtractCommands
{
    private static readonly Option<string> TaxonomyOption = new("--taxonomy") { Description = "key, key@version or id", DefaultValueFactory = _ => "skillsmatch" };
    private static readonly Option<bool> LexicalOnlyOption = new("--lexical-only") { Description = "Label matching only (no embeddings)" };

    public static Command Extract()
    {
        var file = new Argument<FileInfo?>("file") { Description = "UTF-8 text file; standard input when omitted", Arity = ArgumentArity.ZeroOrOne };
        var links = new Option<int?>("--links") { Description = "Also print the top-k candidate skills of every sentence (linking mode)" };
        var command = new Command("extract", "Find taxonomy skills in a text (posting, course, credential, CV).") { file, TaxonomyOption, LexicalOnlyOption, links };
        command.SetAction(async (parse, ct) =>
        {
            var text = await ReadTextAsync(parse.GetValue(file), ct);
            using var session = await SessionAsync(parse, ct);
            var result = await session.Extractor.ExtractAsync(text, session.TaxonomyId,
                new ExtractionOptions { LexicalOnly = parse.GetValue(LexicalOnlyOption), LinkTopK = parse.GetValue(links) }, ct);
            Console.WriteLine(JsonSerializer.Serialize(result, Json));
            return 0;
        });
        return command;
    }

    public static Command Eval()
    {
        var gold = new Option<FileInfo>("--gold") { Description = "CSV with columns sentence,label (label: skill id, external id or preferred label)", Required = true };
        var threshold = new Option<double?>("--threshold") { Description = "Operating threshold (default: the calibrated one)" };
        var sweep = new Option<bool>("--sweep") { Description = "Also print precision, recall and F1 across thresholds" };
        var linking = new Command("linking", "R-Precision@5, MRR and P/R/F1 of extraction against a gold file.") { gold, TaxonomyOption, threshold, sweep, LexicalOnlyOption };
        linking.SetAction(async (parse, ct) =>
        {
            var goldFile = parse.GetValue(gold)!;
            if (!goldFile.Exists) throw new CliException($"{goldFile.FullName} does not exist.");
            using var session = await SessionAsync(parse, ct);
            var goldSet = await ReadGoldAsync(session, session.TaxonomyId, goldFile.FullName, ct);
            var started = DateTime.UtcNow;
            var evaluation = await LinkingEvaluation.RankAsync(session.Extractor, session.TaxonomyId, goldSet, parse.GetValue(LexicalOnlyOption), ct);
            var report = evaluation.At(parse.GetValue(threshold) ?? session.Extractor.Calibration.Threshold);
            Console.WriteLine($"gold: {goldFile.Name}: {goldSet.Rows} rows, {report.Sentences} sentences, {report.RankedSentences} with gold skills, " +
                              $"{report.IgnoredLabels} labels not in the taxonomy ignored ({(DateTime.UtcNow - started).TotalSeconds:F1} s)");
            Console.WriteLine($"RP@5 {report.RPrecisionAt5:F1}  MRR {report.Mrr:F3}  at threshold {report.Threshold:F2}: " +
                              $"P {report.Precision:F3}  R {report.Recall:F3}  F1 {report.F1:F3}");
            if (parse.GetValue(sweep))
                for (var t = 0.30; t <= 0.951; t += 0.05)
                {
                    var r = evaluation.At(t);
                    Console.WriteLine($"  threshold {t:F2}: P {r.Precision:F3}  R {r.Recall:F3}  F1 {r.F1:F3}");
                }
            return 0;
        });
        var eval = new Command("eval", "Quality figures against gold data.");
        eval.Subcommands.Add(linking);
        eval.Subcommands.Add(CrossValidated());
        eval.Subcommands.Add(OccupationCommands.Evaluate());
        eval.Subcommands.Add(RankingEvalCommand.Create());
        return eval;
    }

    /// <summary><c>eval linking-cv --fold esco=tech.csv --fold esco=house.csv --fold skillsmatch=data/eval/skillsmatch-gold.csv</c>.</summary>
    private static Command CrossValidated()
    {
        var folds = new Option<string[]>("--fold")
        {
            Description = "TAXONOMY=GOLD.csv, once per gold set (at least two); each set is held out in turn",
            Required = true,
            AllowMultipleArgumentsPerToken = false,
        };
        var command = new Command("linking-cv",
            "Leave-one-gold-set-out: the threshold is chosen on the other sets, then RP@5, MRR and P/R/F1 are read on the held-out one.")
            { folds, LexicalOnlyOption };
        command.SetAction(async (parse, ct) =>
        {
            var specs = parse.GetValue(folds)!;
            if (specs.Length < 2) throw new CliException("give at least two --fold TAXONOMY=FILE");
            using var session = await SessionAsync(parse, ct);
            var ranked = new List<(string Name, LinkingEvaluation Evaluation)>();
            foreach (var spec in specs)
            {
                var at = spec.IndexOf('=', StringComparison.Ordinal);
                if (at <= 0) throw new CliException($"--fold '{spec}' is not TAXONOMY=FILE");
                var (reference, path) = (spec[..at], spec[(at + 1)..]);
                if (!File.Exists(path)) throw new CliException($"{Path.GetFullPath(path)} does not exist.");
                var taxonomyId = await session.Store.ResolveTaxonomyAsync(reference, ct) ?? throw new CliException($"unknown taxonomy '{reference}'");
                var goldSet = await ReadGoldAsync(session, taxonomyId, path, ct);
                ranked.Add(($"{Path.GetFileName(path)} ({reference})",
                    await LinkingEvaluation.RankAsync(session.Extractor, taxonomyId, goldSet, parse.GetValue(LexicalOnlyOption), ct)));
            }
            var defaultThreshold = session.Extractor.Calibration.Threshold;
            Console.WriteLine($"threshold chosen on the other sets by mean F1 over {CrossValidation.Grid[0]:F2}–{CrossValidation.Grid[^1]:F2}; " +
                              $"'default' is the shipped {defaultThreshold:F2}");
            foreach (var fold in CrossValidation.LeaveOneOut(ranked, defaultThreshold))
            {
                var (h, d) = (fold.HeldOut, fold.AtDefault);
                Console.WriteLine($"held out {fold.Name}: {h.RankedSentences} ranked sentences  RP@5 {h.RPrecisionAt5:F1}  MRR {h.Mrr:F3}  " +
                                  $"threshold {fold.ChosenThreshold:F2}: P {h.Precision:F3}  R {h.Recall:F3}  F1 {h.F1:F3}  (default: F1 {d.F1:F3})");
            }
            return 0;
        });
        return command;
    }

    private static async Task<GoldSet> ReadGoldAsync(ExtractionSession session, int taxonomyId, string path, CancellationToken ct)
    {
        var model = await session.Models.ForTaxonomyAsync(taxonomyId, ct);
        var byLabel = model.Skills.Values.GroupBy(s => s.Label, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First().Id, StringComparer.OrdinalIgnoreCase);
        var byExternal = model.Skills.Values.ToDictionary(s => s.ExternalId, s => s.Id, StringComparer.Ordinal);
        long? Resolve(string label) =>
            byExternal.TryGetValue(label, out var id) ? id
            : byLabel.TryGetValue(label, out id) ? id
            : long.TryParse(label, out id) && model.Skills.ContainsKey(id) ? id : null;
        return await GoldFile.ReadAsync(path, Resolve, ct);
    }

    /// <summary>Invalid UTF-8 or binary content is refused, not guessed at.</summary>
    public static async Task<string> ReadTextAsync(FileInfo? file, CancellationToken ct)
    {
        var strict = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        try
        {
            using var reader = file is null ? new StreamReader(Console.OpenStandardInput(), strict) : new StreamReader(file.FullName, strict);
            var text = await reader.ReadToEndAsync(ct);
            if (text.Contains('\0', StringComparison.Ordinal)) throw new CliException("the input is binary (it contains NUL characters), not text.");
            if (string.IsNullOrWhiteSpace(text)) throw new CliException("the input is empty.");
            return text;
        }
        catch (DecoderFallbackException)
        {
            throw new CliException("the input is not valid UTF-8.");
        }
        catch (FileNotFoundException)
        {
            throw new CliException($"{file?.FullName} does not exist.");
        }
    }

    /// <summary>The API's extractor (Embeddings:* honoured; all cores unless Embeddings:IntraOpThreads says otherwise) and the taxonomy asked for.</summary>
    private static async Task<ExtractionSession> SessionAsync(ParseResult parse, CancellationToken ct)
    {
        var host = await SkillsMatchCli.HostAsync(parse, ct, CommandHost.AllCores);
        var reference = parse.GetValue(TaxonomyOption) ?? "skillsmatch";
        var store = host.Services.GetRequiredService<TaxonomyStore>();
        if (await store.ResolveTaxonomyAsync(reference, ct) is not { } taxonomyId)
        {
            host.Dispose();
            throw new CliException($"unknown taxonomy '{reference}'");
        }
        return new ExtractionSession(host, store, host.Services.GetRequiredService<ExtractionModels>(), host.Services.GetRequiredService<SkillExtractor>(), taxonomyId);
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private sealed record ExtractionSession(IHost Host, TaxonomyStore Store, ExtractionModels Models, SkillExtractor Extractor, int TaxonomyId) : IDisposable
    {
        public void Dispose() => Host.Dispose();
    }
}
