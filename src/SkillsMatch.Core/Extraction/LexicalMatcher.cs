namespace SkillsMatch.Extraction;

/// <summary>
/// Finds taxonomy labels in text: every label compiled once into an Aho–Corasick automaton over token keys,
/// so one pass over a posting finds all labels whatever the lexicon's size. Longest match wins, matches do
/// not overlap (leftmost-longest), and the same span may name several skills sharing a label.
/// </summary>
/// <remarks>Immutable after construction; safe to share between threads.</remarks>
public sealed partial class LexicalMatcher
{
    private const int Root = 0;

    // Hyphenated words are whole words: "C" must not match "C-suite", nor "manage" "self-managed". These
    // second parts keep the first one a name of its own: "SQL-based", "Python-heavy".
    private static readonly HashSet<string> NameSuffixes = new(
        new[] { "based", "like", "related", "heavy", "savvy", "focused", "oriented", "centric", "certified", "powered",
            "enabled", "specific", "compatible", "compliant", "friendly", "first", "ready" }
            .Select(Stemmer.Stem), StringComparer.Ordinal);

    private readonly Dictionary<string, int> _tokenIds;
    private readonly Dictionary<long, int> _next;
    private readonly int[] _fail;
    private readonly int[] _depth;
    private readonly int[] _outputLink;
    private readonly int[] _outputStart;
    private readonly int[] _outputCount;
    private readonly int[] _outputs;
    private readonly CompiledLabel[] _labels;

    /// <summary>How many distinct labels were compiled (after dropping empty and duplicate ones).</summary>
    public int LabelCount => _labels.Length;

    public int StateCount => _fail.Length;

    public int VocabularySize => _tokenIds.Count;

    public IReadOnlyList<LexicalMatch> Match(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalized = TextNormalizer.Normalize(text);
        var tokens = SkillTokenizer.Tokenize(normalized.Text);
        var found = FindMatches(normalized.Text, tokens);
        var matches = new List<LexicalMatch>(found.Count);
        foreach (var match in found)
        {
            if (!match.CaseRelaxed)
            {
                matches.Add(ToLexicalMatch(normalized, tokens, match));
            }
        }
        return matches;
    }

    /// <summary>Whether the label is short or a name that collides with a word ("Go", "R", "Excel"): its mention needs context.</summary>
    internal bool IsShortOrCapitalisedName(TokenMatch match) => _labels[match.Label].ShortName || _labels[match.Label].CapitalisedWord;

    /// <param name="listed">The mention is an item of a list of skills ("Python, Go, AWS"; "python sql excel k8s"), which
    /// settles a short or lower-cased name without asking its sentence's meaning.</param>
    internal LexicalMatch ToLexicalMatch(NormalizedText normalized, List<Token> tokens, TokenMatch match, bool listed = false)
    {
        var label = _labels[match.Label];
        int start = tokens[match.FirstToken].Start;
        var (originalStart, originalLength) = normalized.ToOriginal(start, tokens[match.LastToken].End - start);
        string matched = normalized.Original.Substring(originalStart, originalLength);
        bool ambiguous = !listed && (label.ShortName || match.CaseRelaxed || (label.CapitalisedWord && !CompiledLabel.HasUpper(matched)));
        return new LexicalMatch(label.Entry.SkillId, originalStart, originalLength, matched, label.Entry.Label,
            label.Entry.IsPreferred, ambiguous, label.LooseAlias);
    }

    /// <summary>Non-overlapping, leftmost-longest label occurrences, in text order.</summary>
    internal List<TokenMatch> FindMatches(string text, List<Token> tokens)
    {
        var candidates = new List<TokenMatch>();
        int state = Root;
        for (int i = 0; i < tokens.Count; i++)
        {
            if (!_tokenIds.TryGetValue(tokens[i].Key, out int tokenId))
            {
                state = Root;
                continue;
            }
            state = Step(state, tokenId);
            for (int s = _outputCount[state] > 0 ? state : _outputLink[state]; s != Root; s = _outputLink[s])
            {
                int first = i - _depth[s] + 1;
                if (!WholeWords(tokens, first, i))
                {
                    continue;
                }
                for (int o = _outputStart[s]; o < _outputStart[s] + _outputCount[s]; o++)
                {
                    var label = _labels[_outputs[o]];
                    if (!label.SurfaceAgrees(text, tokens, first))
                    {
                        continue;
                    }
                    if (label.CaseAgrees(text, tokens, first))
                    {
                        candidates.Add(new TokenMatch(first, i, _outputs[o]));
                    }
                    else if (label.SameLettersAnyCase(text, tokens, first))
                    {
                        // "sql", "k8s", "go": kept for now, and counted only where TextAnalysis finds them in a list of skills.
                        candidates.Add(new TokenMatch(first, i, _outputs[o], CaseRelaxed: true));
                    }
                }
            }
        }
        return LeftmostLongest(candidates);
    }

    private int Step(int state, int tokenId)
    {
        while (true)
        {
            if (_next.TryGetValue(Edge(state, tokenId), out int next))
            {
                return next;
            }
            if (state == Root)
            {
                return Root;
            }
            state = _fail[state];
        }
    }

    private static long Edge(int state, int tokenId) => ((long)state << 32) | (uint)tokenId;

    private static bool WholeWords(List<Token> tokens, int first, int last)
    {
        if (tokens[first].Is(TokenFlags.HyphenBefore))
        {
            return false;
        }
        return !tokens[last].Is(TokenFlags.HyphenAfter)
            || (last + 1 < tokens.Count && NameSuffixes.Contains(tokens[last + 1].Key));
    }

    private List<TokenMatch> LeftmostLongest(List<TokenMatch> candidates)
    {
        if (candidates.Count <= 1)
        {
            return candidates;
        }
        candidates.Sort((a, b) =>
        {
            int c = a.FirstToken.CompareTo(b.FirstToken);
            if (c != 0)
            {
                return c;
            }
            c = b.LastToken.CompareTo(a.LastToken);
            if (c != 0)
            {
                return c;
            }
            c = a.CaseRelaxed.CompareTo(b.CaseRelaxed);
            return c != 0 ? c : _labels[b.Label].Entry.IsPreferred.CompareTo(_labels[a.Label].Entry.IsPreferred);
        });
        var chosen = new List<TokenMatch>();
        int free = 0;
        int spanFirst = -1, spanLast = -1;
        foreach (var candidate in candidates)
        {
            bool sameSpan = candidate.FirstToken == spanFirst && candidate.LastToken == spanLast;
            if (sameSpan)
            {
                // One label shared by several skills: report each skill once, preferred label first.
                if (!candidate.CaseRelaxed && !chosen.Exists(m => m.FirstToken == spanFirst && SkillOf(m) == SkillOf(candidate)))
                {
                    chosen.Add(candidate);
                }
                continue;
            }
            if (candidate.FirstToken < free)
            {
                continue;
            }
            chosen.Add(candidate);
            spanFirst = candidate.FirstToken;
            spanLast = candidate.LastToken;
            free = candidate.LastToken + 1;
        }
        return chosen;
    }

    private long SkillOf(TokenMatch match) => _labels[match.Label].Entry.SkillId;
}

/// <summary>A label occurrence by token index: tokens [FirstToken, LastToken] matched label number Label.</summary>
/// <param name="CaseRelaxed">The letters agree but not their case ("sql" for SQL): it counts only in a list of skills.</param>
internal readonly record struct TokenMatch(int FirstToken, int LastToken, int Label, bool CaseRelaxed = false);
