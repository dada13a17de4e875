using Microsoft.Extensions.AI;
using SkillsMatch.Embeddings;

namespace SkillsMatch.Tests.Embeddings;

[Trait("Category", "Unit")]
public class EmbeddingCacheTests
{
    [Fact]
    public async Task Repeated_texts_are_embedded_once_and_return_identical_vectors()
    {
        var inner = new CountingGenerator();
        using var cache = new EmbeddingCache(inner, capacity: 10);

        var first = await cache.GenerateAsync(["sql", "python", "sql"]);
        var second = await cache.GenerateAsync(["python", "sql", "java"]);

        Assert.Equal(["sql", "python", "java"], inner.Embedded);
        Assert.Same(first[0], first[2]);
        Assert.Same(first[0], second[1]);
        Assert.Same(first[1], second[0]);
        Assert.Equal(3, cache.Count);
    }

    [Fact]
    public async Task Least_recently_used_text_is_evicted_at_capacity()
    {
        var inner = new CountingGenerator();
        using var cache = new EmbeddingCache(inner, capacity: 2);

        await cache.GenerateAsync(["a", "b"]);
        await cache.GenerateAsync(["a"]);
        await cache.GenerateAsync(["c"]);
        await cache.GenerateAsync(["a", "b"]);

        Assert.Equal(["a", "b", "c", "b"], inner.Embedded);
        Assert.Equal(2, cache.Count);
    }

    [Fact]
    public async Task Calls_with_options_bypass_the_cache()
    {
        var inner = new CountingGenerator();
        using var cache = new EmbeddingCache(inner, capacity: 10);

        await cache.GenerateAsync(["sql"], new EmbeddingGenerationOptions { Dimensions = 2 });
        await cache.GenerateAsync(["sql"], new EmbeddingGenerationOptions { Dimensions = 2 });

        Assert.Equal(["sql", "sql"], inner.Embedded);
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public async Task Concurrent_callers_get_the_vector_of_their_own_text()
    {
        var inner = new CountingGenerator();
        using var cache = new EmbeddingCache(inner, capacity: 50);
        string[] texts = [.. Enumerable.Range(0, 200).Select(i => $"skill {i % 80}")];

        var results = await Task.WhenAll(texts.Select(text => Task.Run(() => cache.GenerateAsync([text]))));

        for (int i = 0; i < texts.Length; i++)
        {
            Assert.Equal(CountingGenerator.VectorOf(texts[i]), results[i][0].Vector.ToArray());
        }
        Assert.True(cache.Count <= 50);
    }

    /// <summary>Embeds a text as [length, first char] and records what it was asked to embed.</summary>
    private sealed class CountingGenerator : IEmbeddingGenerator<string, Embedding<float>>
    {
        private readonly Lock _lock = new();

        public List<string> Embedded { get; } = [];

        public static float[] VectorOf(string text) => [text.Length, text.GetHashCode(StringComparison.Ordinal)];

        public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
            IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
        {
            string[] texts = [.. values];
            lock (_lock)
            {
                Embedded.AddRange(texts);
            }
            return Task.FromResult(new GeneratedEmbeddings<Embedding<float>>(texts.Select(t => new Embedding<float>(VectorOf(t)))));
        }

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}
