using System.Numerics.Tensors;
using SkillsMatch.Taxonomy;

namespace SkillsMatch.Occupations;

/// <summary>
/// One taxonomy's occupations prepared for title comparison: every title and alternative title normalised, with its
/// words and trigrams, an inverted index from trigram to titles (only titles sharing a trigram with the query can
/// score, so only those are compared), and each occupation's title vector.
/// </summary>
public sealed class OccupationIndex
{
    /// <summary>
    /// A taxonomy title that shares only generic words ("general", "head", "officer": <see cref="JobTitleText.GenericWords"/>)
    /// with a posted title that has words of its own keeps this share of its similarity: the domain words must agree.
    /// </summary>
    public const double GenericOnlyFactor = 0.45;

    private readonly List<TitleEntry> entries = [];
    private readonly Dictionary<int, List<int>> byTrigram = [];

    public OccupationIndex(IReadOnlyList<OccupationTitles> occupations)
    {
        Occupations = occupations;
        for (var i = 0; i < occupations.Count; i++)
        {
            foreach (var title in occupations[i].AltTitles.Prepend(occupations[i].Title).Distinct(StringComparer.OrdinalIgnoreCase))
            {
                var normalized = JobTitleText.Normalize(title, posted: false);
                if (normalized.Length == 0) continue;
                var entry = new TitleEntry(i, title, Query.Of(normalized));
                foreach (var gram in entry.Words.Trigrams)
                {
                    if (!byTrigram.TryGetValue(gram, out var list)) byTrigram[gram] = list = [];
                    list.Add(entries.Count);
                }
                entries.Add(entry);
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
        var shared = new int[entries.Count];
        var touched = new List<int>();
        foreach (var query in queries)
        {
            foreach (var gram in query.Trigrams)
            {
                if (!byTrigram.TryGetValue(gram, out var list)) continue;
                foreach (var e in list)
                    if (shared[e]++ == 0) touched.Add(e);
            }
            foreach (var e in touched)
            {
                var entry = entries[e];
                var score = Similarity(query, entry.Words, shared[e]);
                if (score > best[entry.Occupation].Score) best[entry.Occupation] = (score, entry.Title);
                shared[e] = 0;
            }
            touched.Clear();
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
    /// taxonomy title appears in the posted one: "registered nurse" in "registered nurse medical surgical"); cut
    /// when the titles share only generic words.
    /// </summary>
    private static double Similarity(Query q, Query t, int sharedTrigrams)
    {
        if (q.Text == t.Text) return 1;
        int common = 0, commonDomain = 0;
        foreach (var word in t.WordSet)
        {
            if (!q.WordSet.Contains(word)) continue;
            common++;
            if (!JobTitleText.GenericWords.Contains(word)) commonDomain++;
        }
        var wordDice = 2.0 * common / (q.WordSet.Count + t.WordSet.Count);
        var containment = (double)common / t.WordSet.Count;
        var trigramDice = 2.0 * sharedTrigrams / (q.Trigrams.Length + t.Trigrams.Length);
        var score = 0.4 * trigramDice + 0.3 * wordDice + 0.3 * containment;
        return commonDomain == 0 && q.DomainWords > 0 ? GenericOnlyFactor * score : score;
    }

    private sealed record TitleEntry(int Occupation, string Title, Query Words);

    /// <summary>A normalised title with its stemmed words, how many of them are not generic, and sorted trigram hashes.</summary>
    public sealed record Query(string Text, HashSet<string> WordSet, int[] Trigrams, int DomainWords)
    {
        public static Query Of(string normalized)
        {
            var words = normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(JobTitleText.Stem).ToHashSet(StringComparer.Ordinal);
            return new(normalized, words, JobTitleText.Trigrams(normalized), words.Count(w => !JobTitleText.GenericWords.Contains(w)));
        }
    }
}
