using Microsoft.Extensions.AI;
using SkillsMatch.Embeddings;
using SkillsMatch.Tests.Support;

namespace SkillsMatch.Tests.Embeddings;

/// <summary>The int8 model extraction embeds with must stay a close stand-in for the full model it is compared against.</summary>
[Trait("Category", "Unit")]
public class QuantizedMiniLmTests
{
    private static readonly string[] Texts =
    [
        "data analysis",
        "analyse data",
        "Python programming",
        "monthly reporting",
        "Operate a forklift safely in a warehouse and keep records of every load moved.",
        "Design REST APIs in C# with ASP.NET Core",
        "Maintain CI/CD pipelines",
        "customer service",
        "nice to have experience with Tableau dashboards",
        "Résumé writing",
    ];

    [Fact]
    public async Task Quantized_vectors_lie_within_cosine_0_98_of_the_full_models()
    {
        var full = await SharedModel.Generator.GenerateAsync(Texts);
        var quantized = await SharedModel.Extraction.GenerateAsync(Texts);

        for (var i = 0; i < Texts.Length; i++)
        {
            Assert.InRange(Dot(full[i], quantized[i]), 0.98, 1.0001);
        }
    }

    [Fact]
    public async Task Quantized_vectors_are_the_int8_models_where_the_cpu_runs_it_exactly()
    {
        var full = await SharedModel.Generator.GenerateAsync(["data analysis"]);
        var quantized = await SharedModel.Extraction.GenerateAsync(["data analysis"]);

        // Without VNNI the generator falls back to the full model, and the vectors are the same.
        Assert.Equal(Int8Quantizer.CpuRunsInt8Exactly, Dot(full[0], quantized[0]) < 0.99999);
    }

    [Theory]
    [InlineData("data analysis", "analyse data", 0.798)]
    [InlineData("Python programming", "write Python code", 0.840)]
    [InlineData("cloud security", "forklift operation", 0.080)]
    public async Task Similarities_stay_near_the_reference_model(string first, string second, double expected)
    {
        var embeddings = await SharedModel.Extraction.GenerateAsync([first, second]);

        Assert.InRange(Dot(embeddings[0], embeddings[1]), expected - 0.03, expected + 0.03);
    }

    [Fact]
    public void Quantized_model_is_named_apart_from_the_full_one()
    {
        Assert.Equal(Int8Quantizer.CpuRunsInt8Exactly ? "all-MiniLM-L6-v2-int8" : "all-MiniLM-L6-v2",
            SharedModel.Extraction.GetService<EmbeddingGeneratorMetadata>()?.DefaultModelId);
        Assert.Equal("all-MiniLM-L6-v2", SharedModel.Generator.GetService<EmbeddingGeneratorMetadata>()?.DefaultModelId);
    }

    private static double Dot(Embedding<float> a, Embedding<float> b)
    {
        double sum = 0;
        for (var i = 0; i < a.Vector.Length; i++) sum += a.Vector.Span[i] * (double)b.Vector.Span[i];
        return sum;
    }
}
