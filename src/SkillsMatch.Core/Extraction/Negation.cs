namespace SkillsMatch.Extraction;

/// <summary>
/// Whether a clause denies a skill: a cue up to four words before it ("no SQL experience required",
/// "without C++", "no need for Excel"), "not required/needed/necessary" after it ("Java is not needed"), or a
/// "Not required:" lead-in. Skills listed together share the cue ("without C++, Java or Go"). A hyphen or a
/// compound is not a cue: "no-code", "NoSQL".
/// </summary>
internal static class Negation
{
    private const int Window = 4;

    private static readonly HashSet<string> Cues = new(StringComparer.OrdinalIgnoreCase)
    {
        "no", "not", "without", "never", "nor", "neither", "don't", "doesn't", "isn't", "aren't", "won't", "cannot",
    };

    private static readonly HashSet<string> Demands = new(StringComparer.OrdinalIgnoreCase)
    {
        "required", "needed", "necessary", "mandatory", "essential", "requirement", "prerequisite", "expected",
    };

    private static readonly HashSet<string> ListJoiners = new(StringComparer.OrdinalIgnoreCase) { "or", "and", "/" };

    private static readonly HashSet<string> ClauseBreaks = new(StringComparer.OrdinalIgnoreCase)
    {
        ".", ";", "!", "?", "(", ")", "\n", "•", "but", "while", "whereas", "although", "though", "however",
    };

    /// <param name="inMatch">For each token, whether it belongs to a skill match (any skill).</param>
    public static bool IsNegated(string text, List<Token> tokens, bool[] inMatch, int first, int last, int clauseFirst, int clauseLast)
    {
        return CueBefore(text, tokens, inMatch, first, clauseFirst) || DenialAfter(text, tokens, inMatch, last, clauseLast);
    }

    private static bool CueBefore(string text, List<Token> tokens, bool[] inMatch, int first, int clauseFirst)
    {
        int words = 0;
        for (int i = first - 1; i >= clauseFirst && words <= Window; i--)
        {
            string word = Surface(text, tokens[i]);
            if (inMatch[i] || ListJoiners.Contains(word))
            {
                continue;
            }
            if (word == ",")
            {
                // A comma continues a list of skills ("no Python, SQL"), not a clause ("no relocation, Python").
                if (i > clauseFirst && inMatch[i - 1])
                {
                    continue;
                }
                return false;
            }
            if (word == ":")
            {
                return i >= 2 && IsDenial(text, tokens, i - 2);
            }
            if (ClauseBreaks.Contains(word))
            {
                return false;
            }
            if (IsCue(text, tokens, i))
            {
                return true;
            }
            words++;
        }
        return false;
    }

    private static bool DenialAfter(string text, List<Token> tokens, bool[] inMatch, int last, int clauseLast)
    {
        int words = 0;
        for (int i = last + 1; i <= clauseLast && words <= Window + 2; i++)
        {
            string word = Surface(text, tokens[i]);
            if (inMatch[i] || ListJoiners.Contains(word))
            {
                continue;
            }
            if (word == "," ? !inMatch[i - 1] : ClauseBreaks.Contains(word))
            {
                return false;
            }
            if (IsDenial(text, tokens, i))
            {
                // "not required, but a real plus" is a preference, not a denial.
                int next = i + 2;
                while (next < tokens.Count && next <= i + 4 && tokens[next].Is(TokenFlags.Punctuation))
                {
                    next++;
                }
                return !(next < tokens.Count && next <= i + 4 && Surface(text, tokens[next]).Equals("but", StringComparison.OrdinalIgnoreCase));
            }
            words++;
        }
        return false;
    }

    /// <summary>"not required", "isn't needed", "not a requirement", "not strictly necessary" starting at token i.</summary>
    private static bool IsDenial(string text, List<Token> tokens, int i)
    {
        string word = Surface(text, tokens[i]);
        if (!word.Equals("not", StringComparison.OrdinalIgnoreCase) && !word.EndsWith("n't", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        for (int j = i + 1; j < tokens.Count && j <= i + 2; j++)
        {
            string next = Surface(text, tokens[j]);
            if (Demands.Contains(next))
            {
                return true;
            }
            if (next is not ("a" or "strictly" or "really" or "absolutely" or "A" or "Strictly"))
            {
                return false;
            }
        }
        return false;
    }

    private static bool IsCue(string text, List<Token> tokens, int i)
    {
        var token = tokens[i];
        if (token.Is(TokenFlags.HyphenAfter) || token.Is(TokenFlags.HyphenBefore) || !Cues.Contains(Surface(text, token)))
        {
            return false;
        }
        // "not only Python but also Java", "no later than", "no longer": not denials.
        if (i + 1 < tokens.Count)
        {
            string next = Surface(text, tokens[i + 1]);
            if (next.Equals("only", StringComparison.OrdinalIgnoreCase) || next.Equals("later", StringComparison.OrdinalIgnoreCase)
                || next.Equals("longer", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }
        return true;
    }

    private static string Surface(string text, Token token) =>
        token.Is(TokenFlags.Punctuation) ? token.Key : text.Substring(token.Start, token.Length);
}
