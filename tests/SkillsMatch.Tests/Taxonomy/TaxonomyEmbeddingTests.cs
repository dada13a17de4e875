using Dapper;
using Microsoft.Extensions.AI;
using SkillsMatch.Embeddings;
using SkillsMatch.Taxonomy;
using SkillsMatch.Tests.Support;

namespace SkillsMatch.Tests.Taxonomy;

public sealed class TaxonomyEmbeddingTests
{
    [Fact]
    public async Task Embedding_a_taxonomy_gives_every_skill_and_occupation_a_vector_once()
    {
        var dataSource = await TestDatabase.MigratedDataSourceAsync();
        var written = await new TaxonomyWriter(dataSource).WriteAsync(TaxonomyFixture.Own());
        var embedder = new TaxonomyEmbedder(dataSource, SharedModel.Generator);

        var first = await embedder.EmbedAsync(written.TaxonomyId);
        var second = await embedder.EmbedAsync(written.TaxonomyId);

        Assert.Equal(new TaxonomyEmbedResult(12, 3), first);
        Assert.Equal(new TaxonomyEmbedResult(0, 0), second);
        await using var conn = await dataSource.OpenConnectionAsync();
        Assert.Equal(0, await conn.QuerySingleAsync<int>(
            "SELECT count(*)::int FROM skills WHERE taxonomy_id = @TaxonomyId AND embedding IS NULL", written));
    }

    [Fact]
    public async Task Renamed_skill_gets_a_new_vector_on_reimport()
    {
        var dataSource = await TestDatabase.MigratedDataSourceAsync();
        var import = TaxonomyFixture.Own();
        var writer = new TaxonomyWriter(dataSource);
        var embedder = new TaxonomyEmbedder(dataSource, SharedModel.Generator);
        var written = await writer.WriteAsync(import);
        await embedder.EmbedAsync(written.TaxonomyId);

        var index = import.Skills.FindIndex(s => s.ExternalId == "forklift");
        import.Skills[index] = import.Skills[index] with { PreferredLabel = "lift truck driving" };
        await writer.WriteAsync(import);

        Assert.Equal(new TaxonomyEmbedResult(1, 0), await embedder.EmbedAsync(written.TaxonomyId));
    }

    [Fact]
    public async Task Semantic_neighbours_follow_label_matches_in_search()
    {
        var dataSource = await TestDatabase.MigratedDataSourceAsync();
        var written = await new TaxonomyWriter(dataSource).WriteAsync(TaxonomyFixture.Own());
        await new TaxonomyEmbedder(dataSource, SharedModel.Generator).EmbedAsync(written.TaxonomyId);
        var search = new SkillSearch(new TaxonomyStore(dataSource), SharedModel.Generator);

        var hits = await search.SearchAsync("charts and dashboards", written.TaxonomyId, null, 3, CancellationToken.None);

        Assert.Equal("data-visualisation", hits[0].ExternalId);
        Assert.Equal("semantic", hits[0].Match);
    }

    [Fact]
    public async Task Vectors_of_another_model_are_refused_with_a_clear_error()
    {
        var dataSource = await TestDatabase.MigratedDataSourceAsync();
        var written = await new TaxonomyWriter(dataSource).WriteAsync(TaxonomyFixture.Own());
        await new TaxonomyEmbedder(dataSource, SharedModel.Generator).EmbedAsync(written.TaxonomyId);
        using var other = new OtherModel();

        var error = await Assert.ThrowsAsync<EmbeddingModelMismatchException>(
            () => new TaxonomyEmbedder(dataSource, other).EmbedAsync(written.TaxonomyId));

        Assert.Contains(MiniLmModel.Id, error.Message, StringComparison.Ordinal);
        Assert.Contains("other-model", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Crosswalk_links_exact_labels_shared_aliases_and_close_embeddings()
    {
        var dataSource = await TestDatabase.MigratedDataSourceAsync();
        var a = TaxonomyFixture.Own();
        var b = TaxonomyFixture.Own();
        b.Skills[b.Skills.FindIndex(s => s.ExternalId == "sql")] = b.Skills.Single(s => s.ExternalId == "sql") with { PreferredLabel = "structured query language", AltLabels = [] };
        b.Skills[b.Skills.FindIndex(s => s.ExternalId == "forklift")] = b.Skills.Single(s => s.ExternalId == "forklift") with { PreferredLabel = "forklift operations", AltLabels = [] };
        var writer = new TaxonomyWriter(dataSource);
        var embedder = new TaxonomyEmbedder(dataSource, SharedModel.Generator);
        var from = await writer.WriteAsync(a);
        var to = await writer.WriteAsync(b);
        await embedder.EmbedAsync(from.TaxonomyId);
        await embedder.EmbedAsync(to.TaxonomyId);

        var result = await new CrosswalkBuilder(dataSource).BuildAsync(from.TaxonomyId, to.TaxonomyId);
        var again = await new CrosswalkBuilder(dataSource).BuildAsync(from.TaxonomyId, to.TaxonomyId);

        Assert.Equal(10, result.Exact);
        Assert.Equal(1, result.Alias);
        Assert.Equal(1, result.Embedding);
        Assert.Equal(result, again);
        var store = new TaxonomyStore(dataSource);
        var forklift = (await new SkillSearch(store).SearchAsync("forklift operation", from.TaxonomyId, null, 1, CancellationToken.None))[0];
        var link = Assert.Single((await store.GetSkillAsync(forklift.Id, CancellationToken.None))!.Crosswalk);
        Assert.Equal("embedding", link.Method);
        Assert.InRange(link.Confidence, CrosswalkBuilder.DefaultThreshold, 1.0);
    }

    private sealed class OtherModel : IEmbeddingGenerator<string, Embedding<float>>
    {
        public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(new GeneratedEmbeddings<Embedding<float>>(values.Select(_ => new Embedding<float>(new float[EmbeddingSpace.Dimensions]))));

        public object? GetService(Type serviceType, object? serviceKey = null) =>
            serviceType == typeof(EmbeddingGeneratorMetadata) ? new EmbeddingGeneratorMetadata("test", null, "other-model", EmbeddingSpace.Dimensions) : null;

        public void Dispose() { }
    }
}
