using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using SkillsMatch.Embeddings;

namespace SkillsMatch.Tests.Embeddings;

public class LocalEmbeddingsRegistrationTests
{
    [Fact]
    public async Task Application_gets_one_cached_local_generator()
    {
        var services = new ServiceCollection();
        services.AddLocalEmbeddings(new EmbeddingOptions { CacheCapacity = 100 });
        await using var provider = services.BuildServiceProvider();

        var generator = provider.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();

        Assert.Same(generator, provider.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>());
        var cache = Assert.IsType<EmbeddingCache>(generator);
        Assert.NotNull(generator.GetService<MiniLmEmbeddingGenerator>());
        Assert.Equal("all-MiniLM-L6-v2", generator.GetService<EmbeddingGeneratorMetadata>()?.DefaultModelId);
        var embeddings = await generator.GenerateAsync(["welding", "welding"]);
        Assert.Equal(384, embeddings[1].Vector.Length);
        Assert.Equal(1, cache.Count);
    }
}
