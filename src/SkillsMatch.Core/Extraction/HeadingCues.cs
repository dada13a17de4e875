using System.Text.RegularExpressions;

namespace SkillsMatch.Extraction;

/// <summary>
/// Section headings of postings. A requirements heading makes the bullets under it required, a
/// nice-to-have heading preferred, any other heading (Responsibilities, Benefits) ends both.
/// </summary>
internal static partial class HeadingCues
{
    public static RequirementCue CueOf(string heading)
    {
        string bare = Bare(heading);
        if (Preferred().IsMatch(bare))
        {
            return RequirementCue.Preferred;
        }
        return Required().IsMatch(bare) ? RequirementCue.Required : RequirementCue.None;
    }

    /// <summary>Whether the whole line is a section name, so a line without a colon can still be a heading.</summary>
    public static bool Known(string line)
    {
        string bare = Bare(line);
        return Whole(Preferred(), bare) || Whole(Required(), bare) || Whole(Other(), bare);
    }

    private static bool Whole(Regex regex, string text)
    {
        var m = regex.Match(text);
        return m.Success && m.Index == 0 && m.Length == text.Length;
    }

    private static string Bare(string heading) => heading.Trim().Trim('#', '*', '_', ':', '"', '\'', ' ').Trim();

    [GeneratedRegex("""
        ^(?:nice[\s-]to[\s-]haves?|good[\s-]to[\s-]haves?|assets?|bonus(?:\s+points)?|pluses|extra\s+(?:credit|points)
          |preferred(?:\s+(?:qualifications|skills|experience|requirements))?|desirable(?:\s+(?:skills|qualifications))?
          |additional\s+(?:qualifications|skills)|even\s+better\s+if|(?:it\s+)?would\s+be\s+(?:great|nice)\s+if|bonus\s+if
          |optional(?:\s+skills)?)\b
        """, RegexOptions.IgnoreCase | RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant)]
    private static partial Regex Preferred();

    [GeneratedRegex("""
        ^(?:(?:minimum|basic|required|key|essential|mandatory|must[\s-]have|core)\s+)?
         (?:requirements?|qualifications?|skills(?:\s+(?:and|&)\s+(?:experience|qualifications))?|experience|must[\s-]haves?
          |what\s+you(?:'ll|\s+will)?\s+(?:bring|need|have)(?:\s+to\s+the\s+table)?|what\s+we(?:'re|\s+are)\s+looking\s+for
          |who\s+you\s+are|about\s+you|you\s+have|your\s+(?:profile|skills|experience|background)|(?:the\s+)?ideal\s+candidate
          |(?:required|technical)\s+skills)\b
        """, RegexOptions.IgnoreCase | RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant)]
    private static partial Regex Required();

    [GeneratedRegex("""
        ^(?:responsibilities|key\s+responsibilities|duties|what\s+you(?:'ll|\s+will)\s+do|about\s+(?:us|the\s+(?:role|company|team|job|position))
          |the\s+role|your\s+role|role|benefits|perks|what\s+we\s+offer|why\s+(?:join|work\s+with)\s+us|how\s+to\s+apply|salary
          |compensation|location|overview|summary|job\s+description|description|the\s+job|our\s+offer|day\s+to\s+day)\b
        """, RegexOptions.IgnoreCase | RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant)]
    private static partial Regex Other();
}
