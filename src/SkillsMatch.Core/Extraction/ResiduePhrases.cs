using System.Buffers;
using System.Text;
using System.Text.RegularExpressions;

namespace SkillsMatch.Extraction;

/// <summary>A phrase of a sentence: offsets into the original text, and its words lower-cased and space-joined.</summary>
public sealed record ResiduePhrase(int Start, int Length, string Text, int Words);

/// <summary>
/// What confident labels leave unexplained in a sentence, as short phrases: the labels are cut out, the sentence
/// is split at list separators (commas, semicolons, brackets, "and", "or") and at the cut labels, and function
/// words, numbers and requirement phrasing are dropped. "5+ years of Python and data pipelines for monthly
/// reporting" leaves "data pipelines for monthly reporting". A short phrase costs the embedder a fraction of its
/// sentence, and the same phrase recurs across postings where whole sentences do not, so the vector cache hits.
/// </summary>
/// <remarks>
/// The text is lower-cased with single spaces: the model's tokenizer is uncased, so the vector is the one
/// of the original wording, and the cache key is the same for "Data pipelines" and "data  pipelines".
/// </remarks>
public static partial class ResiduePhrases
{
    /// <summary>Words kept of one phrase; a longer stretch without a separator is cut into pieces of this size.</summary>
    public const int MaxWords = 6;

    public static List<ResiduePhrase> Of(AnalyzedSentence sentence)
    {
        var text = sentence.Text.ToCharArray();
        // A loose alias stays in its phrase: that phrase's meaning is what corroborates it.
        foreach (var m in sentence.Mentions.Where(m => !m.Match.LooseAlias))
        {
            var from = Math.Max(0, m.Match.Start - sentence.Start);
            var to = Math.Min(text.Length, m.Match.Start + m.Match.Length - sentence.Start);
            for (var i = from; i < to; i++) text[i] = '|';
        }
        var residue = new string(text);

        var phrases = new List<ResiduePhrase>();
        var words = new List<(int Start, int End, string Word)>();
        var previousEnd = 0;
        foreach (Match w in Word().Matches(residue))
        {
            var word = w.Value.TrimEnd('.', '\'', '-');
            if (HasSeparator(residue.AsSpan(previousEnd, w.Index - previousEnd))) Flush();
            previousEnd = w.Index + w.Length;
            var lower = word.ToLowerInvariant();
            if (Breaks.Contains(lower)) { Flush(); continue; }
            if (Dropped.Contains(lower) || !word.Any(char.IsLetter)) continue;
            words.Add((sentence.Start + w.Index, sentence.Start + w.Index + word.Length, lower));
            if (words.Count == MaxWords) Flush();
            if (word.Length < w.Length && w.Value[word.Length] == '.') Flush();
        }
        Flush();
        return phrases;

        void Flush()
        {
            if (words.Count > 0)
            {
                var joined = new StringBuilder();
                foreach (var (_, _, word) in words) joined.Append(joined.Length == 0 ? "" : " ").Append(word);
                phrases.Add(new ResiduePhrase(words[0].Start, words[^1].End - words[0].Start, joined.ToString(), words.Count));
            }
            words.Clear();
        }
    }

    private static bool HasSeparator(ReadOnlySpan<char> gap) => gap.IndexOfAny(Separators) >= 0;

    private static readonly SearchValues<char> Separators = SearchValues.Create(",;:()[]{}|/•·!?\"…");

    // List and clause joints: a phrase ends here.
    private static readonly HashSet<string> Breaks = new(StringComparer.Ordinal)
    {
        "and", "or", "&", "nor", "but", "plus", "including", "e.g", "i.e", "etc", "such", "like",
        "while", "when", "where", "which", "who", "whom", "whose", "that", "is", "are", "was", "were", "be", "been",
        "will", "would", "should", "can", "could", "must", "may", "might", "shall",
        "with", "using", "to", "for", "in", "on", "at", "by", "from", "into", "via", "within", "across", "through", "under",
    };

    // Words that say nothing about a skill: articles, pronouns, requirement and level phrasing, numbers' units.
    private static readonly HashSet<string> Dropped = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "of", "as", "use", "uses",
        "your", "you", "our", "we", "us", "their", "they", "its", "it", "this", "these", "those", "his", "her", "my", "i",
        "experience", "experienced", "knowledge", "skills", "skill", "strong", "good", "solid", "excellent", "proven",
        "working", "familiarity", "familiar", "proficiency", "proficient", "ability", "able", "understanding", "background",
        "years", "year", "yrs", "asset", "required", "requirement", "requirements", "preferred", "have", "has", "nice",
        "ideally", "also", "hands", "least", "minimum", "other", "related", "equivalent", "demonstrated", "track", "record",
        "very", "highly", "well", "comfortable", "bonus",
    };

    [GeneratedRegex(@"[\p{L}\p{N}][\p{L}\p{N}+#.'-]*")]
    private static partial Regex Word();
}
