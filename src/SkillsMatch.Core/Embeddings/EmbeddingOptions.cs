using System.ComponentModel.DataAnnotations;

namespace SkillsMatch.Embeddings;

/// <summary>How the local embedding generator uses the machine.</summary>
public sealed record EmbeddingOptions
{
    /// <summary>
    /// Threads ONNX Runtime uses inside one inference. 1 suits a server: concurrent requests already
    /// occupy the cores, and more threads per call oversubscribe them. Raise it for batch imports.
    /// </summary>
    [Range(1, 64)]
    public int IntraOpThreads { get; init; } = 1;

    /// <summary>Texts per inference; each batch is padded to its longest text.</summary>
    [Range(1, 1024)]
    public int BatchSize { get; init; } = 32;

    /// <summary>Distinct texts whose vectors are kept in memory (about 1.7 KB each); 0 disables the cache.</summary>
    [Range(0, 10_000_000)]
    public int CacheCapacity { get; init; } = 10_000;
}
