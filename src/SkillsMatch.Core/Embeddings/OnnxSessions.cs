using Microsoft.ML.OnnxRuntime;

namespace SkillsMatch.Embeddings;

/// <summary>How every in-process ONNX model here runs.</summary>
internal static class OnnxSessions
{
    /// <summary>Sequentially, fully optimised, on <paramref name="intraOpThreads"/> threads per call.</summary>
    public static SessionOptions Sequential(int intraOpThreads) => new()
    {
        IntraOpNumThreads = intraOpThreads,
        InterOpNumThreads = 1,
        ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
        GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
    };
}
