using SkillsMatch.Taxonomy;
using SkillsMatch.Taxonomy.Importers;

namespace SkillsMatch.Occupations;

public sealed record OccupationEvaluationReport(
    int Count, int Unresolved, double AccuracyAt1, double AccuracyAt5, double Mrr, IReadOnlyList<OccupationMiss> Misses, int WithText = 0, int LowConfidence = 0, int LowConfidenceRight = 0);

/// <summary>A gold title whose occupation was not ranked first, with what was.</summary>
public sealed record OccupationMiss(int Line, string Title, string Expected, string? Predicted, int? Rank);

/// <summary>Which rows of a gold file to score: all, or one of two halves split by a hash of the normalised title.</summary>
public enum GoldPart
{
    All,
    /// <summary>The half to tune weights and tables on.</summary>
    Tune,
    /// <summary>The other half, to report.</summary>
    HeldOut,
}

/// <summary>
/// Accuracy at 1 and 5 and mean reciprocal rank (over the top 10) of <see cref="OccupationClassifier"/> against a
/// gold CSV with columns <c>title,occupation</c> and an optional <c>text</c> (the posting's text, used as evidence);
/// more columns are ignored. The occupation is given as its external id (URI), the source's code (ESCO "2422.10"), an
/// ISCO-08 unit group ("2422": any occupation of the group counts), its preferred title or its numeric id; rows naming
/// an occupation the taxonomy lacks are counted, not scored.
/// </summary>
public static class OccupationEvaluation
{
    public const int RankDepth = 10;

    public static async Task<OccupationEvaluationReport> RunAsync(
        OccupationClassifier classifier, TaxonomyStore store, int taxonomyId, string goldPath, CancellationToken ct, GoldPart part = GoldPart.All)
    {
        var occupations = await store.LoadOccupationTitlesAsync(taxonomyId, ct);
        var byExternal = occupations.ToDictionary(o => o.ExternalId, o => o, StringComparer.Ordinal);
        var byCode = occupations.Where(o => o.Code is not null).GroupBy(o => o.Code!, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        var byIsco = occupations.Where(o => o.IscoCode is not null).GroupBy(o => o.IscoCode!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<OccupationTitles>)g.ToList(), StringComparer.Ordinal);
        var byTitle = occupations.GroupBy(o => o.Title, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        var byId = occupations.ToDictionary(o => o.Id);
        IReadOnlyList<OccupationTitles>? Resolve(string value) =>
            byExternal.GetValueOrDefault(value) is { } e ? [e]
            : byCode.GetValueOrDefault(value) is { } c ? [c]
            : byIsco.GetValueOrDefault(value) is { } group ? group
            : byTitle.GetValueOrDefault(value) is { } t ? [t]
            : long.TryParse(value, out var id) && byId.GetValueOrDefault(id) is { } o ? [o] : null;

        var file = Path.GetFileName(goldPath);
        using var reader = new DelimitedReader(new StreamReader(goldPath), file, ',', quoting: true);
        if (!await reader.ReadAsync(ct)) throw new TaxonomyFormatException(file, 1, "the file is empty");
        var header = reader.Fields.Select(f => f.Trim().ToLowerInvariant()).ToList();
        int titleColumn = header.IndexOf("title"), occupationColumn = header.IndexOf("occupation"), textColumn = header.IndexOf("text");
        if (titleColumn < 0 || occupationColumn < 0)
            throw new TaxonomyFormatException(file, reader.Line, "the header must have 'title' and 'occupation' columns");

        int count = 0, unresolved = 0, at1 = 0, at5 = 0, withText = 0, low = 0, lowRight = 0;
        double reciprocal = 0;
        var misses = new List<OccupationMiss>();
        while (await reader.ReadAsync(ct))
        {
            if (reader.Fields.Count <= Math.Max(titleColumn, occupationColumn))
                throw new TaxonomyFormatException(file, reader.Line, $"expected at least {Math.Max(titleColumn, occupationColumn) + 1} columns");
            var title = reader.Fields[titleColumn].Trim();
            if (title.Length == 0 || !InPart(title, part)) continue;
            if (Resolve(reader.Fields[occupationColumn].Trim()) is not { } expected) { unresolved++; continue; }
            var text = textColumn >= 0 && textColumn < reader.Fields.Count && reader.Fields[textColumn].Trim().Length > 0 ? reader.Fields[textColumn] : null;
            if (text is not null) withText++;
            var ranked = await classifier.ClassifyAsync(title, text, taxonomyId, RankDepth, ct);
            var ids = expected.Select(o => o.Id).ToHashSet();
            var rank = ranked.Select((m, i) => (m, i)).FirstOrDefault(x => ids.Contains(x.m.OccupationId), (null!, -1)).Item2 + 1;
            count++;
            if (ranked.Count > 0 && ranked[0].LowConfidence)
            {
                low++;
                if (rank == 1) lowRight++;
            }
            if (rank == 1) at1++;
            if (rank is >= 1 and <= 5) at5++;
            if (rank >= 1) reciprocal += 1.0 / rank;
            if (rank != 1)
                misses.Add(new OccupationMiss(reader.Line, title, expected.Count == 1 ? expected[0].Title : $"ISCO {expected[0].IscoCode}",
                    ranked.Count > 0 ? ranked[0].Title : null, rank == 0 ? null : rank));
        }
        return count == 0
            ? new OccupationEvaluationReport(0, unresolved, 0, 0, 0, misses)
            : new OccupationEvaluationReport(count, unresolved, (double)at1 / count, (double)at5 / count, reciprocal / count, misses, withText, low, lowRight);
    }

    /// <summary>A stable half of the titles (FNV-1a of the normalised title), so a repeated title falls on one side only.</summary>
    public static bool InPart(string title, GoldPart part)
    {
        if (part == GoldPart.All) return true;
        uint hash = 2166136261;
        foreach (var c in title.Trim().ToLowerInvariant()) hash = (hash ^ c) * 16777619;
        return (hash % 2 == 0) == (part == GoldPart.Tune);
    }
}
