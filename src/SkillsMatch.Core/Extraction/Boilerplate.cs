using System.Text.RegularExpressions;

namespace SkillsMatch.Extraction;

/// <summary>
/// Sentences that describe the employer, the offer or the hiring process, wherever they stand in a posting: equal
/// opportunity and accommodation, work authorisation and background checks, benefits and allowances, how to apply.
/// No skill named in them is asked for ("benefits package" is not packaging, "authorized to work in the U.S." not
/// authorisation, "a training budget" not budgeting), so they yield no skills at all.
/// </summary>
public static partial class Boilerplate
{
    public static bool NamesNoSkills(string sentence) => NoSkills().IsMatch(sentence);

    [GeneratedRegex("""
        \b(?:equal\s+(?:opportunit|employment)|affirmative\s+action|without\s+regard\s+to|regardless\s+of\s+(?:race|gender|age|sex|religion)
        |protected\s+(?:veteran|characteristic|status|class)|reasonable\s+accommodation|accommodations?\s+(?:are|is|will\s+be)\s+(?:available|provided)
        |divers(?:e|ity)\s+(?:and|&)\s+inclusi|we\s+(?:celebrate|value|welcome)\s+diversity|encourage\s+applications\s+from
        |(?:legally\s+)?(?:authori[sz]ed|eligible|entitled|permitted)\s+to\s+work\s+in|(?:work|employment)\s+(?:authori[sz]ation|eligibility|permit|visa)
        |(?:visa\s+)?sponsorship|right\s+to\s+work|e-verify|verify\s+(?:their\s+|your\s+|his\s+or\s+her\s+)?identity|eligibility\s+to\s+work
        |(?:criminal\s+)?background\s+(?:check|screening)|drug\s+(?:test|screen)|vulnerable\s+sector\s+(?:check|screening)|police\s+(?:check|clearance)
        |benefits?\s+(?:package|include|plan|program)|(?:dental|vision|health|medical|life)\s+(?:insurance|coverage|plan|benefits)
        |paid\s+(?:time\s+off|vacation|holidays|parental|sick)|pension\s+plan|retirement\s+(?:plan|savings)|401\s*\(?k\)?|rrsp|stock\s+options
        |gym\s+membership|wellness\s+(?:program|allowance|account)|employee\s+(?:discount|assistance\s+program)
        |(?:training|learning|education(?:al)?|development|conference|book)\s+(?:budget|allowance|stipend|reimbursement)|tuition\s+(?:reimbursement|assistance)
        |apply\s+(?:now|today|online|here|through|via)|(?:how|where)\s+to\s+apply|to\s+apply\s*(?:[,:]|for\s+this|please|send|visit|click|online)|send\s+(?:us\s+)?your\s+(?:cv|resume|résumé|application)|cover\s+letter
        |only\s+(?:shortlisted|selected)\s+candidates|we\s+thank\s+all\s+applicants|application\s+deadline
        |[ée]galit[ée]\s+(?:des\s+chances|en\s+(?:mati[èe]re\s+d')?emploi)|programme\s+d'acc[èe]s\s+[àa]\s+l'[ée]galit[ée]|mesures\s+d'adaptation
        |(?:assurances?|r[ée]gime)\s+(?:collective|de\s+retraite|d'assurance)|(?:pour\s+)?postuler|faire\s+parvenir\s+(?:votre\s+)?(?:cv|candidature)
        |seules?\s+les\s+personnes\s+retenues|autoris[ée]e?s?\s+[àa]\s+travailler|permis\s+de\s+travail
        )
        """, RegexOptions.IgnoreCase | RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant)]
    private static partial Regex NoSkills();
}
