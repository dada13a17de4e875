using Google.Protobuf;
using Onnx;
using SkillsMatch.Embeddings;

namespace SkillsMatch.Tests.Embeddings;

[Trait("Category", "Unit")]
public class Int8QuantizerTests
{
    [Fact]
    public void Weight_matmuls_become_int8_with_one_scale_per_column()
    {
        var weights = new float[] { 1f, -0.5f, 0.25f, -2f, 0.5f, 1f }; // 3×2, column maxima 1 and 2
        var quantized = ModelProto.Parser.ParseFrom(Int8Quantizer.Quantize(new MemoryStream(Model(weights).ToByteArray())));

        var node = Assert.Single(quantized.Graph.Node);
        Assert.Equal(("com.microsoft", "DynamicQuantizeMatMul"), (node.Domain, node.OpType));
        Assert.Equal(["x", "w_int8", "w_int8_scale", "w_int8_zero_point"], node.Input);
        Assert.Equal(["y"], node.Output);
        var initializers = quantized.Graph.Initializer.ToDictionary(t => t.Name);
        Assert.DoesNotContain("w", initializers.Keys);
        Assert.Equal([127, -32, 32, -127, 64, 64], initializers["w_int8"].RawData.Select(b => (int)(sbyte)b));
        Assert.Equal([1f / 127, 2f / 127], Floats(initializers["w_int8_scale"]));
        Assert.Equal([0, 0], initializers["w_int8_zero_point"].RawData.ToArray());
        Assert.Contains(quantized.OpsetImport, opset => opset.Domain == "com.microsoft");
    }

    [Fact]
    public void A_bias_add_after_the_matmul_is_done_by_the_quantized_matmul()
    {
        var model = Model([1f, -0.5f, 0.25f, -2f, 0.5f, 1f]);
        model.Graph.Node[0].Output[0] = "product";
        var bias = new TensorProto { Name = "b", DataType = (int)TensorProto.Types.DataType.Float };
        bias.Dims.Add(2);
        bias.FloatData.AddRange([0.1f, 0.2f]);
        model.Graph.Initializer.Add(bias);
        var add = new NodeProto { Name = "add", OpType = "Add" };
        add.Input.AddRange(["b", "product"]);
        add.Output.Add("y");
        model.Graph.Node.Add(add);

        var quantized = ModelProto.Parser.ParseFrom(Int8Quantizer.Quantize(new MemoryStream(model.ToByteArray())));

        var node = Assert.Single(quantized.Graph.Node);
        Assert.Equal("DynamicQuantizeMatMul", node.OpType);
        Assert.Equal(["x", "w_int8", "w_int8_scale", "w_int8_zero_point", "b"], node.Input);
        Assert.Equal(["y"], node.Output);
    }

    [Fact]
    public void A_model_with_nothing_to_quantize_is_refused()
    {
        var model = Model([1f, 2f]);
        model.Graph.Node[0].OpType = "Add";

        var error = Assert.Throws<InvalidDataException>(() => Int8Quantizer.Quantize(new MemoryStream(model.ToByteArray())));
        Assert.Contains("no MatMul", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_vnni_check_agrees_with_the_kernels_cpu_flags()
    {
        if (!File.Exists("/proc/cpuinfo")) return; // Linux tells the flags; elsewhere there is nothing to compare with.
        var flags = File.ReadLines("/proc/cpuinfo").First(line => line.StartsWith("flags", StringComparison.Ordinal)).Split(' ');

        Assert.Equal(flags.Contains("avx512_vnni") || flags.Contains("avx_vnni"), Int8Quantizer.CpuRunsInt8Exactly);
    }

    private static ModelProto Model(float[] weights)
    {
        var weight = new TensorProto { Name = "w", DataType = (int)TensorProto.Types.DataType.Float };
        weight.Dims.AddRange(weights.Length == 6 ? [3L, 2L] : [1L, weights.Length]);
        weight.FloatData.AddRange(weights);
        var node = new NodeProto { Name = "mm", OpType = "MatMul" };
        node.Input.AddRange(["x", "w"]);
        node.Output.Add("y");
        var model = new ModelProto { IrVersion = 7, Graph = new GraphProto { Name = "g" } };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = 13 });
        model.Graph.Node.Add(node);
        model.Graph.Initializer.Add(weight);
        return model;
    }

    private static float[] Floats(TensorProto tensor) =>
        System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(tensor.RawData.Span).ToArray();
}
