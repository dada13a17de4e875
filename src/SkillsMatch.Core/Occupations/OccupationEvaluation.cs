using SkillsMatch.Taxonomy;
using SkillsMatch.Taxonomy.Importers;

namespace SkillsMatch.Occupations;

public sealed record OccupationEvaluationReport(int Count, int Unresolved, double AccuracyAt1, double AccuracyAt5, double Mrr, IReadOnlyList<OccupationMiss> Misses);

/// <summary>A gold title whose occupation was not ranked first, with what was.</summary>
public sealed record OccupationMiss(int Line, string Title, string Expected, string? Predicted, int? Rank);

/// <summary>
/// Accuracy at 1 and 5 and mean reciprocal rank (over the top 10) of <see cref="OccupationClassifier"/> against a
/// gold CSV with columns <c>title,occupation</c> (more columns ignored). The occupation is given as its external id
/// (code or URI), its numeric id or its preferred title; rows naming an occupation the taxonomy lacks are counted, not scored.
/// </summary>
public static class OccupationEvaluation
{
    public const int RankDepth = 10;

    public static async Task<OccupationEvaluationReport> RunAsync(
        OccupationClassifier classifier, TaxonomyStore store, int taxonomyId, string goldPath, CancellationToken ct)
    {
        var occupations = await store.LoadOccupationTitlesAsync(taxonomyId, ct);
        var byExternal = occupations.ToDictionary(o => o.ExternalId, o => o, StringComparer.Ordinal);
        var byTitle = occupations.GroupBy(o => o.Title, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        var byId = occupations.ToDictionary(o => o.Id);
        OccupationTitles? Resolve(string value) =>
            byExternal.GetValueOrDefault(value) ?? byTitle.GetValueOrDefault(value) ?? (long.TryParse(value, out var id) ? byId.GetValueOrDefault(id) : null);

        var file = Path.GetFileName(goldPath);
        using var reader = new DelimitedReader(new StreamReader(goldPath), file, ',', quoting: true);
        if (!await reader.ReadAsync(ct)) throw new TaxonomyFormatException(file, 1, "the file is empty");
        var header = reader.Fields.Select(f => f.Trim().ToLowerInvariant()).ToList();
        int titleColumn = header.IndexOf("title"), occupationColumn = header.IndexOf("occupation");
        if (titleColumn < 0 || occupationColumn < 0)
            throw new TaxonomyFormatException(file, reader.Line, "the header must have 'title' and 'occupation' columns");

        int count = 0, unresolved = 0, at1 = 0, at5 = 0;
        double reciprocal = 0;
        var misses = new List<OccupationMiss>();
        while (await reader.ReadAsync(ct))
        {
            if (reader.Fields.Count <= Math.Max(titleColumn, occupationColumn))
                throw new TaxonomyFormatException(file, reader.Line, $"expected at least {Math.Max(titleColumn, occupationColumn) + 1} columns");
            var title = reader.Fields[titleColumn].Trim();
            if (title.Length == 0) continue;
            if (Resolve(reader.Fields[occupationColumn].Trim()) is not { } expected) { unresolved++; continue; }
            var ranked = await classifier.ClassifyAsync(title, null, taxonomyId, RankDepth, ct);
            var rank = ranked.Select((m, i) => (m, i)).FirstOrDefault(x => x.m.OccupationId == expected.Id, (null!, -1)).Item2 + 1;
            count++;
            if (rank == 1) at1++;
            if (rank is >= 1 and <= 5) at5++;
            if (rank >= 1) reciprocal += 1.0 / rank;
            if (rank != 1) misses.Add(new OccupationMiss(reader.Line, title, expected.Title, (ranked.Count > 0 ? ranked[0].Title : null), rank == 0 ? null : rank));
        }
        return count == 0
            ? new OccupationEvaluationReport(0, unresolved, 0, 0, 0, misses)
            : new OccupationEvaluationReport(count, unresolved, (double)at1 / count, (double)at5 / count, reciprocal / count, misses);
    }
}
