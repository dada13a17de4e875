using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;
using Google.Protobuf;
using Onnx;

namespace SkillsMatch.Embeddings;

/// <summary>
/// Rewrites an fp32 ONNX model so that every MatMul by a constant weight matrix runs in int8: weights are
/// quantized once here, symmetrically per output column, and activations are quantized per call by ONNX
/// Runtime's <c>com.microsoft.DynamicQuantizeMatMul</c> (what onnxruntime's <c>quantize_dynamic</c> produces).
/// </summary>
/// <remarks>
/// The transformer's weights are almost all in those MatMuls, so this is where the time goes; the token
/// embedding table (a Gather) and everything else stay fp32. The output depends only on the input bytes.
/// </remarks>
public static class Int8Quantizer
{
    private const string MicrosoftDomain = "com.microsoft";

    /// <summary>
    /// Whether this CPU has VNNI (AVX-512 VNNI or AVX-VNNI), where ONNX Runtime multiplies uint8 activations by
    /// int8 weights exactly and fast. Without it the products go through 16-bit sums that can saturate
    /// (onnxruntime's documented u8s8 caveat), so the quantized model is not used there.
    /// </summary>
    public static bool CpuRunsInt8Exactly { get; } = AvxVnni.IsSupported
        || (Avx512F.IsSupported && X86Base.IsSupported && ((X86Base.CpuId(7, 0).Ecx >> 11) & 1) == 1);

    public static byte[] Quantize(Stream fp32Model)
    {
        var model = ModelProto.Parser.ParseFrom(fp32Model);
        var graph = model.Graph;
        var weights = graph.Initializer.ToDictionary(tensor => tensor.Name, StringComparer.Ordinal);
        var consumers = graph.Node.SelectMany(node => node.Input.Select(input => (input, node))).ToLookup(pair => pair.input, pair => pair.node, StringComparer.Ordinal);
        var nodes = new List<NodeProto>(graph.Node.Count);
        var quantized = new HashSet<string>(StringComparer.Ordinal);
        var foldedAdds = new HashSet<NodeProto>();
        foreach (var node in graph.Node)
        {
            if (foldedAdds.Contains(node))
            {
                continue;
            }
            if (node.OpType == "MatMul" && node.Domain.Length == 0 && weights.TryGetValue(node.Input[1], out var weight) && IsFloatMatrix(weight))
            {
                if (quantized.Add(weight.Name))
                {
                    graph.Initializer.AddRange(QuantizePerColumn(weight));
                }
                var biasAdd = BiasAdd(node, weight, consumers, weights);
                if (biasAdd is not null)
                {
                    foldedAdds.Add(biasAdd.Value.Add);
                }
                nodes.Add(DynamicQuantizeMatMul(node, weight.Name, biasAdd));
            }
            else
            {
                nodes.Add(node);
            }
        }
        if (quantized.Count == 0)
        {
            throw new InvalidDataException("The model has no MatMul by a constant fp32 matrix to quantize.");
        }
        foreach (var name in quantized)
        {
            graph.Initializer.Remove(weights[name]);
        }
        graph.Node.Clear();
        graph.Node.AddRange(nodes);
        if (!model.OpsetImport.Any(opset => opset.Domain == MicrosoftDomain))
        {
            model.OpsetImport.Add(new OperatorSetIdProto { Domain = MicrosoftDomain, Version = 1 });
        }
        return model.ToByteArray();
    }

    private static bool IsFloatMatrix(TensorProto tensor) =>
        tensor.DataType == (int)TensorProto.Types.DataType.Float && tensor.Dims.Count == 2;

    // The bias add that follows a projection (its only consumer, adding a constant vector of the output's width)
    // is done by the quantized MatMul itself, saving a pass over the activations.
    private static (NodeProto Add, string Bias)? BiasAdd(NodeProto matMul, TensorProto weight, ILookup<string, NodeProto> consumers,
        Dictionary<string, TensorProto> weights)
    {
        var users = consumers[matMul.Output[0]].ToList();
        if (users is not [{ OpType: "Add", Domain: "" } add] || add.Input.Count != 2)
        {
            return null;
        }
        var bias = add.Input[0] == matMul.Output[0] ? add.Input[1] : add.Input[0];
        return weights.TryGetValue(bias, out var vector)
               && vector.DataType == (int)TensorProto.Types.DataType.Float
               && vector.Dims.Count == 1 && vector.Dims[0] == weight.Dims[1]
            ? (add, bias)
            : null;
    }

    private static NodeProto DynamicQuantizeMatMul(NodeProto matMul, string weight, (NodeProto Add, string Bias)? biasAdd)
    {
        var node = new NodeProto { Name = $"{matMul.Name}_int8", OpType = "DynamicQuantizeMatMul", Domain = MicrosoftDomain };
        node.Input.Add(matMul.Input[0]);
        node.Input.Add(QuantizedName(weight));
        node.Input.Add(ScaleName(weight));
        node.Input.Add(ZeroPointName(weight));
        if (biasAdd is { } folded)
        {
            node.Input.Add(folded.Bias);
            node.Output.AddRange(folded.Add.Output);
        }
        else
        {
            node.Output.AddRange(matMul.Output);
        }
        return node;
    }

    // Symmetric int8 (zero point 0, range ±127) with one scale per output column: a column's largest weight
    // sets its step, so a few large columns do not coarsen the rest.
    private static TensorProto[] QuantizePerColumn(TensorProto weight)
    {
        int rows = checked((int)weight.Dims[0]), columns = checked((int)weight.Dims[1]);
        ReadOnlySpan<float> values = weight.FloatData.Count > 0
            ? weight.FloatData.ToArray()
            : MemoryMarshal.Cast<byte, float>(weight.RawData.Span);
        if (values.Length != rows * columns)
        {
            throw new InvalidDataException($"Initializer {weight.Name} holds {values.Length} values, not {rows}×{columns}.");
        }
        var scales = new float[columns];
        for (int row = 0; row < rows; row++)
        {
            for (int column = 0; column < columns; column++)
            {
                scales[column] = MathF.Max(scales[column], MathF.Abs(values[row * columns + column]));
            }
        }
        for (int column = 0; column < columns; column++)
        {
            scales[column] = scales[column] > 0 ? scales[column] / 127f : 1f;
        }
        var levels = new sbyte[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            levels[i] = (sbyte)Math.Clamp(MathF.Round(values[i] / scales[i % columns]), -127f, 127f);
        }
        return
        [
            Tensor(QuantizedName(weight.Name), TensorProto.Types.DataType.Int8, MemoryMarshal.AsBytes(levels.AsSpan()), rows, columns),
            Tensor(ScaleName(weight.Name), TensorProto.Types.DataType.Float, MemoryMarshal.AsBytes(scales.AsSpan()), columns),
            Tensor(ZeroPointName(weight.Name), TensorProto.Types.DataType.Int8, new byte[columns], columns),
        ];
    }

    private static TensorProto Tensor(string name, TensorProto.Types.DataType type, ReadOnlySpan<byte> data, params long[] dims)
    {
        var tensor = new TensorProto { Name = name, DataType = (int)type, RawData = ByteString.CopyFrom(data) };
        tensor.Dims.AddRange(dims);
        return tensor;
    }

    private static string QuantizedName(string weight) => $"{weight}_int8";
    private static string ScaleName(string weight) => $"{weight}_int8_scale";
    private static string ZeroPointName(string weight) => $"{weight}_int8_zero_point";
}
