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

    /// <summary>
    /// The model skill extraction embeds its phrases with. Quantized by default: extraction embeds every text a
    /// user sends, and its vectors are only compared, never stored.
    /// </summary>
    public EmbeddingPrecision ExtractionPrecision { get; init; } = EmbeddingPrecision.Quantized;

    /// <summary>
    /// The model posting vectors are made with. Quantized by default: the posting vector (~200 word pieces) was two
    /// thirds of bulk import's CPU time at full precision, and the int8 vectors lie at cosine 0.994 to the full
    /// model's (recall@20 of learner → postings 0.93 against them; docs/jobs.md#bulk-import-throughput).
    /// </summary>
    public EmbeddingPrecision PostingPrecision { get; init; } = EmbeddingPrecision.Quantized;

    /// <summary>Texts per inference; each batch is padded to its longest text.</summary>
    [Range(1, 1024)]
    public int BatchSize { get; init; } = 32;

    /// <summary>Distinct texts whose vectors are kept in memory (about 1.7 KB each); 0 disables the cache.</summary>
    [Range(0, 10_000_000)]
    public int CacheCapacity { get; init; } = 10_000;
}

/// <summary>
/// Full is the published fp32 model. Quantized runs its matrix products on int8 weights (<see cref="Int8Quantizer"/>):
/// 1.6–2 times as fast on one core, with vectors at cosine 0.99 (mean; 0.988 the lowest seen) to the full model's.
/// </summary>
public enum EmbeddingPrecision
{
    Full,
    Quantized,
}

public static class EmbeddingPrecisions
{
    /// <summary>The precision actually run here: Quantized only on a CPU with VNNI (<see cref="Int8Quantizer.CpuRunsInt8Exactly"/>).</summary>
    public static EmbeddingPrecision OnThisCpu(this EmbeddingPrecision precision) =>
        precision == EmbeddingPrecision.Quantized && !Int8Quantizer.CpuRunsInt8Exactly ? EmbeddingPrecision.Full : precision;
}
