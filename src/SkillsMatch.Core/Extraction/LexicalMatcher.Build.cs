namespace SkillsMatch.Extraction;

public sealed partial class LexicalMatcher
{
    /// <summary>Compiles the labels. Empty labels and repeats of a skill's label are dropped.</summary>
    public LexicalMatcher(IEnumerable<LexiconEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        _tokenIds = new Dictionary<string, int>(StringComparer.Ordinal);
        _next = new Dictionary<long, int>();
        var labels = new List<CompiledLabel>();
        var seen = new Dictionary<(long, string), int>();
        var parent = new List<int> { Root };
        var edgeToken = new List<int> { -1 };
        var depth = new List<int> { 0 };
        var outputsByState = new Dictionary<int, List<int>>();

        foreach (var entry in entries)
        {
            var label = CompiledLabel.From(entry);
            if (label is null)
            {
                continue;
            }
            // The same skill written twice ("SQL" as preferred and alternative) is one label, preferred if either is.
            string identity = string.Join('\u001F', label.Keys) + "\u001E" + string.Join('\u001F', label.Surfaces ?? []);
            if (seen.TryGetValue((entry.SkillId, identity), out int existing))
            {
                if (entry.IsPreferred && !labels[existing].Entry.IsPreferred)
                {
                    labels[existing] = label;
                }
                continue;
            }
            seen[(entry.SkillId, identity)] = labels.Count;

            int state = Root;
            foreach (string key in label.Keys)
            {
                if (!_tokenIds.TryGetValue(key, out int tokenId))
                {
                    tokenId = _tokenIds.Count;
                    _tokenIds[key] = tokenId;
                }
                if (!_next.TryGetValue(Edge(state, tokenId), out int next))
                {
                    next = parent.Count;
                    parent.Add(state);
                    edgeToken.Add(tokenId);
                    depth.Add(depth[state] + 1);
                    _next[Edge(state, tokenId)] = next;
                }
                state = next;
            }
            if (!outputsByState.TryGetValue(state, out var outputs))
            {
                outputsByState[state] = outputs = [];
            }
            outputs.Add(labels.Count);
            labels.Add(label);
        }

        _labels = [.. labels];
        _depth = [.. depth];
        int states = depth.Count;
        _outputStart = new int[states];
        _outputCount = new int[states];
        var flat = new List<int>(labels.Count);
        foreach (var (state, outputs) in outputsByState)
        {
            _outputStart[state] = flat.Count;
            _outputCount[state] = outputs.Count;
            flat.AddRange(outputs);
        }
        _outputs = [.. flat];
        (_fail, _outputLink) = FailureLinks(parent, edgeToken, _depth);
    }

    /// <summary>
    /// Aho–Corasick failure links (longest proper suffix that is also a trie path) and output links
    /// (nearest suffix state that ends a label), computed shallow states first.
    /// </summary>
    private (int[] Fail, int[] OutputLink) FailureLinks(List<int> parent, List<int> edgeToken, int[] depth)
    {
        int states = depth.Length;
        var fail = new int[states];
        var outputLink = new int[states];
        var byDepth = Enumerable.Range(0, states).OrderBy(s => depth[s]).ToArray();
        foreach (int s in byDepth)
        {
            if (depth[s] <= 1)
            {
                continue;
            }
            int f = fail[parent[s]];
            while (true)
            {
                if (_next.TryGetValue(Edge(f, edgeToken[s]), out int target))
                {
                    fail[s] = target;
                    break;
                }
                if (f == Root)
                {
                    break;
                }
                f = fail[f];
            }
            outputLink[s] = _outputCount[fail[s]] > 0 ? fail[s] : outputLink[fail[s]];
        }
        return (fail, outputLink);
    }
}
