using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using SkillsMatch.Embeddings;

namespace SkillsMatch.Tests.Embeddings;

[Trait("Category", "Unit")]
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

    [Fact]
    public async Task Extraction_gets_the_quantized_model_behind_a_cache_of_its_own()
    {
        var services = new ServiceCollection();
        services.AddLocalEmbeddings(new EmbeddingOptions { CacheCapacity = 100 });
        await using var provider = services.BuildServiceProvider();

        var extraction = provider.GetRequiredKeyedService<IEmbeddingGenerator<string, Embedding<float>>>(EmbeddingsServiceCollectionExtensions.ExtractionKey);

        Assert.IsType<EmbeddingCache>(extraction);
        Assert.NotSame(provider.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>(), extraction);
        Assert.Equal(Int8Quantizer.CpuRunsInt8Exactly ? "all-MiniLM-L6-v2-int8" : "all-MiniLM-L6-v2",
            extraction.GetService<EmbeddingGeneratorMetadata>()?.DefaultModelId);
    }

    [Fact]
    public async Task Extraction_at_full_precision_shares_the_applications_generator()
    {
        var services = new ServiceCollection();
        services.AddLocalEmbeddings(new EmbeddingOptions { ExtractionPrecision = EmbeddingPrecision.Full });
        await using var provider = services.BuildServiceProvider();

        Assert.Same(
            provider.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>(),
            provider.GetRequiredKeyedService<IEmbeddingGenerator<string, Embedding<float>>>(EmbeddingsServiceCollectionExtensions.ExtractionKey));
    }
}
