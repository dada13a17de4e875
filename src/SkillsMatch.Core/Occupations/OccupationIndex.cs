using System.Numerics.Tensors;
using SkillsMatch.Taxonomy;

namespace SkillsMatch.Occupations;

/// <summary>One taxonomy's occupations prepared for title comparison: every title and alternative title normalised, with its words and trigrams, and each occupation's title vector.</summary>
public sealed class OccupationIndex
{
    private readonly List<TitleEntry> entries = [];

    public OccupationIndex(IReadOnlyList<OccupationTitles> occupations)
    {
        Occupations = occupations;
        for (var i = 0; i < occupations.Count; i++)
        {
            foreach (var title in occupations[i].AltTitles.Prepend(occupations[i].Title).Distinct(StringComparer.OrdinalIgnoreCase))
            {
                var normalized = JobTitleText.Normalize(title);
                if (normalized.Length > 0) entries.Add(new TitleEntry(i, title, Query.Of(normalized)));
            }
        }
        HasVectors = occupations.Any(o => o.Vector is not null);
    }

    public IReadOnlyList<OccupationTitles> Occupations { get; }

    public bool HasVectors { get; }

    /// <summary>Per occupation, its best title similarity to any of the query's variants, and which title gave it.</summary>
    public (double Score, string Title)[] Lexical(IReadOnlyList<Query> queries)
    {
        var best = new (double Score, string Title)[Occupations.Count];
        foreach (var entry in entries)
        {
            foreach (var query in queries)
            {
                var score = Similarity(query, entry.Words);
                if (score > best[entry.Occupation].Score) best[entry.Occupation] = (score, entry.Title);
            }
        }
        return best;
    }

    /// <summary>Cosine of each occupation's title vector with the query vector (0 without a vector; vectors are unit length).</summary>
    public double[] Semantic(ReadOnlySpan<float> query)
    {
        var scores = new double[Occupations.Count];
        for (var i = 0; i < scores.Length; i++)
            if (Occupations[i].Vector is { } v) scores[i] = Math.Max(0, TensorPrimitives.Dot(query, v));
        return scores;
    }

    /// <summary>
    /// Trigram Dice (spelling variants, compounds), word Dice (same words) and containment (every word of the
    /// taxonomy title appears in the posted one: "registered nurse" in "registered nurse medical surgical").
    /// </summary>
    private static double Similarity(Query q, Query t)
    {
        if (q.Text == t.Text) return 1;
        var common = 0;
        foreach (var word in t.WordSet) if (q.WordSet.Contains(word)) common++;
        var wordDice = 2.0 * common / (q.WordSet.Count + t.WordSet.Count);
        var containment = (double)common / t.WordSet.Count;
        var trigramDice = 2.0 * Intersect(q.Trigrams, t.Trigrams) / (q.Trigrams.Length + t.Trigrams.Length);
        return 0.4 * trigramDice + 0.3 * wordDice + 0.3 * containment;
    }

    private static int Intersect(int[] a, int[] b)
    {
        int i = 0, j = 0, n = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j]) { n++; i++; j++; }
            else if (a[i] < b[j]) i++;
            else j++;
        }
        return n;
    }

    private sealed record TitleEntry(int Occupation, string Title, Query Words);

    /// <summary>A normalised title with its stemmed words and sorted trigram hashes.</summary>
    public sealed record Query(string Text, HashSet<string> WordSet, int[] Trigrams)
    {
        public static Query Of(string normalized) =>
            new(normalized, normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(JobTitleText.Stem).ToHashSet(StringComparer.Ordinal),
                JobTitleText.Trigrams(normalized));
    }
}
