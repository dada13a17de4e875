using System.Text.RegularExpressions;

namespace SkillsMatch.Extraction;

/// <summary>
/// A text the semantic stage embeds for a sentence: the sentence itself, or one of its unexplained phrases.
/// Start and Length are offsets into the original text (the evidence a skill found by it points at).
/// </summary>
public sealed record SemanticQuery(int Sentence, string Text, int Start, int Length, bool IsPhrase = false);

/// <summary>
/// Which sentences of a text the semantic stage embeds. Embedding is the pipeline's cost (MiniLM does a few
/// thousand tokens a second per machine, a 2 KB posting is ~450 tokens), so only sentences that can still
/// add a skill are embedded: not headings, not boilerplate (equal opportunity, benefits, salary, how to
/// apply, the company blurb), not sentences whose words are already explained by confident labels. Of the
/// others only the phrases the labels leave unexplained are embedded (<see cref="ResiduePhrases"/>), except
/// where an ambiguous label needs its whole sentence to be corroborated. Long sentences are cut, and a
/// posting's embedded words are capped, requirement sentences first. The linking mode asks for candidates per
/// sentence, so there every sentence but headings and boilerplate is embedded whole.
/// </summary>
public static partial class SemanticSelection
{
    /// <summary>Words kept of a long sentence (~48–64 MiniLM tokens), or of its phrases: skill phrases sit early in a bullet.</summary>
    public const int MaxWordsPerSentence = 32;

    /// <summary>Content words left outside confident labels below which a sentence is settled by its labels.</summary>
    public const int MinUnexplainedWords = 2;

    /// <summary>
    /// Words a phrase needs to be embedded. A lone word left beside a label ("pipelines" of "CI/CD pipelines",
    /// "Design") sits close to many skills it does not name: on our gold set single words added 3 false
    /// positives for each true one.
    /// </summary>
    public const int MinPhraseWords = 2;

    public static IReadOnlyList<SemanticQuery> Select(IReadOnlyList<AnalyzedSentence> sentences, int wordBudget, bool linking = false)
    {
        var candidates = new List<(SemanticQuery Query, int Words, bool Cued)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < sentences.Count; i++)
        {
            var sentence = sentences[i];
            var cued = sentence.Requirement != RequirementCue.None;
            if (linking ? !IsSkillBearing(sentence, sentences.Count) : !CanAddSkills(sentence, sentences.Count)) continue;
            if (linking || NeedsWholeSentence(sentence))
            {
                var (text, words) = Truncate(sentence.Text.Trim(), linking ? int.MaxValue : MaxWordsPerSentence);
                if (words == 0 || !seen.Add(text)) continue;
                candidates.Add((new SemanticQuery(i, text, sentence.Start, sentence.Length), words, cued));
                continue;
            }
            var sentenceWords = 0;
            foreach (var phrase in ResiduePhrases.Of(sentence).Where(p => p.Words >= MinPhraseWords))
            {
                if ((sentenceWords += phrase.Words) > MaxWordsPerSentence) break;
                candidates.Add((new SemanticQuery(i, phrase.Text, phrase.Start, phrase.Length, IsPhrase: true), phrase.Words, cued));
            }
        }

        var chosen = new List<SemanticQuery>();
        var used = 0;
        foreach (var c in candidates.OrderByDescending(c => c.Cued).ThenBy(c => c.Query.Sentence))
        {
            if (!linking && used + c.Words > wordBudget && chosen.Count > 0) continue;
            chosen.Add(c.Query);
            used += c.Words;
        }
        return chosen;
    }

    /// <summary>An ambiguous label ("R", "excel at") is corroborated by the meaning of its whole sentence.</summary>
    private static bool NeedsWholeSentence(AnalyzedSentence sentence) =>
        sentence.Mentions.Any(m => !m.Negated && m.Match.Ambiguous);

    /// <summary>
    /// A sentence is worth embedding when it is skill-bearing and not settled by confident labels (a loose alias
    /// is not confident: it waits for its phrase's meaning).
    /// </summary>
    public static bool CanAddSkills(AnalyzedSentence sentence, int sentencesInText)
    {
        if (!IsSkillBearing(sentence, sentencesInText)) return false;
        var live = sentence.Mentions.Where(m => !m.Negated).ToList();
        if (live.Count == 0 || live.Exists(m => m.Match.NeedsCorroboration)) return true;
        return UnexplainedWords(sentence, live) >= MinUnexplainedWords;
    }

    /// <summary>Not a heading (unless it is the whole text) and not boilerplate.</summary>
    public static bool IsSkillBearing(AnalyzedSentence sentence, int sentencesInText) =>
        (sentence.Kind != SentenceKind.Heading || sentencesInText == 1) && sentence.NamesSkills && !IsBoilerplate(sentence.Text);

    public static bool IsBoilerplate(string sentence) => Boilerplate.NamesNoSkills(sentence) || OfferOrEmployer().IsMatch(sentence);

    private static int UnexplainedWords(AnalyzedSentence sentence, List<SkillMention> labels)
    {
        var chars = sentence.Text.ToCharArray();
        foreach (var m in labels)
        {
            var from = Math.Max(0, m.Match.Start - sentence.Start);
            var to = Math.Min(chars.Length, m.Match.Start + m.Match.Length - sentence.Start);
            for (var i = from; i < to; i++) chars[i] = ' ';
        }
        return Word().Matches(new string(chars)).Count(w => !FunctionWords.Contains(w.Value));
    }

    private static (string Text, int Words) Truncate(string text, int maxWords)
    {
        var words = Word().Matches(text);
        if (words.Count <= maxWords) return (text, words.Count);
        var cut = words[maxWords - 1];
        return (text[..(cut.Index + cut.Length)], maxWords);
    }

    // Words that say nothing about a skill: articles, prepositions, requirement and level phrasing.
    private static readonly HashSet<string> FunctionWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "an", "the", "and", "or", "of", "in", "on", "with", "for", "to", "at", "by", "as", "is", "are", "be",
        "your", "you", "our", "we", "their", "its", "such", "etc", "e.g", "i.e", "including", "like", "using", "use",
        "experience", "experienced", "knowledge", "skills", "skill", "strong", "good", "solid", "excellent", "proven",
        "working", "familiarity", "familiar", "proficiency", "proficient", "ability", "understanding", "background",
        "years", "year", "yrs", "plus", "asset", "required", "requirement", "preferred", "must", "have", "nice",
        "ideally", "also", "advanced", "basic", "expert", "expertise", "hands", "least", "minimum", "other", "tools",
    };

    [GeneratedRegex(@"[\p{L}\p{N}][\p{L}\p{N}+#.'-]*")]
    private static partial Regex Word();

    // Sentences about pay, schedule or the company, on top of Boilerplate's: not embedded, though a label in them
    // still counts ("Full-time position requiring Python" asks for Python).
    [GeneratedRegex("""
        \b(?:(?:salary|compensation|pay)\b[^.\n]{0,24}?[$€£]\s?\d|[$€£]\s?\d[\d,.]*\s*(?:k\b|to|-|–|per|/|an?\s+(?:hour|year))|\d\s*(?:k|000)?\s*(?:per|an?|/)\s*(?:hour|annum|year)\b
        |job\s+(?:type|reference|id)\s*:|(?:full|part)[-\s]time\s+(?:position|role|contract|job|permanent)|hybrid\s+work|work\s+from\s+home|remote[-\s]first
        |founded\s+in\s+\d|headquartered\s+in|is\s+a\s+(?:leading|global|fast[-\s]growing)|our\s+(?:mission|vision|values|culture|story)
        |we\s+are\s+(?:a|an)\s+(?:leading|global|fast|growing|award|innovative|international)|join\s+(?:our|a)\s+(?:team|company)\s+(?:of|that|where)
        )
        """, RegexOptions.IgnoreCase | RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant)]
    private static partial Regex OfferOrEmployer();
}
