using Microsoft.Extensions.Logging.Abstractions;
using SkillsMatch.Taxonomy;

namespace SkillsMatch.Tests.Support;

/// <summary>The real shipped taxonomy (data/taxonomies/skillsmatch) with its vectors, in the run's test database, once.</summary>
public static class ShippedTaxonomy
{
    private static readonly Lazy<Task<int>> Loaded = new(LoadAsync);

    public static Task<int> IdAsync() => Loaded.Value;

    public static string RepositoryFile(params string[] parts) =>
        RepositoryFiles.Find(parts) ?? throw new FileNotFoundException($"{Path.Combine(parts)} is not in the repository");

    private static async Task<int> LoadAsync()
    {
        var dataSource = await TestDatabase.MigratedDataSourceAsync();
        await new DefaultTaxonomy(dataSource, NullLogger<DefaultTaxonomy>.Instance, SharedModel.Generator).EnsureAsync(null, CancellationToken.None);
        return (await new TaxonomyStore(dataSource).ResolveTaxonomyAsync("skillsmatch", CancellationToken.None))!.Value;
    }
}
