using System.Runtime.InteropServices;
using Google.Protobuf;
using Microsoft.ML.OnnxRuntime;
using Onnx;
using SkillsMatch.Embeddings;

namespace SkillsMatch.Extraction;

/// <summary>
/// Exact top-k rows of a fixed matrix by dot product with each query, as a two-node ONNX graph (MatMul, then TopK)
/// so that the products run in ONNX Runtime's GEMM. On this VM that scores 19 queries against ESCO's 13.9k × 384
/// matrix about six times faster than one <c>TensorPrimitives.Dot</c> per row and query.
/// </summary>
/// <remarks>
/// Thread-safe. The session holds its own copy of the matrix. A replaced taxonomy model is not disposed (requests
/// may still be using it); the session's finalizer frees the native memory once nothing refers to it.
/// </remarks>
internal sealed class DotProductTopK : IDisposable
{
    private static readonly string[] InputNames = ["queries", "k"];
    private static readonly string[] OutputNames = ["scores", "rows"];

    private readonly InferenceSession session;
    private readonly int rows;
    private readonly int dimensions;

    public DotProductTopK(float[] matrix, int rows, int dimensions)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 1);
        ArgumentOutOfRangeException.ThrowIfNotEqual(matrix.Length, rows * dimensions);
        this.rows = rows;
        this.dimensions = dimensions;
        using var options = OnnxSessions.Sequential(intraOpThreads: 1);
        session = new InferenceSession(Graph(matrix, rows, dimensions), options);
    }

    /// <summary>For each query (length <c>dimensions</c> each, back to back): the k best rows and their scores, best first.</summary>
    public (int Row, float Score)[][] Search(float[] queries, int k)
    {
        ArgumentNullException.ThrowIfNull(queries);
        int count = queries.Length / dimensions;
        if (count == 0 || k <= 0) return [.. Enumerable.Range(0, count).Select(_ => Array.Empty<(int, float)>())];
        k = Math.Min(k, rows);
        using var queryValue = OrtValue.CreateTensorValueFromMemory(queries, [count, dimensions]);
        using var kValue = OrtValue.CreateTensorValueFromMemory(new long[] { k }, [1]);
        using var runOptions = new RunOptions();
        using var outputs = session.Run(runOptions, InputNames, [queryValue, kValue], OutputNames);
        var scores = outputs[0].GetTensorDataAsSpan<float>();
        var found = outputs[1].GetTensorDataAsSpan<long>();
        var results = new (int Row, float Score)[count][];
        for (int q = 0; q < count; q++)
        {
            var best = new (int, float)[k];
            for (int i = 0; i < k; i++) best[i] = ((int)found[q * k + i], scores[q * k + i]);
            results[q] = best;
        }
        return results;
    }

    public void Dispose() => session.Dispose();

    private static byte[] Graph(float[] matrix, int rows, int dimensions)
    {
        // MatMul wants the matrix as [dimensions, rows].
        var transposed = new float[matrix.Length];
        for (int row = 0; row < rows; row++)
        {
            for (int d = 0; d < dimensions; d++) transposed[d * rows + row] = matrix[row * dimensions + d];
        }
        var weights = new TensorProto
        {
            Name = "matrix",
            DataType = (int)TensorProto.Types.DataType.Float,
            RawData = ByteString.CopyFrom(MemoryMarshal.AsBytes(transposed.AsSpan())),
        };
        weights.Dims.AddRange([dimensions, rows]);

        var model = new ModelProto { IrVersion = 8, Graph = new GraphProto { Name = "dot_product_top_k" } };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = 13 });
        model.Graph.Initializer.Add(weights);
        model.Graph.Input.Add(Tensor("queries", TensorProto.Types.DataType.Float, "n", dimensions));
        model.Graph.Input.Add(Tensor("k", TensorProto.Types.DataType.Int64, 1));
        model.Graph.Node.Add(Node("MatMul", ["queries", "matrix"], ["products"]));
        model.Graph.Node.Add(Node("TopK", ["products", "k"], ["scores", "rows"]));
        model.Graph.Output.Add(Tensor("scores", TensorProto.Types.DataType.Float, "n", "k"));
        model.Graph.Output.Add(Tensor("rows", TensorProto.Types.DataType.Int64, "n", "k"));
        return model.ToByteArray();
    }

    private static NodeProto Node(string op, string[] inputs, string[] outputs)
    {
        var node = new NodeProto { Name = op, OpType = op };
        node.Input.AddRange(inputs);
        node.Output.AddRange(outputs);
        return node;
    }

    // Each dimension is a fixed size (int) or a named, variable one (string).
    private static ValueInfoProto Tensor(string name, TensorProto.Types.DataType type, params object[] shape)
    {
        var tensor = new TypeProto.Types.Tensor { ElemType = (int)type, Shape = new TensorShapeProto() };
        foreach (var dimension in shape)
        {
            tensor.Shape.Dim.Add(dimension is int size
                ? new TensorShapeProto.Types.Dimension { DimValue = size }
                : new TensorShapeProto.Types.Dimension { DimParam = (string)dimension });
        }
        return new ValueInfoProto { Name = name, Type = new TypeProto { TensorType = tensor } };
    }
}
