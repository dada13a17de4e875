using System.Text.RegularExpressions;

namespace SkillsMatch.Extraction;

/// <summary>
/// Section headings of postings and CVs, in English and French. A requirements heading makes the bullets under it
/// required, a nice-to-have heading preferred; any other heading (Responsibilities, Benefits) ends both, and
/// names the part of the posting that follows (<see cref="PostingSection"/>).
/// </summary>
internal static partial class HeadingCues
{
    public static RequirementCue CueOf(string heading) => SectionOf(heading) switch
    {
        PostingSection.Requirements => RequirementCue.Required,
        PostingSection.Preferred => RequirementCue.Preferred,
        _ => RequirementCue.None,
    };

    /// <summary>The part of the posting a heading opens; None for a heading that names no known part.</summary>
    public static PostingSection SectionOf(string heading)
    {
        string bare = Bare(heading);
        if (Preferred().IsMatch(bare)) return PostingSection.Preferred;
        if (Legal().IsMatch(bare)) return PostingSection.Legal;
        if (Required().IsMatch(bare)) return PostingSection.Requirements;
        if (Responsibilities().IsMatch(bare)) return PostingSection.Responsibilities;
        if (Benefits().IsMatch(bare)) return PostingSection.Benefits;
        if (Company().IsMatch(bare)) return PostingSection.Company;
        if (Apply().IsMatch(bare)) return PostingSection.Apply;
        if (JobFacts().IsMatch(bare)) return PostingSection.JobFacts;
        return PostingSection.None;
    }

    /// <summary>Whether the whole line is a section name, so a line without a colon can still be a heading.</summary>
    public static bool Known(string line)
    {
        string bare = Bare(line);
        return Whole(Preferred(), bare) || Whole(Required(), bare) || Whole(Responsibilities(), bare) || Whole(Benefits(), bare)
            || Whole(Company(), bare) || Whole(Legal(), bare) || Whole(Apply(), bare) || Whole(JobFacts(), bare) || Whole(Other(), bare);
    }

    private static bool Whole(Regex regex, string text)
    {
        var m = regex.Match(text);
        return m.Success && m.Index == 0 && m.Length == text.Length;
    }

    private static string Bare(string heading) => heading.Trim().Trim('#', '*', '_', ':', '"', '\'', ' ').Trim();

    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant;

    [GeneratedRegex("""
        ^(?:nice[\s-]to[\s-]haves?|good[\s-]to[\s-]haves?|assets?|bonus(?:\s+points)?|pluses|extra\s+(?:credit|points)
          |preferred(?:\s+(?:qualifications|skills|experience|requirements))?|desirable(?:\s+(?:skills|qualifications))?
          |additional\s+(?:qualifications|skills)|even\s+better\s+if|(?:it\s+)?would\s+be\s+(?:great|nice)\s+if|bonus\s+if
          |optional(?:\s+skills)?
          |atouts?|(?:un|les)\s+plus|(?:comp[ée]tences|qualifications|exigences)\s+(?:souhait[ée]es|appr[ée]ci[ée]es|d[ée]sir[ée]es)
          |ce\s+qui\s+serait\s+un\s+plus|serait\s+un\s+atout)\b
        """, Options)]
    private static partial Regex Preferred();

    [GeneratedRegex("""
        ^(?:(?:minimum|basic|required|key|essential|mandatory|must[\s-]have|core)\s+)?
         (?:requirements?|qualifications?|skills(?:\s+(?:and|&)\s+(?:experience|qualifications|abilities))?|experience|must[\s-]haves?
          |what\s+you(?:'ll|\s+will)?\s+(?:bring|need|have)(?:\s+to\s+the\s+table)?|what\s+we(?:'re|\s+are)\s+looking\s+for
          |who\s+you\s+are|about\s+you|you\s+have|your\s+(?:profile|skills|experience|background)|(?:the\s+)?ideal\s+candidate
          |(?:required|technical|key)\s+skills|competencies|knowledge(?:,\s+skills)?(?:\s+(?:and|&)\s+abilities)?
          |exigences|profil(?:\s+(?:recherch[ée]|requis|souhait[ée]))?|votre\s+profil|comp[ée]tences(?:\s+(?:requises|recherch[ée]es|techniques|cl[ée]s))?
          |qualifications\s+requises|ce\s+que\s+nous\s+recherchons|vous\s+avez|vous\s+poss[ée]dez|pr[ée]requis)\b
        """, Options)]
    private static partial Regex Required();

    [GeneratedRegex("""
        ^(?:(?:(?:key|main|primary|your|core|essential)\s+)?(?:responsibilities|duties|accountabilities|tasks)(?:\s+(?:and|&)\s+responsibilities)?
          |what\s+you(?:'ll|\s+will)\s+(?:do|be\s+doing)|day[\s-]to[\s-]day|a\s+typical\s+day|in\s+this\s+role|your\s+(?:role|mission)
          |responsabilit[ée]s|t[âa]ches|fonctions|mandat|principales\s+responsabilit[ée]s|vos\s+missions|missions)\b
        """, Options)]
    private static partial Regex Responsibilities();

    [GeneratedRegex("""
        ^(?:(?:our\s+|employee\s+|great\s+)?benefits?(?:\s+(?:and|&)\s+perks)?|perks(?:\s+(?:and|&)\s+benefits)?|what\s+we\s+offer|what\s+(?:we|you)\s+(?:will\s+)?get
          |what'?s\s+in\s+it\s+for\s+you|why\s+(?:join|work\s+(?:with|for|at))\s+us|why\s+you'?ll\s+love|our\s+offer|we\s+offer|rewards?
          |compensation(?:\s+(?:and|&)\s+benefits)?|salary(?:\s+(?:and|&)\s+benefits)?|pay(?:\s+range)?|total\s+rewards
          |avantages(?:\s+sociaux)?|nous\s+offrons|ce\s+que\s+nous\s+offrons|r[ée]mun[ée]ration|conditions\s+de\s+travail|salaire)\b
        """, Options)]
    private static partial Regex Benefits();

    [GeneratedRegex("""
        ^(?:about\s+(?:us|the\s+(?:company|employer|organi[sz]ation|team)|our\s+(?:company|team|organi[sz]ation))|who\s+we\s+are|our\s+(?:company|story|mission|values|culture)
          |company\s+(?:description|overview|profile)|the\s+company|our\s+client|about\s+the\s+client
          |[àa]\s+propos\s+de\s+nous|qui\s+sommes[\s-]nous|l'entreprise|notre\s+(?:entreprise|mission|[ée]quipe|soci[ée]t[ée]))\b
        """, Options)]
    private static partial Regex Company();

    [GeneratedRegex("""
        ^(?:equal\s+(?:opportunity|employment)(?:\s+(?:employer|statement))?|eeo(?:\s+statement)?|eoe|diversity(?:,?\s+(?:equity|and|&))?(?:\s+(?:and|&)?\s*inclusion)?
          |inclusion|accommodations?|accessibility|legal(?:\s+(?:notice|disclaimer))?|disclaimer|privacy(?:\s+notice)?
          |(?:work\s+)?(?:authori[sz]ation|eligibility)|background\s+check|e-verify|pay\s+transparency
          |[ée]galit[ée]\s+(?:des\s+chances|en\s+emploi)|[ée]quit[ée](?:,\s+diversit[ée])?|accessibilit[ée]|mesures\s+d'adaptation)\b
        """, Options)]
    private static partial Regex Legal();

    [GeneratedRegex("""
        ^(?:how\s+to\s+apply|to\s+apply|apply(?:\s+(?:now|today|here))?|application(?:\s+(?:process|instructions|deadline))?|next\s+steps|interested\??|ready\s+to\s+apply\??
          |pour\s+postuler|comment\s+postuler|postulez(?:\s+maintenant)?|candidature|processus\s+de\s+recrutement)\b
        """, Options)]
    private static partial Regex Apply();

    [GeneratedRegex("""
        ^(?:location|work\s+location|schedule|hours(?:\s+of\s+work)?|shifts?|job\s+type|employment\s+type|start\s+date|contract(?:\s+type)?|reports?\s+to
          |lieu(?:\s+de\s+travail)?|horaire|type\s+d'emploi|statut|date\s+d'entr[ée]e\s+en\s+fonction)\b
        """, Options)]
    private static partial Regex JobFacts();

    [GeneratedRegex("""
        ^(?:about\s+(?:the\s+(?:role|job|position))|the\s+role|role|overview|summary|job\s+(?:description|summary)|description|the\s+job
          |position\s+(?:summary|overview)|description\s+du\s+poste|le\s+poste|r[ée]sum[ée]|sommaire)\b
        """, Options)]
    private static partial Regex Other();
}
