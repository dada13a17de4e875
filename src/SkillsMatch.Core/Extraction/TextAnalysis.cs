namespace SkillsMatch.Extraction;

/// <summary>
/// The text side of extraction in one call: normalise, split into sentences, match labels, and read the cues
/// around each match (negation, required or preferred, years and proficiency).
/// </summary>
public static class TextAnalysis
{
    // "registered nursing staff", "the marketing department", "IT personnel": a label before one of these names
    // colleagues or a workplace, not a skill asked of the candidate.
    private static readonly HashSet<string> PeopleOrPlace = new(
        new[] { "staff", "personnel", "colleagues", "coworkers", "co-workers", "department", "departments", "dept", "workers",
            "professionals", "practitioners", "ward", "wards", "clinic", "clinics", "office", "offices" }
            .Select(Stemmer.Stem), StringComparer.Ordinal);

    private static bool NamesPeopleOrPlace(List<Token> tokens, TokenMatch match, int lastInSentence) =>
        match.LastToken < lastInSentence && PeopleOrPlace.Contains(tokens[match.LastToken + 1].Key);

    private static readonly HashSet<string> ClauseConjunctions = new(StringComparer.OrdinalIgnoreCase)
    {
        "but", "while", "whereas", "although", "though", "however",
    };

    public static AnalyzedText Analyze(string text, LexicalMatcher matcher)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(matcher);
        var normalized = TextNormalizer.Normalize(text);
        string norm = normalized.Text;
        var tokens = SkillTokenizer.Tokenize(norm);
        var matches = matcher.FindMatches(norm, tokens);
        var inMatch = new bool[tokens.Count];
        foreach (var match in matches)
        {
            Array.Fill(inMatch, true, match.FirstToken, match.LastToken - match.FirstToken + 1);
        }

        var sentences = new List<AnalyzedSentence>();
        var underHeading = RequirementCue.None;
        var section = PostingSection.None;
        var previous = RequirementCue.None;
        int t = 0, m = 0;
        foreach (var span in SentenceSplitter.SplitNormalized(norm))
        {
            int end = span.Start + span.Length;
            while (t < tokens.Count && tokens[t].Start < span.Start)
            {
                t++;
            }
            int firstToken = t;
            while (t < tokens.Count && tokens[t].Start < end)
            {
                t++;
            }
            var sentence = new SentenceContext(norm, tokens, span.Start, end, firstToken, t - 1);

            if (span.Kind == SentenceKind.Heading)
            {
                section = HeadingCues.SectionOf(norm.Substring(span.Start, span.Length));
                underHeading = HeadingCues.CueOf(norm.Substring(span.Start, span.Length));
            }
            // "Benefits: dental, vision" or "Nice to have: Go" on one line names its own part.
            var leadIn = span.Kind == SentenceKind.Heading ? PostingSection.None : LeadInSection(norm, span.Start, end);
            var sentenceSection = leadIn != PostingSection.None ? leadIn : section;
            var inherited = ContinuesList(norm, span.Start) ? previous
                : leadIn == PostingSection.Preferred ? RequirementCue.Preferred
                : leadIn == PostingSection.Requirements ? RequirementCue.Required
                : underHeading;
            var requirement = sentence.Requirements.Count > 0 ? sentence.Requirements[0].Cue : inherited;
            previous = requirement;
            bool namesSkills = sentenceSection.CanNameSkills() && !Boilerplate.NamesNoSkills(norm.Substring(span.Start, span.Length));

            while (m < matches.Count && matches[m].FirstToken < firstToken)
            {
                m++;
            }
            var mentions = new List<SkillMention>();
            int sentenceMatches = m;
            while (sentenceMatches < matches.Count && matches[sentenceMatches].FirstToken < t)
            {
                sentenceMatches++;
            }
            bool askedFor = requirement != RequirementCue.None
                || sentenceSection is PostingSection.Requirements or PostingSection.Preferred;
            for (; m < matches.Count && matches[m].FirstToken < t; m++)
            {
                var match = matches[m];
                if (!namesSkills)
                {
                    continue;
                }
                bool listed = (match.CaseRelaxed || matcher.IsShortOrCapitalisedName(match))
                    && SkillLists.IsListed(tokens, matches, m, firstToken, t - 1, sentenceMatches, askedFor);
                if ((match.CaseRelaxed && !listed) || NamesPeopleOrPlace(tokens, match, t - 1))
                {
                    continue;
                }
                var (clauseFirst, clauseLast) = sentence.ClauseOf(match.FirstToken);
                bool negated = Negation.IsNegated(norm, tokens, inMatch, match.FirstToken, match.LastToken, clauseFirst, clauseLast);
                mentions.Add(new SkillMention(
                    matcher.ToLexicalMatch(normalized, tokens, match, listed),
                    negated,
                    sentence.RequirementOf(match, clauseFirst, clauseLast) ?? requirement,
                    sentence.LevelOf(match, clauseFirst, clauseLast, matches)));
            }

            var (start, length) = normalized.ToOriginal(span.Start, span.Length);
            sentences.Add(new AnalyzedSentence(start, length, text.Substring(start, length), span.Kind, requirement,
                sentence.Level, mentions, sentenceSection, namesSkills));
        }
        return new AnalyzedText(text, sentences);
    }

    /// <summary>The part a sentence's lead-in names ("Must have: …", "Benefits: …"): up to five words before a colon.</summary>
    private static PostingSection LeadInSection(string norm, int start, int end)
    {
        int colon = norm.IndexOf(':', start, Math.Min(end - start, 48));
        if (colon <= start)
        {
            return PostingSection.None;
        }
        var lead = norm.AsSpan(start, colon - start);
        int words = 1;
        foreach (char c in lead.Trim())
        {
            words += c == ' ' ? 1 : 0;
        }
        return words <= 5 ? HeadingCues.SectionOf(lead.ToString()) : PostingSection.None;
    }

    /// <summary>"Required: Python; SQL; Go": items after a semicolon keep the list's cue.</summary>
    private static bool ContinuesList(string norm, int start)
    {
        int i = start - 1;
        while (i >= 0 && norm[i] == ' ')
        {
            i--;
        }
        return i >= 0 && norm[i] == ';';
    }

    /// <summary>One sentence's tokens, clauses and cues, found once and asked about each match in it.</summary>
    private sealed class SentenceContext
    {
        private readonly List<Token> _tokens;
        private readonly List<(int First, int Last)> _clauses = [];
        private readonly List<YearsCue> _years;
        private readonly List<ProficiencyCue> _proficiency;

        public SentenceContext(string text, List<Token> tokens, int start, int end, int firstToken, int lastToken)
        {
            _tokens = tokens;
            Requirements = RequirementCues.Find(text, start, end - start);
            _years = LevelCues.FindYears(text, start, end - start);
            _proficiency = LevelCues.FindProficiency(text, start, end - start);
            int clauseStart = firstToken;
            for (int i = firstToken; i <= lastToken; i++)
            {
                var token = tokens[i];
                if (token.IsWord && i > clauseStart && ClauseConjunctions.Contains(text.Substring(token.Start, token.Length)))
                {
                    _clauses.Add((clauseStart, i - 1));
                    clauseStart = i;
                }
            }
            _clauses.Add((clauseStart, lastToken));
            Level = new LevelCue(
                _years.Count > 0 ? _years[0].Min : null,
                _years.Count > 0 ? _years[0].Max : null,
                _proficiency.Count > 0 ? _proficiency[0].Level : null);
        }

        public List<(int Index, RequirementCue Cue)> Requirements { get; }

        public LevelCue Level { get; }

        public (int First, int Last) ClauseOf(int token) => _clauses.Find(c => c.First <= token && token <= c.Last);

        /// <summary>
        /// The clause's cue. When a clause holds both kinds ("Python is required, Go is a plus") each
        /// comma-separated part keeps its own, and a part without one takes the previous part's, else the next.
        /// </summary>
        public RequirementCue? RequirementOf(TokenMatch match, int clauseFirst, int clauseLast)
        {
            var inClause = Requirements.FindAll(r => r.Index >= Start(clauseFirst) && r.Index < End(clauseLast));
            if (inClause.Count == 0)
            {
                return null;
            }
            if (inClause.TrueForAll(r => r.Cue == inClause[0].Cue))
            {
                return inClause[0].Cue;
            }
            var parts = new List<(int Start, int End)>();
            int partStart = Start(clauseFirst);
            for (int i = clauseFirst; i <= clauseLast; i++)
            {
                if (_tokens[i].Key == ",")
                {
                    parts.Add((partStart, _tokens[i].Start));
                    partStart = _tokens[i].End;
                }
            }
            parts.Add((partStart, End(clauseLast)));
            var cues = parts.ConvertAll(p => inClause.Find(r => r.Index >= p.Start && r.Index < p.End).Cue);
            int own = parts.FindIndex(p => Start(match.FirstToken) >= p.Start && Start(match.FirstToken) < p.End);
            for (int i = own; i >= 0; i--)
            {
                if (cues[i] != RequirementCue.None)
                {
                    return cues[i];
                }
            }
            return cues.Skip(own).FirstOrDefault(c => c != RequirementCue.None);
        }

        /// <summary>
        /// Years of the clause (else of the sentence); the nearest proficiency word before the match in its
        /// clause, or after it when no other skill follows ("Python at an expert level").
        /// </summary>
        public LevelCue LevelOf(TokenMatch match, int clauseFirst, int clauseLast, List<TokenMatch> matches)
        {
            int clauseStart = Start(clauseFirst), clauseEnd = End(clauseLast), at = Start(match.FirstToken);
            int years = _years.FindIndex(y => y.Index >= clauseStart && y.Index < clauseEnd);
            if (years < 0 && _years.Count > 0)
            {
                years = 0;
            }
            Proficiency? level = null;
            int before = _proficiency.FindLastIndex(p => p.Index >= clauseStart && p.Index < at);
            if (before >= 0)
            {
                level = _proficiency[before].Level;
            }
            else
            {
                int after = _proficiency.FindIndex(p => p.Index > at && p.Index < clauseEnd);
                bool skillFollows = after >= 0 && matches.Exists(
                    o => o.FirstToken > match.LastToken && Start(o.FirstToken) > _proficiency[after].Index
                        && Start(o.FirstToken) < clauseEnd);
                level = after >= 0 && !skillFollows ? _proficiency[after].Level : null;
            }
            if (years < 0 && level is null)
            {
                return LevelCue.None;
            }
            return new LevelCue(years < 0 ? null : _years[years].Min, years < 0 ? null : _years[years].Max, level);
        }

        private int Start(int token) => _tokens[token].Start;

        private int End(int token) => _tokens[token].End;
    }
}
