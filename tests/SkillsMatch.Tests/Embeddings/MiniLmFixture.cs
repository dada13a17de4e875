using SkillsMatch.Embeddings;

namespace SkillsMatch.Tests.Embeddings;

/// <summary>One loaded model for a whole test class: loading takes longer than the tests.</summary>
public sealed class MiniLmFixture : IDisposable
{
    public MiniLmEmbeddingGenerator Generator { get; } = new(new EmbeddingOptions { IntraOpThreads = 2 });

    public void Dispose() => Generator.Dispose();
}
