using System.Globalization;
using System.Text.RegularExpressions;

namespace SkillsMatch.Extraction;

internal readonly record struct YearsCue(int Index, int? Min, int? Max);

internal readonly record struct ProficiencyCue(int Index, int Length, Proficiency Level);

/// <summary>Years of experience and proficiency words in text[start, start + length).</summary>
internal static partial class LevelCues
{
    public static List<YearsCue> FindYears(string text, int start, int length)
    {
        var found = new List<YearsCue>();
        // Most sentences give no years; the regex would try every number word at every letter to learn that.
        var span = text.AsSpan(start, length);
        if (!span.Contains("year", StringComparison.OrdinalIgnoreCase) && !span.Contains("yr", StringComparison.OrdinalIgnoreCase)
            && !MayGiveFrenchYears(span))
        {
            return found;
        }
        for (var m = Years().Match(text, start, length); m.Success; m = m.NextMatch())
        {
            int? first = Number(m.Groups["min"].Value);
            int? second = m.Groups["max"].Success ? Number(m.Groups["max"].Value) : null;
            // "up to 3 years" bounds from above only.
            bool upTo = m.Groups["upto"].Success;
            found.Add(upTo ? new YearsCue(m.Index, null, first) : new YearsCue(m.Index, first, second));
        }
        return found;
    }

    private static bool MayGiveFrenchYears(ReadOnlySpan<char> span) =>
        span.Contains(" ans", StringComparison.OrdinalIgnoreCase) || span.Contains("anné", StringComparison.OrdinalIgnoreCase)
        || span.Contains("annee", StringComparison.OrdinalIgnoreCase) || span.Contains("un an", StringComparison.OrdinalIgnoreCase) || span.Contains("1 an", StringComparison.Ordinal);

    public static List<ProficiencyCue> FindProficiency(string text, int start, int length)
    {
        var found = new List<ProficiencyCue>();
        for (var m = ProficiencyWords().Match(text, start, length); m.Success; m = m.NextMatch())
        {
            var level = m.Groups["expert"].Success ? Proficiency.Expert
                : m.Groups["advanced"].Success ? Proficiency.Advanced
                : m.Groups["intermediate"].Success ? Proficiency.Intermediate
                : Proficiency.Beginner;
            found.Add(new ProficiencyCue(m.Index, m.Length, level));
        }
        return found;
    }

    private static int? Number(string word) => word.ToLowerInvariant() switch
    {
        "one" => 1, "two" => 2, "three" => 3, "four" => 4, "five" => 5, "six" => 6, "seven" => 7, "eight" => 8,
        "nine" => 9, "ten" => 10, "eleven" => 11, "twelve" => 12, "fifteen" => 15, "twenty" => 20,
        "un" => 1, "une" => 1, "deux" => 2, "trois" => 3, "quatre" => 4, "cinq" => 5, "sept" => 7, "huit" => 8, "neuf" => 9,
        "dix" => 10, "douze" => 12, "quinze" => 15, "vingt" => 20,
        var digits => int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out int n) ? n : null,
    };

    // French: "au moins 3 ans", "minimum de cinq (5) années", "2 à 4 ans", "jusqu'à 2 ans", "plus de 10 ans".
    [GeneratedRegex("""
        (?:\b(?:at\s+least|a\s+minimum\s+of|minimum\s+(?:of\s+|de\s+|d')?|min\.?|over|more\s+than|au\s+moins|plus\s+de|(?<upto>up\s+to|jusqu'[àa]))\s*)?
        \b(?<min>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|un|une|deux|trois|quatre|cinq|sept|huit|neuf|dix|douze|quinze|vingt)
        (?:\s*\+|\s+plus)?
        (?:\s*(?:-|to|and|[àa]|et)\s*(?<max>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|deux|trois|quatre|cinq|sept|huit|neuf|dix|douze|quinze|vingt)\s*\+?)?
        \s*(?:\(\d{1,2}\)\s*)?(?:years?|yrs?|ans|an|ann[ée]es?)\b
        """, RegexOptions.IgnoreCase | RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant)]
    private static partial Regex Years();

    // Longer phrases first in each level, expert before advanced: "deep expertise" is not just "expertise".
    [GeneratedRegex("""
        \b(?:
          (?<expert>deep\s+(?:expertise|knowledge|understanding)|expert(?:[\s-]level)?|experts|mastery|guru
            |senior[\s-]level|subject[\s-]matter\s+expert|authority\s+on)
        | (?<advanced>advanced|proficient|proficiency|strong|solid|extensive|in[\s-]depth|thorough|fluent|fluency
            |expertise|highly\s+skilled|excellent
            |ma[îi]trise|ma[îi]triser|excellente?\s+connaissance|parfaite\s+connaissance|solides?\s+(?:connaissances?|exp[ée]rience)|approfondie?s?)
        | (?<intermediate>working\s+knowledge|intermediate|good\s+(?:knowledge|understanding|command|grasp)|hands[\s-]on
            |practical\s+(?:experience|knowledge)|competent|comfortable\s+with
            |bonnes?\s+connaissances?|connaissances?\s+(?:pratiques?|de|du|des|d')|interm[ée]diaire)
        | (?<beginner>basic|basics|beginners?|entry[\s-]level|junior|familiarity|familiar\s+with|exposure\s+to
            |some\s+(?:experience|knowledge|exposure)|introductory|fundamentals|foundational|awareness\s+of|novice
            |notions?\s+(?:de|du|des|d')|connaissances?\s+de\s+base|d[ée]butante?|familiarit[ée]\s+avec)
        )\b
        """, RegexOptions.IgnoreCase | RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant)]
    private static partial Regex ProficiencyWords();
}
