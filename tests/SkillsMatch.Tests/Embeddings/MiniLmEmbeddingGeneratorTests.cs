using Microsoft.Extensions.AI;
using SkillsMatch.Embeddings;

namespace SkillsMatch.Tests.Embeddings;

[Trait("Category", "Unit")]
public class MiniLmEmbeddingGeneratorTests(MiniLmFixture fixture) : IClassFixture<MiniLmFixture>
{
    private readonly MiniLmEmbeddingGenerator _generator = fixture.Generator;

    [Fact]
    public async Task Embeddings_are_384_dimension_unit_vectors()
    {
        var embeddings = await _generator.GenerateAsync(["project management", "", "Résumé writing"]);

        Assert.Equal(3, embeddings.Count);
        foreach (var embedding in embeddings)
        {
            Assert.Equal(384, embedding.Vector.Length);
            Assert.Equal(1.0, Math.Sqrt(Dot(embedding, embedding)), 4);
            Assert.Equal("all-MiniLM-L6-v2", embedding.ModelId);
        }
    }

    [Theory]
    [InlineData("data analysis", "analyse data", 0.798)]
    [InlineData("Python programming", "write Python code", 0.840)]
    [InlineData("cloud security", "forklift operation", 0.080)]
    public async Task Similarities_match_the_reference_model(string first, string second, double expected)
    {
        var embeddings = await _generator.GenerateAsync([first, second]);

        Assert.InRange(Cosine(embeddings[0], embeddings[1]), expected - 0.02, expected + 0.02);
    }

    [Fact]
    public async Task Cpp_and_C_programming_embed_differently()
    {
        var embeddings = await _generator.GenerateAsync(["C++ programming", "C programming"]);

        Assert.True(Cosine(embeddings[0], embeddings[1]) < 0.999);
    }

    [Fact]
    public async Task Batch_results_equal_single_results_in_input_order()
    {
        string[] texts =
        [
            "Operate a forklift safely in a warehouse and keep records of every load moved.",
            "SQL",
            "Design REST APIs in C# with ASP.NET Core",
            "teamwork",
            "Maintain CI/CD pipelines",
        ];
        using var small = new MiniLmEmbeddingGenerator(new EmbeddingOptions { BatchSize = 2 });

        var batched = await small.GenerateAsync(texts);
        for (int i = 0; i < texts.Length; i++)
        {
            var single = await _generator.GenerateAsync([texts[i]]);
            Assert.True(Cosine(single[0], batched[i]) > 0.99999, $"text {i} differs between batch and single");
        }
    }

    [Fact]
    public async Task Cancelled_request_is_not_embedded()
    {
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => _generator.GenerateAsync(["anything"], cancellationToken: cancellation.Token));
    }

    [Fact]
    public void Metadata_names_the_model_and_its_dimensions()
    {
        var metadata = _generator.GetService<EmbeddingGeneratorMetadata>();

        Assert.NotNull(metadata);
        Assert.Equal("all-MiniLM-L6-v2", metadata.DefaultModelId);
        Assert.Equal(384, metadata.DefaultModelDimensions);
    }

    // The vectors are unit length, so their dot product is their cosine; the unit test above checks that.
    private static double Cosine(Embedding<float> a, Embedding<float> b) => Dot(a, b);

    private static double Dot(Embedding<float> a, Embedding<float> b)
    {
        double sum = 0;
        for (int i = 0; i < a.Vector.Length; i++)
        {
            sum += a.Vector.Span[i] * (double)b.Vector.Span[i];
        }
        return sum;
    }
}
