using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace SkillsMatch.Embeddings;

public static class EmbeddingsServiceCollectionExtensions
{
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
