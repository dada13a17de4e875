namespace SkillsMatch.Extraction;

/// <summary>
/// A light English stemmer for lower-cased words, applied to label and text alike, so only consistency
/// matters: analyse, analyze, analysing, analysis and analyzed all become "analyz"; manage, managing and
/// management "manag"; British -ise/-isation/-our/-tre/-lling meet their American spellings.
/// </summary>
/// <remarks>
/// Porter would conflate more (and wrongly: "university"/"universe"); ESCO labels are short verb phrases, so
/// the inflections and the spelling variants are what costs recall.
/// </remarks>
internal static class Stemmer
{
    private const int MinStem = 3;

    public static string Stem(string word)
    {
        if (word.Length < 4)
        {
            return word;
        }
        string w = AmericanSpelling(word);
        w = StripInflection(w);
        w = StripDerivation(w);
        if (w.Length > MinStem && w.EndsWith('e'))
        {
            w = w[..^1];
        }
        // "modelling"/"modeling", "planning"/"plan", "staffing"/"staff": one of a final double consonant.
        if (w.Length >= 4 && w[^1] == w[^2] && !IsVowel(w[^1]))
        {
            w = w[..^1];
        }
        return w;
    }

    private static string AmericanSpelling(string w)
    {
        // analyse/analysis → analyze; "ysis"/"yses" become the verb's "yze" so noun and verb meet.
        foreach (var (british, american) in YseSuffixes)
        {
            if (w.EndsWith(british, StringComparison.Ordinal) && w.Length - british.Length >= 3)
            {
                return w[..^british.Length] + american;
            }
        }
        if (w.Length >= 6)
        {
            foreach (var (british, american) in IseSuffixes)
            {
                if (w.EndsWith(british, StringComparison.Ordinal) && w.Length - british.Length >= 3)
                {
                    return w[..^british.Length] + american;
                }
            }
        }
        // colour, behaviour, labour (not hour, four, your, tour: the part before "our" must be 3+ letters).
        if (w.EndsWith("our", StringComparison.Ordinal) && w.Length >= 6)
        {
            return w[..^3] + "or";
        }
        if (w.EndsWith("ours", StringComparison.Ordinal) && w.Length >= 7)
        {
            return w[..^4] + "ors";
        }
        if (w is "centre" or "centres" or "metre" or "metres" or "theatre" or "litre")
        {
            return w.Replace("tre", "ter", StringComparison.Ordinal);
        }
        return w;
    }

    private static readonly (string, string)[] YseSuffixes =
    [
        ("yses", "yze"), ("ysis", "yze"), ("ysing", "yzing"), ("ysed", "yzed"), ("yser", "yzer"), ("ysers", "yzers"),
        ("yse", "yze"),
    ];

    private static readonly (string, string)[] IseSuffixes =
    [
        ("isations", "izations"), ("isation", "ization"), ("ising", "izing"), ("ised", "ized"), ("ises", "izes"),
        ("isers", "izers"), ("iser", "izer"), ("ise", "ize"),
    ];

    private static string StripInflection(string w)
    {
        if (w.EndsWith("ies", StringComparison.Ordinal) && w.Length > 4)
        {
            return w[..^3] + "y";
        }
        if (w.EndsWith("sses", StringComparison.Ordinal))
        {
            return w[..^2];
        }
        if (w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal) && !w.EndsWith("us", StringComparison.Ordinal)
            && !w.EndsWith("is", StringComparison.Ordinal) && w.Length > 4)
        {
            w = w[..^1];
        }
        if (w.EndsWith("ing", StringComparison.Ordinal) && w.Length - 3 >= MinStem && HasVowel(w.AsSpan(0, w.Length - 3)))
        {
            return w[..^3];
        }
        if (w.EndsWith("ed", StringComparison.Ordinal) && w.Length - 2 >= MinStem && !w.EndsWith("eed", StringComparison.Ordinal)
            && HasVowel(w.AsSpan(0, w.Length - 2)))
        {
            return w[..^2];
        }
        return w;
    }

    private static string StripDerivation(string w)
    {
        if (w.EndsWith("ization", StringComparison.Ordinal) && w.Length - 7 >= MinStem)
        {
            return w[..^5];
        }
        if (w.EndsWith("ation", StringComparison.Ordinal) && w.Length - 5 >= MinStem)
        {
            return w[..^3];
        }
        if (w.EndsWith("ment", StringComparison.Ordinal) && w.Length - 4 >= 4)
        {
            return w[..^4];
        }
        return w;
    }

    private static bool HasVowel(ReadOnlySpan<char> s)
    {
        foreach (char c in s)
        {
            if (IsVowel(c))
            {
                return true;
            }
        }
        return false;
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';
}
