using SkillsMatch.Embeddings;

namespace SkillsMatch.Tests.Support;

/// <summary>One loaded all-MiniLM-L6-v2 for every test that needs real vectors (loading costs ~1 s and ~180 MB).</summary>
public static class SharedModel
{
    private static readonly Lazy<MiniLmEmbeddingGenerator> Instance = new(() => new MiniLmEmbeddingGenerator());
    private static readonly Lazy<MiniLmEmbeddingGenerator> QuantizedInstance =
        new(() => new MiniLmEmbeddingGenerator(precision: EmbeddingPrecision.Quantized));

    /// <summary>The full model, which every stored vector comes from.</summary>
    public static MiniLmEmbeddingGenerator Generator => Instance.Value;

    /// <summary>The quantized model skill extraction embeds with, as in the API.</summary>
    public static MiniLmEmbeddingGenerator Extraction => QuantizedInstance.Value;
}
