namespace SkillsMatch.Extraction;

/// <summary>How strictly a label token's case must agree with the text.</summary>
internal enum CaseRule : byte
{
    Any,
    /// <summary>Short names with a capital (R, Go, AD, SQL, K8s): "r", "go" and "ad" are English.</summary>
    Exact,
    /// <summary>Longer acronym-like names (SAFe, COBOL): any case but all-lower, which is the English word.</summary>
    NotLower,
}

/// <summary>A label compiled for the automaton, with what must be checked on the text that matched it.</summary>
internal sealed record CompiledLabel(
    LexiconEntry Entry, string[] Keys, CaseRule[]? Rules, string[]? Surfaces, bool ShortName, bool CapitalisedWord, bool LooseAlias)
{
    public static CompiledLabel? From(LexiconEntry entry)
    {
        string label = TextNormalizer.Normalize(entry.Label.Trim()).Text;
        var tokens = SkillTokenizer.Tokenize(label);
        if (tokens.Count == 0 || !tokens.Exists(t => t.IsWord) || tokens.Exists(t => t.Is(TokenFlags.LineBreak)))
        {
            return null;
        }
        var keys = new string[tokens.Count];
        var rules = new CaseRule[tokens.Count];
        var surfaces = new string[tokens.Count];
        bool anyRule = false;
        for (int i = 0; i < tokens.Count; i++)
        {
            keys[i] = tokens[i].Key;
            surfaces[i] = label.Substring(tokens[i].Start, tokens[i].Length);
            rules[i] = tokens[i].IsWord ? RuleFor(surfaces[i]) : CaseRule.Any;
            anyRule |= rules[i] != CaseRule.Any;
        }
        bool single = tokens.Count == 1;
        // ≤ 2 letters or digits and no symbol: C, R, Go, AD, ML, S3 collide with words, initials and codes.
        bool shortName = single && surfaces[0].Length <= 2 && surfaces[0].All(char.IsLetterOrDigit);
        bool capitalised = single && rules[0] == CaseRule.Any && surfaces[0].Any(char.IsUpper);
        bool looseAlias = single && !entry.IsPreferred && surfaces[0].All(char.IsLower);
        return new CompiledLabel(entry, keys, anyRule ? rules : null, anyRule || looseAlias ? surfaces : null, shortName, capitalised, looseAlias);
    }

    private static CaseRule RuleFor(string surface)
    {
        int letters = 0, upper = 0;
        bool alphanumeric = true;
        foreach (char c in surface)
        {
            if (char.IsLetter(c))
            {
                letters++;
                upper += char.IsUpper(c) ? 1 : 0;
            }
            else if (!char.IsDigit(c))
            {
                alphanumeric = false;
            }
        }
        if (upper == 0)
        {
            return CaseRule.Any;
        }
        if (alphanumeric && surface.Length <= 3)
        {
            return CaseRule.Exact;
        }
        return letters >= 4 && upper >= 2 && upper * 2 >= letters ? CaseRule.NotLower : CaseRule.Any;
    }

    /// <summary>Whether the text tokens [first, first + Keys.Length) satisfy this label's case rules.</summary>
    public bool CaseAgrees(string text, List<Token> tokens, int first)
    {
        if (Rules is null)
        {
            return true;
        }
        for (int i = 0; i < Rules.Length; i++)
        {
            var token = tokens[first + i];
            var surface = text.AsSpan(token.Start, token.Length);
            bool ok = Rules[i] switch
            {
                CaseRule.Exact => surface.SequenceEqual(Surfaces![i]),
                CaseRule.NotLower => HasUpper(surface),
                _ => true,
            };
            if (!ok)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>
    /// A one-token label with a case rule ("SQL", "Go", "K8s") whose letters the text has in another case ("sql",
    /// "go", "k8s"), letter for letter (not a stem of it: "going" is not Go).
    /// </summary>
    public bool SameLettersAnyCase(string text, List<Token> tokens, int first)
    {
        if (Rules is null || Rules.Length != 1)
        {
            return false;
        }
        var token = tokens[first];
        return text.AsSpan(token.Start, token.Length).Equals(Surfaces![0], StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// A loose alias counts in its own form or plural only, not through the stem it shares with other words:
    /// "charting" (clinical charting) is not "chart real datasets", "reporting" (journalism) not "reports to".
    /// </summary>
    public bool SurfaceAgrees(string text, List<Token> tokens, int first)
    {
        if (!LooseAlias)
        {
            return true;
        }
        var token = tokens[first];
        var surface = text.AsSpan(token.Start, token.Length);
        var own = Surfaces![0].AsSpan();
        return surface.Equals(own, StringComparison.OrdinalIgnoreCase)
            || (surface.Length == own.Length + 1 && surface.StartsWith(own, StringComparison.OrdinalIgnoreCase) && char.ToLowerInvariant(surface[^1]) == 's');
    }

    public static bool HasUpper(ReadOnlySpan<char> s)
    {
        foreach (char c in s)
        {
            if (char.IsUpper(c))
            {
                return true;
            }
        }
        return false;
    }
}
