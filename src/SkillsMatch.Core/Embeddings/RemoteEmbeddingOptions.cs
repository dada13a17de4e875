using System.ComponentModel.DataAnnotations;

namespace SkillsMatch.Embeddings;

/// <summary>
/// An OpenAI-compatible embeddings endpoint (OpenAI, Azure OpenAI's v1 endpoint), used instead of the local
/// model only when configured. Vectors are requested at 384 dimensions so they fit the database's columns;
/// the embedding space guard still refuses to mix them with vectors of the local model.
/// </summary>
public sealed record RemoteEmbeddingOptions
{
    /// <summary>"local" (default) or "openai".</summary>
    [AllowedValues("local", "openai")]
    public string Provider { get; init; } = "local";

    public Uri? Endpoint { get; init; }

    public string? ApiKey { get; init; }

    public string Model { get; init; } = "text-embedding-3-small";
}
