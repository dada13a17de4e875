using System.Text.Json;
using SkillsMatch.Demo;
using SkillsMatch.Jobs;
using SkillsMatch.Matching.Evaluation;

namespace SkillsMatch.Cli;

/// <summary>
/// A judged ranking set's folder (data/eval/ranking-gold): postings.jsonl (schema.org JobPostings), learners.jsonl (one
/// learner a line, shaped as in data/demo/learners.json), and the grade files: the gold one for NDCG and any
/// grades-a.csv / grades-b.csv / grades.csv for agreement. Read and cross-checked before anything touches a database.
/// </summary>
public sealed record JudgedSet(
    string Folder, IReadOnlyList<JobPosting> Postings, IReadOnlyList<DemoLearner> Learners, string GoldName, IReadOnlyList<JudgedPair> Gold,
    IReadOnlyDictionary<string, IReadOnlyList<JudgedPair>> GraderFiles)
{
    /// <summary>The two graders' files and the settled one, compared pairwise when present.</summary>
    public static readonly IReadOnlyList<string> AgreementFiles = ["grades-a.csv", "grades-b.csv", "grades.csv"];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<JudgedSet> ReadAsync(string folder, string goldFile, CancellationToken ct)
    {
        if (!Directory.Exists(folder)) throw new CliException($"{Path.GetFullPath(folder)} is not a folder");
        var goldPath = Path.IsPathRooted(goldFile) || File.Exists(goldFile) && !File.Exists(Path.Combine(folder, goldFile)) ? goldFile : Path.Combine(folder, goldFile);
        if (!File.Exists(goldPath))
            throw new CliException($"no grades file {Path.GetFullPath(goldPath)}; the settled grades are grades.csv, or name one with --grades (e.g. --grades grades-a.csv)");
        try
        {
            var postings = await ReadPostingsAsync(Need(folder, "postings.jsonl"), ct);
            var learners = (await File.ReadAllLinesAsync(Need(folder, "learners.jsonl"), ct)).Where(l => l.Trim().Length > 0)
                .Select(l => JsonSerializer.Deserialize<DemoLearner>(l, Json) ?? throw new InvalidDataException("learners.jsonl: an empty line object")).ToList();
            var gold = await GradeFile.ReadGradesAsync(goldPath, ct);
            var graders = new Dictionary<string, IReadOnlyList<JudgedPair>>(StringComparer.Ordinal);
            foreach (var name in AgreementFiles.Where(n => File.Exists(Path.Combine(folder, n))))
                graders[name] = await GradeFile.ReadGradesAsync(Path.Combine(folder, name), ct);
            var set = new JudgedSet(folder, postings, learners, Path.GetFileName(goldPath), gold, graders);
            set.Check();
            return set;
        }
        catch (Exception ex) when (ex is InvalidDataException or JsonException or Taxonomy.Importers.TaxonomyFormatException)
        {
            throw new CliException(ex.Message);
        }
    }

    private void Check()
    {
        var postingIds = Postings.Select(p => p.ExternalId).ToHashSet(StringComparer.Ordinal);
        var learnerKeys = Learners.Select(l => l.Key).ToHashSet(StringComparer.Ordinal);
        if (postingIds.Count != Postings.Count) throw new InvalidDataException("postings.jsonl: two postings share an identifier");
        if (learnerKeys.Count != Learners.Count) throw new InvalidDataException("learners.jsonl: two learners share a key");
        foreach (var (name, pairs) in GraderFiles.Append(new(GoldName, Gold)))
        {
            if (pairs.FirstOrDefault(p => !learnerKeys.Contains(p.LearnerId)) is { } noLearner)
                throw new InvalidDataException($"{name}: pair {noLearner.PairId} names learner {noLearner.LearnerId}, not in learners.jsonl");
            if (pairs.FirstOrDefault(p => !postingIds.Contains(p.PostingId)) is { } noPosting)
                throw new InvalidDataException($"{name}: pair {noPosting.PairId} names posting {noPosting.PostingId}, not in postings.jsonl");
        }
    }

    private static async Task<List<JobPosting>> ReadPostingsAsync(string path, CancellationToken ct)
    {
        var postings = new List<JobPosting>();
        var line = 0;
        foreach (var text in await File.ReadAllLinesAsync(path, ct))
        {
            line++;
            if (text.Trim().Length == 0) continue;
            var parsed = JobPostingParser.Parse(text);
            if (parsed.Posting is null) throw new InvalidDataException($"postings.jsonl line {line}: {string.Join("; ", parsed.Errors)}");
            postings.Add(parsed.Posting);
        }
        return postings;
    }

    private static string Need(string folder, string name)
    {
        var path = Path.Combine(folder, name);
        return File.Exists(path) ? path : throw new InvalidDataException($"{Path.GetFullPath(folder)} has no {name}");
    }
}
