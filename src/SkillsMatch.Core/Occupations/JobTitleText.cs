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
    private static readonly Dictionary<string, string> Abbreviations = new(StringComparer.Ordinal)
    {
        ["rn"] = "registered nurse", ["rpn"] = "registered practical nurse", ["lpn"] = "licensed practical nurse",
        ["np"] = "nurse practitioner", ["psw"] = "personal support worker", ["ece"] = "early childhood educator",
        ["hca"] = "health care aide", ["mlt"] = "medical laboratory technologist", ["mla"] = "medical laboratory assistant",
        ["dev"] = "developer", ["devs"] = "developer", ["eng"] = "engineer", ["engr"] = "engineer", ["mgr"] = "manager",
        ["asst"] = "assistant", ["coord"] = "coordinator", ["rep"] = "representative", ["tech"] = "technician",
        ["techs"] = "technician", ["hr"] = "human resources", ["qa"] = "quality assurance", ["bi"] = "business intelligence",
        ["csr"] = "customer service representative", ["swe"] = "software engineer", ["sre"] = "site reliability engineer",
        ["pm"] = "project manager", ["ml"] = "machine learning", ["ai"] = "artificial intelligence",
        ["az"] = "tractor trailer truck", ["dz"] = "straight truck", ["cdl"] = "truck", ["ot"] = "occupational therapist",
        ["pt"] = "physiotherapist", ["hvac"] = "hvac", ["acct"] = "accounting", ["ap"] = "accounts payable", ["ar"] = "accounts receivable",
        ["sysadmin"] = "systems administrator", ["dba"] = "database administrator", ["soc"] = "security operations centre",
    };

    private static readonly HashSet<string> Noise = new(StringComparer.Ordinal)
    {
        "senior", "sr", "junior", "jr", "lead", "principal", "staff", "i", "ii", "iii", "iv", "v", "1", "2", "3", "4",
        "level", "entry", "intermediate", "experienced", "full", "part", "time", "fulltime", "parttime", "ft", "temporary", "temp",
        "contract", "permanent", "casual", "seasonal", "remote", "hybrid", "onsite", "nights", "night", "days", "day", "evenings",
        "evening", "weekend", "weekends", "shift", "shifts", "overnight", "bilingual", "french", "english", "urgent", "hiring",
        "immediate", "start", "new", "grad", "graduate", "month", "months", "year", "term", "position", "opportunity", "role",
        "the", "a", "an", "of", "for", "with", "to", "in", "at", "h", "f", "m", "x", "class", "team", "ontario", "canada",
    };

    /// <summary>The title's words: the whole title, and its head (before a dash, bar, comma or parenthesis) when that differs.</summary>
    public static IReadOnlyList<string> Variants(string title)
    {
        var whole = Normalize(title);
        var head = Normalize(HeadSeparator().Split(title)[0]);
        return head.Length > 0 && head != whole ? [whole, head] : [whole];
    }

    public static string Normalize(string title)
    {
        var text = Embeddings.AccentStripper.Strip(title).ToLowerInvariant().Replace("&", " and ", StringComparison.Ordinal);
        var words = new List<string>();
        var tokens = NonWord().Split(text);
        for (var i = 0; i < tokens.Length; i++)
        {
            var token = tokens[i];
            if (token.Length == 0 || Noise.Contains(token)) continue;
            if (token == "admin")
                token = i + 1 < tokens.Length && tokens[i + 1] is "assistant" or "officer" or "clerk" or "coordinator" or "support" ? "administrative" : "administrator";
            else if (Abbreviations.TryGetValue(token, out var spelled)) token = spelled;
            words.Add(token);
        }
        return string.Join(' ', words);
    }

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
