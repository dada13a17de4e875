using System.Text.RegularExpressions;

namespace SkillsMatch.Extraction;

/// <summary>
/// The text the semantic stage embeds, with gendered job titles and pronouns replaced by neutral ones ("waitress" and
/// "waiter" → "server", "she"/"he" → "they"). Sentence vectors otherwise differ with gender: the same duties written
/// about a waiter gave "cash flow management" and about a waitress did not (issue 18, fairness). Only what is embedded
/// changes; labels are still found, and evidence quoted, in the original text.
/// </summary>
public static partial class GenderNeutralText
{
    private static readonly Dictionary<string, string> Neutral = new(StringComparer.OrdinalIgnoreCase)
    {
        ["waitress"] = "server", ["waiter"] = "server", ["waitresses"] = "servers", ["waiters"] = "servers",
        ["chairman"] = "chairperson", ["chairwoman"] = "chairperson", ["chairmen"] = "chairpersons", ["chairwomen"] = "chairpersons",
        ["salesman"] = "salesperson", ["saleswoman"] = "salesperson", ["salesmen"] = "salespeople", ["saleswomen"] = "salespeople",
        ["foreman"] = "supervisor", ["forewoman"] = "supervisor", ["foremen"] = "supervisors", ["forewomen"] = "supervisors",
        ["stewardess"] = "flight attendant", ["steward"] = "flight attendant", ["stewardesses"] = "flight attendants",
        ["actress"] = "actor", ["actresses"] = "actors", ["hostess"] = "host", ["hostesses"] = "hosts",
        ["businessman"] = "businessperson", ["businesswoman"] = "businessperson",
        ["spokesman"] = "spokesperson", ["spokeswoman"] = "spokesperson",
        ["cameraman"] = "camera operator", ["camerawoman"] = "camera operator",
        ["policeman"] = "police officer", ["policewoman"] = "police officer",
        ["fireman"] = "firefighter", ["firewoman"] = "firefighter",
        ["headmaster"] = "head teacher", ["headmistress"] = "head teacher",
        ["handyman"] = "maintenance worker", ["repairman"] = "repairer", ["craftsman"] = "craftsperson", ["craftswoman"] = "craftsperson",
        ["he"] = "they", ["she"] = "they", ["him"] = "them", ["his"] = "their", ["hers"] = "theirs", ["himself"] = "themself", ["herself"] = "themself",
        ["mr"] = "", ["mrs"] = "", ["ms"] = "", ["miss"] = "",
    };

    /// <summary>"her" is "their" before a noun and "them" otherwise; "their" reads acceptably to an embedder in both places.</summary>
    private const string Her = "their";

    public static string Rewrite(string text) => Words().Replace(text, match =>
    {
        var word = match.Value;
        var neutral = word.Equals("her", StringComparison.OrdinalIgnoreCase) ? Her : Neutral.GetValueOrDefault(word);
        if (neutral is null) return word;
        return neutral.Length > 0 && char.IsUpper(word[0]) ? char.ToUpperInvariant(neutral[0]) + neutral[1..] : neutral;
    });

    [GeneratedRegex(@"\b[A-Za-z]+\b")]
    private static partial Regex Words();
}
