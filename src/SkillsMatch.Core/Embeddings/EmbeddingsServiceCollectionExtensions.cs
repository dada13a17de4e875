using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace SkillsMatch.Embeddings;

public static class EmbeddingsServiceCollectionExtensions
{
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
        return services
            .AddEmbeddingGenerator(client.AsIEmbeddingGenerator(EmbeddingSpace.Dimensions))
            .Use((inner, provider) => new EmbeddingCache(inner, provider.GetService<IOptions<EmbeddingOptions>>()?.Value.CacheCapacity ?? 10_000));
    }

    /// <summary>
    /// Registers the local all-MiniLM-L6-v2 generator behind an <see cref="EmbeddingCache"/> as the
    /// application's singleton <see cref="IEmbeddingGenerator{String, Embedding}"/>.
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
        return services
            .AddEmbeddingGenerator(provider => new MiniLmEmbeddingGenerator(Resolve(provider)))
            .Use((inner, provider) => new EmbeddingCache(inner, Resolve(provider).CacheCapacity));

        EmbeddingOptions Resolve(IServiceProvider provider) =>
            options ?? provider.GetService<IOptions<EmbeddingOptions>>()?.Value ?? new EmbeddingOptions();
    }
}
