using System.Text.RegularExpressions;

namespace SkillsMatch.Extraction;

/// <summary>Whether the text asks for a skill: "must have" (Required), "nice to have" (Preferred), or says nothing.</summary>
public enum RequirementCue
{
    None,
    Required,
    Preferred,
}

/// <summary>The phrases postings use to say a skill is required or only preferred.</summary>
internal static partial class RequirementCues
{
    /// <summary>Cue phrases in text[start, start + length), in order.</summary>
    public static List<(int Index, RequirementCue Cue)> Find(string text, int start, int length)
    {
        var found = new List<(int, RequirementCue)>();
        for (var m = Phrase().Match(text, start, length); m.Success; m = m.NextMatch())
        {
            found.Add((m.Index, m.Groups["preferred"].Success ? RequirementCue.Preferred : RequirementCue.Required));
        }
        return found;
    }

    // Preferred is tried first: "not required, but a plus" and "preferred qualifications" are preferences.
    // "requirements" alone is left out: "gather requirements" is a duty, not a demand.
    [GeneratedRegex("""
        \b(?:
          (?<preferred>
            nice[\s-]to[\s-]haves?|good[\s-]to[\s-]haves?
          | (?:is|are|would\ be|will\ be|as|be)\s+(?:an?\s+)?(?:big\s+|huge\s+|strong\s+|definite\s+|real\s+)?(?:asset|plus|bonus|advantage)s?
          | an?\s+(?:big\s+|huge\s+|definite\s+)?(?:asset|plus|bonus)
          | not\s+(?:strictly\s+)?(?:required|mandatory|essential|necessary)\W+but
          | preferred|preferably|preference\s+(?:for|given)|bonus\s+(?:points|if)|bonus(?=\s*:)|ideally|desirable|desired|advantageous
          | would\s+be\s+(?:great|nice|helpful|appreciated)|optional
          | (?:est|sont|serait|seraient|constitue|constituerait|repr[ée]sente)\s+(?:un|une|des)\s+(?:atouts?|plus|avantages?)
          | un\s+(?:atout|plus|avantage)|atouts?(?=\s*:)|souhait[ée]e?s?|souhaitables?|appr[ée]ci[ée]e?s?|id[ée]alement|de\s+pr[ée]f[ée]rence
          | non\s+(?:requise?s?|obligatoires?)
          )
        | (?<required>
            must(?:[\s-]haves?)?|required(?<!\bnot\s(?:(?:strictly|really)\s)?required)|requirements?(?=\s*:)|(?:is|are)\s+a\s+requirement
          | essential|mandatory|minimum|at\s+least|proven\s+(?:experience|track\s+record|ability|expertise)
          | you\s+have|you(?:'ll|\s+will)?\s+(?:need|bring)|you\s+should\s+have|needs?\s+to\s+have|necessary|prerequisites?
          | exig[ée]e?s?(?<!\bnon\s(?:exig[ée]e?s?))|exigences?(?=\s*:)|requise?s?(?<!\bnon\s(?:requise?s?))|obligatoires?(?<!\bnon\s(?:obligatoires?))
          | indispensables?|essentiel(?:le)?s?|n[ée]cessaires?|au\s+moins|minimum|pr[ée]requis|vous\s+(?:avez|poss[ée]dez|ma[îi]trisez)
          | doi(?:t|vent)\s+(?:avoir|poss[ée]der|ma[îi]triser|conna[îi]tre)
          )
        )\b
        """, RegexOptions.IgnoreCase | RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant)]
    private static partial Regex Phrase();
}
