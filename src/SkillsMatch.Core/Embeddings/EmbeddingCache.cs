using Microsoft.Extensions.AI;
using SkillsMatch.Telemetry;

namespace SkillsMatch.Embeddings;

/// <summary>
/// Keeps the vectors of the most recently used texts so a repeated phrase (a skill label, a common
/// requirement line) is embedded once. Keyed by the exact text; bounded, least recently used evicted.
/// </summary>
/// <remarks>
/// Calls with options pass straight through: options may change the vectors, and the key ignores them.
/// Two callers missing the same text at once both compute it; the inference dominates any lock cost.
/// </remarks>
public sealed class EmbeddingCache : DelegatingEmbeddingGenerator<string, Embedding<float>>
{
    private readonly int _capacity;
    private readonly Dictionary<string, LinkedListNode<(string Text, Embedding<float> Embedding)>> _entries;
    private readonly LinkedList<(string Text, Embedding<float> Embedding)> _recency = new();
    private readonly Lock _lock = new();

    public EmbeddingCache(IEmbeddingGenerator<string, Embedding<float>> innerGenerator, int capacity)
        : base(innerGenerator)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        _capacity = capacity;
        _entries = new Dictionary<string, LinkedListNode<(string, Embedding<float>)>>(StringComparer.Ordinal);
    }

    /// <summary>Texts currently cached.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _entries.Count;
            }
        }
    }

    public override async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values,
        EmbeddingGenerationOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (options is not null || _capacity == 0)
        {
            return await base.GenerateAsync(values, options, cancellationToken);
        }

        string[] texts = [.. values];
        var results = new Embedding<float>?[texts.Length];
        var missing = new List<string>();
        var missingSeen = new HashSet<string>(StringComparer.Ordinal);
        lock (_lock)
        {
            for (int i = 0; i < texts.Length; i++)
            {
                ArgumentNullException.ThrowIfNull(texts[i], nameof(values));
                if (_entries.TryGetValue(texts[i], out var node))
                {
                    _recency.Remove(node);
                    _recency.AddFirst(node);
                    results[i] = node.Value.Embedding;
                }
                else if (missingSeen.Add(texts[i]))
                {
                    missing.Add(texts[i]);
                }
            }
        }
        SkillsMatchTelemetry.EmbeddingCacheLookups(texts.Length - missing.Count, missing.Count);
        if (missing.Count == 0)
        {
            return new GeneratedEmbeddings<Embedding<float>>(results!);
        }

        GeneratedEmbeddings<Embedding<float>> computed = await base.GenerateAsync(missing, options, cancellationToken);
        var byText = new Dictionary<string, Embedding<float>>(missing.Count, StringComparer.Ordinal);
        for (int i = 0; i < missing.Count; i++)
        {
            byText[missing[i]] = computed[i];
        }
        lock (_lock)
        {
            foreach (var (text, embedding) in byText)
            {
                Remember(text, embedding);
            }
        }
        for (int i = 0; i < texts.Length; i++)
        {
            results[i] ??= byText[texts[i]];
        }
        return new GeneratedEmbeddings<Embedding<float>>(results!) { Usage = computed.Usage };
    }

    private void Remember(string text, Embedding<float> embedding)
    {
        if (_entries.TryGetValue(text, out var existing))
        {
            _recency.Remove(existing);
        }
        else if (_entries.Count >= _capacity)
        {
            var oldest = _recency.Last!;
            _recency.RemoveLast();
            _entries.Remove(oldest.Value.Text);
        }
        _entries[text] = _recency.AddFirst((text, embedding));
    }
}
