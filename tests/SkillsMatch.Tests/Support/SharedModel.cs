using SkillsMatch.Embeddings;

namespace SkillsMatch.Tests.Support;

/// <summary>One loaded all-MiniLM-L6-v2 for every test that needs real vectors (loading costs ~1 s and ~180 MB).</summary>
public static class SharedModel
{
    private static readonly Lazy<MiniLmEmbeddingGenerator> Instance = new(() => new MiniLmEmbeddingGenerator());

    public static MiniLmEmbeddingGenerator Generator => Instance.Value;
}
