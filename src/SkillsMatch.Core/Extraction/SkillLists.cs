namespace SkillsMatch.Extraction;

/// <summary>
/// Whether a label stands as an item of a list of skills: "Python, Go, AWS", "C/C++", "python sql excel k8s".
/// There a short or lower-cased name ("Go", "r", "sql", "k8s", "excel") is the skill; in running text it is
/// usually a word ("go to the warehouse", "excel at", "R&amp;D", "C-suite").
/// </summary>
internal static class SkillLists
{
    private static readonly HashSet<string> Separators = new(StringComparer.Ordinal)
    {
        ",", "/", ";", "|", "(", ")", ":", "+", "and", "or", "\n", "·", "•", "[", "]",
    };

    /// <summary>
    /// The match (index <paramref name="index"/> into <paramref name="matches"/>, whose sentence holds tokens
    /// [<paramref name="first"/>, <paramref name="last"/>] and matches up to <paramref name="end"/>) is bounded on
    /// both sides by a separator, another skill or the sentence's edge, and other skills are listed beside it:
    /// two others, or one where the sentence asks for skills ("Required: Python, Go").
    /// </summary>
    public static bool IsListed(List<Token> tokens, List<TokenMatch> matches, int index, int first, int last, int end, bool askedFor)
    {
        var match = matches[index];
        if (!Bounded(tokens, matches, match.FirstToken - 1, first, last, index, before: true)
            || !Bounded(tokens, matches, match.LastToken + 1, first, last, index, before: false))
        {
            return false;
        }
        // Other skills of the sentence, one per span (a label shared by two skills is one item); lower-cased
        // names listed together ("python sql k8s") vouch for each other.
        var others = new HashSet<int>();
        int start = index;
        while (start > 0 && matches[start - 1].FirstToken >= first)
        {
            start--;
        }
        for (int i = start; i < end; i++)
        {
            if (matches[i].FirstToken != match.FirstToken)
            {
                others.Add(matches[i].FirstToken);
            }
        }
        return others.Count >= 2 || (askedFor && others.Count >= 1);
    }

    private static bool Bounded(List<Token> tokens, List<TokenMatch> matches, int neighbour, int first, int last, int self, bool before)
    {
        if (neighbour < first || neighbour > last)
        {
            return true;
        }
        var token = tokens[neighbour];
        if (Separators.Contains(token.Key) || token.Is(TokenFlags.LineBreak))
        {
            return true;
        }
        // The sentence's final full stop.
        if (token.Key == "." && neighbour == last)
        {
            return true;
        }
        // Another skill right beside it, as in a list written with spaces only.
        foreach (var other in matches)
        {
            if (other.FirstToken > last)
            {
                break;
            }
            if (before ? other.LastToken == neighbour : other.FirstToken == neighbour)
            {
                return other.FirstToken != matches[self].FirstToken;
            }
        }
        return false;
    }
}
