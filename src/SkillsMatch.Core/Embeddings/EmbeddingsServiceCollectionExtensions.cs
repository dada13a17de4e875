using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace SkillsMatch.Embeddings;

public static class EmbeddingsServiceCollectionExtensions
{
    /// <summary>
    /// Service key of the generator skill extraction embeds with: the local model at
    /// <see cref="EmbeddingOptions.ExtractionPrecision"/>, or the remote endpoint when one is configured.
    /// </summary>
    public const string ExtractionKey = "extraction";

    /// <summary>
    /// Service key of the generator posting vectors are made with: the local model at
    /// <see cref="EmbeddingOptions.PostingPrecision"/> without a cache (a posting's text never recurs), or the
    /// application's generator.
    /// </summary>
    public const string PostingKey = "posting";

    /// <summary>
    /// Registers the configured generator: an OpenAI-compatible endpoint when <paramref name="remote"/> says
    /// so, else the local model (<see cref="AddLocalEmbeddings"/>). Either way behind the in-memory cache.
    /// </summary>
    public static EmbeddingGeneratorBuilder<string, Embedding<float>> AddEmbeddings(this IServiceCollection services, RemoteEmbeddingOptions remote)
    {
        ArgumentNullException.ThrowIfNull(remote);
        if (remote.Provider != "openai") return services.AddLocalEmbeddings();
        if (remote.Endpoint is null || string.IsNullOrWhiteSpace(remote.ApiKey))
            throw new InvalidOperationException("Embeddings:Provider is 'openai' but Embeddings:Endpoint or Embeddings:ApiKey is not set.");
        var client = new OpenAI.Embeddings.EmbeddingClient(remote.Model, new System.ClientModel.ApiKeyCredential(remote.ApiKey),
            new OpenAI.OpenAIClientOptions { Endpoint = remote.Endpoint });
        services.AddKeyedSingleton<IEmbeddingGenerator<string, Embedding<float>>>(ExtractionKey, (provider, _) => provider.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>());
        services.AddKeyedSingleton<IEmbeddingGenerator<string, Embedding<float>>>(PostingKey, (provider, _) => provider.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>());
        return services
            .AddEmbeddingGenerator(client.AsIEmbeddingGenerator(EmbeddingSpace.Dimensions))
            .Use((inner, provider) => new EmbeddingCache(inner, provider.GetService<IOptions<EmbeddingOptions>>()?.Value.CacheCapacity ?? 10_000));
    }

    /// <summary>
    /// Registers the local all-MiniLM-L6-v2 generator behind an <see cref="EmbeddingCache"/> as the
    /// application's singleton <see cref="IEmbeddingGenerator{String, Embedding}"/>, and extraction's
    /// (<see cref="ExtractionKey"/>) behind a cache of its own.
    /// </summary>
    /// <param name="options">
    /// When null, <see cref="EmbeddingOptions"/> come from the container (e.g. bound with
    /// <c>AddOptions&lt;EmbeddingOptions&gt;().BindConfiguration("Embeddings")</c>), else the defaults.
    /// </param>
    /// <returns>The pipeline builder, to add outer layers such as <c>UseLogging()</c>.</returns>
    public static EmbeddingGeneratorBuilder<string, Embedding<float>> AddLocalEmbeddings(
        this IServiceCollection services, EmbeddingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddKeyedSingleton<IEmbeddingGenerator<string, Embedding<float>>>(ExtractionKey, (provider, _) => Resolve(provider) is var resolved && resolved.ExtractionPrecision.OnThisCpu() == EmbeddingPrecision.Quantized
            ? new EmbeddingCache(new MiniLmEmbeddingGenerator(resolved, EmbeddingPrecision.Quantized), resolved.CacheCapacity)
            : provider.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>());
        services.AddKeyedSingleton<IEmbeddingGenerator<string, Embedding<float>>>(PostingKey, (provider, _) => Resolve(provider) is var resolved && resolved.PostingPrecision.OnThisCpu() == EmbeddingPrecision.Quantized
            ? new MiniLmEmbeddingGenerator(resolved, EmbeddingPrecision.Quantized)
            : provider.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>());
        return services
            .AddEmbeddingGenerator(provider => new MiniLmEmbeddingGenerator(Resolve(provider)))
            .Use((inner, provider) => new EmbeddingCache(inner, Resolve(provider).CacheCapacity));

        EmbeddingOptions Resolve(IServiceProvider provider) =>
            options ?? provider.GetService<IOptions<EmbeddingOptions>>()?.Value ?? new EmbeddingOptions();
    }
}
