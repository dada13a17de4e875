namespace SkillsMatch.Extraction;

/// <summary>
/// Tells French from English by function words, the way short-text detectors do when n-gram models are out of reach
/// (no NuGet package served here detects languages). Each text counts the words it shares with a short list of the most
/// frequent function words of each language; words spelled alike in both (a, on, plus, or) are left out, and so are
/// skill and product names, which postings share across languages. A language needs at least
/// <see cref="MinimumEvidence"/> function words and more than the other one; with fewer the text stays undecided (a list
/// item such as "Python, SQL") and takes the posting's language. Only French and English are told apart: SkillsMatch's
/// postings come from Canada.
/// </summary>
public static class TextLanguage
{
    public const string English = "en";
    public const string French = "fr";

    /// <summary>Function words a text needs before its language is decided.</summary>
    public const int MinimumEvidence = 2;

    private static readonly HashSet<string> FrenchWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "le", "la", "les", "des", "du", "de", "et", "un", "une", "en", "pour", "avec", "dans", "sur", "au", "aux", "est", "sont",
        "vous", "nous", "votre", "vos", "notre", "nos", "ou", "où", "qui", "que", "quelle", "par", "ce", "cette", "ces", "être",
        "avoir", "son", "sa", "ses", "leur", "leurs", "à", "ainsi", "afin", "selon", "chez", "lors", "très", "entre", "d", "l",
        "qu", "il", "elle", "ils", "sera", "serait", "doit", "peut", "tout", "toute", "tous", "toutes", "aussi",
        "mais", "dont", "sans", "sous", "même", "été", "requis", "exigences", "connaissance", "connaissances", "maîtrise",
        "expérience", "années", "ans", "atout", "poste", "candidat", "candidate", "équipe", "travail", "milieu", "capacité",
    };

    private static readonly HashSet<string> EnglishWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "and", "of", "to", "in", "for", "with", "is", "are", "you", "we", "our", "your", "an", "be", "will", "at", "by",
        "this", "that", "from", "have", "has", "it", "its", "they", "their", "which", "who", "what", "when", "would", "should",
        "can", "must", "into", "about", "than", "other", "such", "all", "any", "been", "were", "was", "not", "but", "us",
        "skills", "experience", "years", "knowledge", "ability", "required", "team", "work", "working", "strong", "using",
    };

    /// <summary>"fr", "en", or null when the text has too few function words to tell.</summary>
    public static string? Detect(ReadOnlySpan<char> text)
    {
        int french = 0, english = 0;
        int i = 0;
        var lookupFrench = FrenchWords.GetAlternateLookup<ReadOnlySpan<char>>();
        var lookupEnglish = EnglishWords.GetAlternateLookup<ReadOnlySpan<char>>();
        while (i < text.Length)
        {
            while (i < text.Length && !char.IsLetter(text[i])) i++;
            int start = i;
            while (i < text.Length && char.IsLetter(text[i])) i++;
            if (i == start) break;
            var word = text[start..i];
            if (lookupFrench.Contains(word)) french++;
            else if (lookupEnglish.Contains(word)) english++;
        }
        if (Math.Max(french, english) < MinimumEvidence || french == english) return null;
        return french > english ? French : English;
    }

    /// <summary>Whether any line of the text reads as French (a bilingual posting's French half, under an English one).</summary>
    public static bool HasFrenchLine(string text)
    {
        foreach (var line in text.AsSpan().EnumerateLines())
            if (Detect(line) == French) return true;
        return false;
    }

    /// <summary>The language of a part of a text: its own when it shows one, else the whole text's.</summary>
    public static string? Detect(ReadOnlySpan<char> part, string? whole) => Detect(part) ?? whole;
}
