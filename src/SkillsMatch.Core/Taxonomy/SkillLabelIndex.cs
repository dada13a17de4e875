namespace SkillsMatch.Taxonomy;

/// <summary>
/// Every skill label of every loaded taxonomy, in memory, for autocomplete in well under a millisecond:
/// exact label, alias, prefix, then labels whose words all match the query's words (the last one as a
/// prefix, any one with a typo found by symmetric deletion). Immutable once built; rebuilt when a
/// taxonomy is imported (see <see cref="SkillSearch"/>).
/// </summary>
public sealed class SkillLabelIndex
{
    private const int MaxPrefixScan = 4000;
    private readonly SkillLabel[] labels;
    private readonly string[] sortedTexts;
    private readonly int[] wordCounts;
    private readonly Dictionary<string, List<int>> byText = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<int>> byWord = new(StringComparer.Ordinal);
    private readonly string[] sortedWords;
    private readonly Dictionary<string, List<string>> wordsByDeletion = new(StringComparer.Ordinal);

    public SkillLabelIndex(IEnumerable<SkillLabel> source)
    {
        labels = source.OrderBy(l => l.Text, StringComparer.Ordinal).ToArray();
        sortedTexts = labels.Select(l => l.Text).ToArray();
        wordCounts = new int[labels.Length];
        for (var i = 0; i < labels.Length; i++)
        {
            Add(byText, labels[i].Text, i);
            var words = LabelWords.Split(labels[i].Text);
            wordCounts[i] = words.Length;
            foreach (var word in words.Distinct(StringComparer.Ordinal)) Add(byWord, word, i);
        }
        sortedWords = byWord.Keys.Order(StringComparer.Ordinal).ToArray();
        foreach (var word in sortedWords)
            foreach (var deletion in LabelWords.Deletions(word))
                Add(wordsByDeletion, deletion, word);
    }

    public int Count => labels.Length;

    public IReadOnlyList<SkillHit> Search(string query, int? taxonomyId, string? type, int limit)
    {
        var q = LabelWords.Normalize(query);
        if (q.Length == 0) return [];
        var best = new Dictionary<long, SkillHit>();
        void Offer(int index, string match, double score)
        {
            var label = labels[index];
            if ((taxonomyId is not null && label.TaxonomyId != taxonomyId) || (type is not null && label.Type != type)) return;
            if (best.TryGetValue(label.SkillId, out var existing) && existing.Score >= score) return;
            best[label.SkillId] = new SkillHit(label.SkillId, label.Taxonomy, label.ExternalId, label.PreferredLabel, label.Type, label.Text, match, score);
        }

        if (byText.TryGetValue(q, out var exact))
            foreach (var i in exact) Offer(i, labels[i].IsPreferred ? "exact" : "alias", labels[i].IsPreferred ? 1.0 : 0.97);

        var start = LowerBound(sortedTexts, q);
        for (var i = start; i < sortedTexts.Length && i - start < MaxPrefixScan && sortedTexts[i].StartsWith(q, StringComparison.Ordinal); i++)
            if (sortedTexts[i].Length > q.Length) Offer(i, "prefix", 0.8 + 0.1 * q.Length / sortedTexts[i].Length);

        foreach (var (index, typos, matchedWords) in WordMatches(LabelWords.Split(q)))
        {
            var coverage = (double)matchedWords / wordCounts[index];
            Offer(index, typos == 0 ? "word" : "fuzzy", (typos == 0 ? 0.6 : 0.45) + 0.15 * coverage);
        }

        return best.Values.OrderByDescending(h => h.Score).ThenBy(h => h.Label.Length).ThenBy(h => h.Label, StringComparer.Ordinal)
            .Take(limit).ToList();
    }

    /// <summary>Labels containing every query word (the last may be a prefix; any word may carry one typo).</summary>
    private IEnumerable<(int Index, int Typos, int MatchedWords)> WordMatches(string[] words)
    {
        if (words.Length == 0) return [];
        Dictionary<int, int>? typosByLabel = null;
        for (var w = 0; w < words.Length; w++)
        {
            var candidates = new Dictionary<int, int>();
            void Collect(string word, int typo)
            {
                if (!byWord.TryGetValue(word, out var list)) return;
                foreach (var i in list)
                    if (!candidates.TryGetValue(i, out var t) || t > typo) candidates[i] = typo;
            }
            Collect(words[w], 0);
            if (w == words.Length - 1 && words[w].Length >= 2)
            {
                var start = LowerBound(sortedWords, words[w]);
                for (var i = start; i < sortedWords.Length && i - start < 200 && sortedWords[i].StartsWith(words[w], StringComparison.Ordinal); i++)
                    Collect(sortedWords[i], 0);
            }
            if (words[w].Length >= 4)
                foreach (var similar in SimilarWords(words[w])) Collect(similar, 1);

            if (typosByLabel is null) typosByLabel = candidates;
            else
                typosByLabel = typosByLabel.Where(kv => candidates.ContainsKey(kv.Key))
                    .ToDictionary(kv => kv.Key, kv => kv.Value + candidates[kv.Key]);
            if (typosByLabel.Count == 0) return [];
        }
        return typosByLabel!.Select(kv => (kv.Key, kv.Value, words.Length));
    }

    /// <summary>Words one deletion apart on either side (catches a wrong, missing, extra or swapped letter).</summary>
    private HashSet<string> SimilarWords(string word)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        if (wordsByDeletion.TryGetValue(word, out var longer)) found.UnionWith(longer);
        foreach (var deletion in LabelWords.Deletions(word))
        {
            if (byWord.ContainsKey(deletion)) found.Add(deletion);
            if (wordsByDeletion.TryGetValue(deletion, out var same)) found.UnionWith(same);
        }
        found.Remove(word);
        return found;
    }

    private static int LowerBound(string[] sorted, string value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (string.CompareOrdinal(sorted[mid], value) < 0) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    private static void Add<T>(Dictionary<string, List<T>> map, string key, T value)
    {
        if (!map.TryGetValue(key, out var list)) map[key] = list = [];
        list.Add(value);
    }
}

/// <summary>One label (lower-cased text) of one skill, with what a search hit needs to show.</summary>
public sealed record SkillLabel(long SkillId, int TaxonomyId, string Taxonomy, string ExternalId, string PreferredLabel, string Type, string Text, bool IsPreferred);
