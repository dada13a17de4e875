using System.Text;
using System.Text.RegularExpressions;

namespace SkillsMatch.Occupations;

/// <summary>
/// Job titles as posted ("Sr. Data Analyst – Power BI", "RN - Med/Surg nights", "Cook II") reduced to the words
/// that name the occupation: lower case, no accents, common abbreviations spelled out, and seniority, schedule
/// and contract words dropped, because taxonomies name the occupation, not the grade or the shift.
/// </summary>
public static partial class JobTitleText
{
    // Grades and schedule words: dropped from posted and taxonomy titles alike ("junior data analyst" is a data analyst).
    private static readonly HashSet<string> Noise = new(StringComparer.Ordinal)
    {
        "senior", "sr", "junior", "jr", "lead", "principal", "staff", "i", "ii", "iii", "iv", "v", "1", "2", "3", "4",
        "level", "entry", "intermediate", "experienced", "full", "part", "time", "fulltime", "parttime", "ft",
        "days", "day", "shift", "shifts", "bilingual", "french", "english", "start", "new", "grad", "graduate", "month",
        "months", "year", "term", "position", "opportunity", "role", "h", "f", "m", "x", "class", "team",
    };

    // Contract, place and hiring words: dropped from posted titles only, since a taxonomy names occupations with
    // some of them ("contract engineer", "night porter").
    private static readonly HashSet<string> PostedNoise = new(StringComparer.Ordinal)
    {
        "contract", "temporary", "temp", "permanent", "casual", "seasonal", "remote", "hybrid", "onsite", "nights", "night",
        "evenings", "evening", "weekend", "weekends", "overnight", "urgent", "urgently", "hiring", "immediate", "vacancy",
        "ontario", "canada", "malaysia",
    };

    private static readonly HashSet<string> FunctionWords = new(StringComparer.Ordinal) { "the", "a", "an", "of", "for", "with", "to", "in", "at" };

    /// <summary>The title's words: the whole title, and its head (before a dash, bar, comma or parenthesis) when that differs.</summary>
    public static IReadOnlyList<string> Variants(string title)
    {
        var whole = Normalize(title);
        var head = Normalize(HeadSeparator().Split(title)[0]);
        return head.Length > 0 && head != whole ? [whole, head] : [whole];
    }

    /// <param name="posted">A title as posted: contract, place and hiring words go too, which a taxonomy's own titles
    /// keep ("contract engineer", "night porter" name occupations).</param>
    public static string Normalize(string title, bool posted = true)
    {
        var text = Embeddings.AccentStripper.Strip(title).ToLowerInvariant().Replace("&", " and ", StringComparison.Ordinal);
        var words = new List<string>();
        var tokens = NonWord().Split(text);
        for (var i = 0; i < tokens.Length; i++)
        {
            var token = tokens[i];
            if (token.Length == 0 || FunctionWords.Contains(token) || Noise.Contains(token) || (posted && PostedNoise.Contains(token))) continue;
            if (token == "admin")
                token = i + 1 < tokens.Length && tokens[i + 1] is "assistant" or "officer" or "clerk" or "coordinator" or "support" ? "administrative" : "administrator";
            else if (JobTitleAcronyms.Table.TryGetValue(token, out var spelled)) token = spelled;
            words.Add(token);
        }
        return string.Join(' ', words);
    }

    /// <summary>
    /// Words that say what grade or kind of post a title is, not which occupation: "General Worker" is not an army
    /// general, "Retail Executive" not a chief executive officer, "MEAL Officer" not an armed forces officer. They
    /// never make two titles agree on their own (<see cref="OccupationIndex"/>).
    /// </summary>
    public static readonly HashSet<string> GenericWords = new(StringComparer.Ordinal)
    {
        "general", "head", "chief", "executive", "officer", "lead", "assistant", "specialist", "associate", "staff",
        "senior", "junior", "principal", "deputy", "trainee", "intern", "internship", "helper", "professional", "member",
    };

    /// <summary>Word forms compared without a plural s ("drivers" is "driver").</summary>
    public static string Stem(string word) =>
        word.Length > 3 && word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) ? word[..^1] : word;

    /// <summary>Character trigrams of " text " as hashes: the typo- and variant-tolerant half of title similarity.</summary>
    public static int[] Trigrams(string text)
    {
        var padded = new StringBuilder(text.Length + 2).Append(' ').Append(text).Append(' ').ToString();
        var set = new HashSet<int>();
        for (var i = 0; i + 3 <= padded.Length; i++) set.Add(string.GetHashCode(padded.AsSpan(i, 3), StringComparison.Ordinal));
        var grams = set.ToArray();
        Array.Sort(grams);
        return grams;
    }

    [GeneratedRegex(@"[^a-z0-9+#]+")]
    private static partial Regex NonWord();

    [GeneratedRegex(@"\s[-–—:]\s|[|(,]|\s[–—]|[–—]\s")]
    private static partial Regex HeadSeparator();
}
