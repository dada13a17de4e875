using SkillsMatch.Taxonomy.Importers;

namespace SkillsMatch.Matching.Evaluation;

/// <summary>
/// Reads a judged set's CSV files: <c>pairs.csv</c> (<c>pair_id,learner_id,posting_id</c>) and a grades file (the same
/// columns and <c>grade</c> 0–3, then an optional <c>note</c>). A file that breaks the format is refused whole, naming
/// the line: a half-read gold would give figures on pairs nobody chose.
/// </summary>
public static class GradeFile
{
    public const int MaxGrade = 3;

    private static readonly string[] PairColumns = ["pair_id", "learner_id", "posting_id"];

    public static Task<IReadOnlyList<JudgedPair>> ReadPairsAsync(string path, CancellationToken ct) => ReadAsync(path, graded: false, ct);

    public static Task<IReadOnlyList<JudgedPair>> ReadGradesAsync(string path, CancellationToken ct) => ReadAsync(path, graded: true, ct);

    private static async Task<IReadOnlyList<JudgedPair>> ReadAsync(string path, bool graded, CancellationToken ct)
    {
        var name = Path.GetFileName(path);
        using var csv = new DelimitedReader(new StreamReader(path), name, ',', quoting: true);
        if (!await csv.ReadAsync(ct)) throw new InvalidDataException($"{name} is empty");
        string[] expected = graded ? [.. PairColumns, "grade"] : PairColumns;
        var header = csv.Fields.Select(f => f.Trim().TrimStart('\uFEFF').ToLowerInvariant()).ToList();
        if (header.Count < expected.Length || !header.Take(expected.Length).SequenceEqual(expected))
            throw new InvalidDataException($"{name}: the header must start {string.Join(",", expected)}");

        var pairs = new List<JudgedPair>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (await csv.ReadAsync(ct))
        {
            var fields = csv.Fields;
            if (fields.Count < expected.Length || fields.Take(PairColumns.Length).Any(string.IsNullOrWhiteSpace))
                throw new InvalidDataException($"{name} line {csv.Line}: expected {string.Join(",", expected)}");
            var (pairId, learnerId, postingId) = (fields[0].Trim(), fields[1].Trim(), fields[2].Trim());
            if (!seen.Add(pairId)) throw new InvalidDataException($"{name} line {csv.Line}: pair {pairId} appears twice");
            int? grade = null;
            if (graded)
            {
                if (!int.TryParse(fields[3].Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value)
                    || value > MaxGrade)
                    throw new InvalidDataException($"{name} line {csv.Line}: grade '{fields[3]}' is not 0, 1, 2 or 3");
                grade = value;
            }
            pairs.Add(new JudgedPair(pairId, learnerId, postingId, grade));
        }
        if (pairs.Count == 0) throw new InvalidDataException($"{name} has no pairs");
        return pairs;
    }
}
