using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using SkillsMatch.Embeddings;

namespace SkillsMatch.Tests.Embeddings;

/// <summary>The OpenAI-compatible backend against a loopback server speaking the embeddings wire format.</summary>
public sealed class RemoteEmbeddingsTests
{
    [Fact]
    public async Task Configured_openai_provider_asks_for_384_dimensions_of_the_named_model()
    {
        JsonElement? request = null;
        await using var server = await StartAsync(async context =>
        {
            request = (await JsonDocument.ParseAsync(context.Request.Body)).RootElement.Clone();
            var vector = Enumerable.Repeat(1f / MathF.Sqrt(384), 384).ToArray();
            await context.Response.WriteAsJsonAsync(new
            {
                @object = "list",
                model = "text-embedding-3-small",
                data = new[] { new { @object = "embedding", index = 0, embedding = vector } },
                usage = new { prompt_tokens = 2, total_tokens = 2 },
            });
        });
        var services = new ServiceCollection();
        services.AddEmbeddings(new RemoteEmbeddingOptions { Provider = "openai", Endpoint = new Uri(server.Urls.First() + "/v1"), ApiKey = "test-key" });
        await using var provider = services.BuildServiceProvider();
        var generator = provider.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();

        var embedding = await generator.GenerateVectorAsync("data analysis");

        Assert.Equal(384, embedding.Length);
        Assert.Equal("text-embedding-3-small", request!.Value.GetProperty("model").GetString());
        Assert.Equal(384, request.Value.GetProperty("dimensions").GetInt32());
        Assert.Equal(("text-embedding-3-small", 384), EmbeddingSpace.Identify(generator));
        Assert.Same(generator, provider.GetRequiredKeyedService<IEmbeddingGenerator<string, Embedding<float>>>(EmbeddingsServiceCollectionExtensions.ExtractionKey));
    }

    [Fact]
    public void Openai_provider_without_endpoint_or_key_is_a_configuration_error()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddEmbeddings(new RemoteEmbeddingOptions { Provider = "openai" }));

        Assert.Contains("Embeddings:Endpoint", error.Message, StringComparison.Ordinal);
    }

    private static async Task<WebApplication> StartAsync(RequestDelegate handler)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapPost("/v1/embeddings", handler);
        await app.StartAsync();
        return app;
    }
}
