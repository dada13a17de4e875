using System.Text.RegularExpressions;

namespace SkillsMatch.Extraction;

/// <summary>
/// How much of a skill's wording a sentence uses: for each of its labels (preferred and alternative), the
/// share of the label's content words (stemmed) found in the sentence; the best label counts. It re-ranks
/// the semantic candidates, where a sentence vector alone confuses neighbours ("manage a team" vs "manage
/// a budget") that the words tell apart. Full label matches are the lexical matcher's job.
/// </summary>
public sealed partial class LabelOverlap
{
    private readonly Dictionary<long, string[][]> labelWords = [];

    public LabelOverlap(IEnumerable<ExtractionSkill> skills)
    {
        foreach (var skill in skills)
            labelWords[skill.Id] = [.. skill.AltLabels.Prepend(skill.Label).Select(l => ContentStems(l).Distinct().ToArray()).Where(w => w.Length > 0)];
    }

    /// <summary>The sentence's content words, stemmed, to ask <see cref="Of"/> about many skills.</summary>
    public static HashSet<string> SentenceWords(string sentence) => ContentStems(sentence).ToHashSet(StringComparer.Ordinal);

    /// <summary>0 (no label word in the sentence) to 1 (every content word of some label is there).</summary>
    public double Of(long skillId, HashSet<string> sentenceWords)
    {
        if (!labelWords.TryGetValue(skillId, out var labels)) return 0;
        double best = 0;
        foreach (var words in labels)
        {
            var found = 0;
            foreach (var w in words) if (sentenceWords.Contains(w)) found++;
            best = Math.Max(best, (double)found / words.Length);
        }
        return best;
    }

    private static IEnumerable<string> ContentStems(string text) =>
        Word().Matches(text.ToLowerInvariant()).Select(m => m.Value).Where(w => w.Length > 2 && !StopWords.Contains(w)).Select(Stemmer.Stem);

    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "the", "and", "for", "with", "from", "into", "onto", "our", "your", "you", "their", "that", "this", "these", "those",
        "use", "using", "other", "such", "related", "etc", "per", "about", "who", "will", "are", "have", "has", "can", "all",
    };

    [GeneratedRegex(@"[\p{L}\p{N}][\p{L}\p{N}+#]*")]
    private static partial Regex Word();
}
