using Dapper;
using SkillsMatch.Catalog;
using SkillsMatch.Cli;
using SkillsMatch.Extraction;
using SkillsMatch.Taxonomy;
using SkillsMatch.Tests.Support;

namespace SkillsMatch.Tests.Catalog;

public sealed class CatalogImportTests
{
    [Fact]
    public async Task Csv_bad_rows_are_reported_by_line_and_good_rows_kept()
    {
        var tag = "csv" + Guid.NewGuid().ToString("N")[..8];
        var file = await WriteAsync(".csv", $"""
            external_id,title,provider,description,hours,cost,format,language,region,stackable_into,quality_assurance,skills,is_demo
            {tag}-1,SQL Basics,North College,,12,199.99,online,en,ON,{tag}-cert|Data Analytics Certificate,accredited,sql|Microsoft Excel,true
            {tag}-2,Fax Course,North College,,,,fax,en,,,,,
            {tag}-3,Power BI Dashboards,"Prairie, Polytechnic","Build dashboards in Power BI.
            Spans two lines, with a comma.",30,0,hybrid,fr,QC,,framework-aligned,,
            {tag}-4,Cheap,North College,,,abc,online,en,,,,,
            {tag}-5,Mystery,North College,,,,online,en,,,,no such skill anywhere,
            """);

        var result = await ImportAsync(file);

        Assert.Equal(5, result.Rows);
        Assert.Equal(2, result.Inserted);
        Assert.Equal([3, 6, 7], result.Errors.Select(e => e.Line).ToArray());
        Assert.Contains("format", result.Errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("cost", result.Errors[1].Message, StringComparison.Ordinal);
        Assert.Contains("skills[0]", result.Errors[2].Message, StringComparison.Ordinal);
        var stored = await StoredAsync(tag);
        Assert.Equal([$"{tag}-1", $"{tag}-3"], stored.Keys.Order(StringComparer.Ordinal).ToArray());
        Assert.Equal(["microsoft-excel:alignment", "sql:alignment"], stored[$"{tag}-1"]);
        Assert.Contains("power-bi:extracted", stored[$"{tag}-3"]);
        await using var conn = await (await TestDatabase.MigratedDataSourceAsync()).OpenConnectionAsync();
        var first = await conn.QuerySingleAsync<(string Region, string[] Stackable, decimal Cost, bool IsDemo)>(
            "SELECT region, stackable_into, cost, is_demo FROM catalog_offerings WHERE external_id = @id", new { id = $"{tag}-1" });
        Assert.Equal(("CA-ON", 199.99m, true), (first.Region, first.Cost, first.IsDemo));
        Assert.Equal([$"{tag}-cert", "Data Analytics Certificate"], first.Stackable);
    }

    [Fact]
    public async Task Re_importing_the_same_external_ids_updates_instead_of_duplicating()
    {
        var tag = "jsonl" + Guid.NewGuid().ToString("N")[..8];
        string Lines(string title) => $$"""
            {"externalId":"{{tag}}-1","title":"{{title}}","provider":"Coast University","format":"online","language":"en","skills":["python"]}
            {"externalId":"{{tag}}-2","title":"Second","provider":"Coast University","format":"online","language":"en","skills":["sql"]}
            {"externalId": "{{tag}}-3", "title": 
            {"externalId":"{{tag}}-4","title":"Bad region","provider":"Coast University","format":"online","language":"en","region":"Narnia"}
            """;
        var first = await ImportAsync(await WriteAsync(".jsonl", Lines("Python Foundations")));
        var ids = await IdsAsync(tag);

        var second = await ImportAsync(await WriteAsync(".jsonl", Lines("Python Foundations, revised")));

        Assert.Equal((2, 0), (first.Inserted, first.Updated));
        Assert.Equal((0, 2), (second.Inserted, second.Updated));
        Assert.Equal([3, 4], second.Errors.Select(e => e.Line).ToArray());
        Assert.Equal(ids, await IdsAsync(tag));
        await using var conn = await (await TestDatabase.MigratedDataSourceAsync()).OpenConnectionAsync();
        Assert.Equal("Python Foundations, revised", await conn.ExecuteScalarAsync<string>(
            "SELECT title FROM catalog_offerings WHERE external_id = @id", new { id = $"{tag}-1" }));
        Assert.Equal(["python:alignment"], (await StoredAsync(tag))[$"{tag}-1"]);
    }

    [Fact]
    public async Task Cli_import_exits_2_when_rows_were_rejected_and_0_when_all_were_imported()
    {
        await ShippedTaxonomy.IdAsync();
        var connection = await TestDatabase.ConnectionStringAsync();
        var tag = "cli" + Guid.NewGuid().ToString("N")[..8];
        var good = await WriteAsync(".csv", $"external_id,title,provider,format,language,skills\n{tag}-1,SQL,P,online,en,sql\n");
        var mixed = await WriteAsync(".csv", $"external_id,title,provider,format,language,skills\n{tag}-2,SQL,P,online,en,sql\n{tag}-3,SQL,P,telepathy,en,sql\n");

        Assert.Equal(0, await SkillsMatchCli.RunAsync(["catalog", "import", good, "--lexical-only", "--connection", connection]));
        Assert.Equal(CatalogCommands.SomeRowsRejected, await SkillsMatchCli.RunAsync(["catalog", "import", mixed, "--lexical-only", "--connection", connection]));
        Assert.Equal(1, await SkillsMatchCli.RunAsync(["catalog", "import", good + ".missing", "--connection", connection]));
        Assert.Equal([$"{tag}-1", $"{tag}-2"], (await StoredAsync(tag)).Keys.Order(StringComparer.Ordinal).ToArray());
    }

    private static async Task<CatalogImportResult> ImportAsync(string file)
    {
        await ShippedTaxonomy.IdAsync();
        var dataSource = await TestDatabase.MigratedDataSourceAsync();
        var taxonomies = new TaxonomyStore(dataSource);
        var extractor = new SkillExtractor(new ExtractionModels(new ExtractionStore(dataSource), taxonomies));
        var import = new CatalogImport(new CatalogChecks(taxonomies, new WorkingTaxonomy(taxonomies), extractor), new CatalogStore(dataSource));
        return await import.RunAsync(file, null, CancellationToken.None);
    }

    private static async Task<string> WriteAsync(string extension, string content)
    {
        var path = Path.Combine(Path.GetTempPath(), "catalog-" + Guid.NewGuid().ToString("N") + extension);
        await File.WriteAllTextAsync(path, content + "\n");
        return path;
    }

    private static async Task<Dictionary<string, string[]>> StoredAsync(string tag)
    {
        await using var conn = await (await TestDatabase.MigratedDataSourceAsync()).OpenConnectionAsync();
        var rows = await conn.QueryAsync<(string ExternalId, string? Skill)>("""
            SELECT o.external_id, s.external_id || ':' || cs.source
              FROM catalog_offerings o LEFT JOIN catalog_offering_skills cs ON cs.offering_id = o.id LEFT JOIN skills s ON s.id = cs.skill_id
             WHERE o.external_id LIKE @prefix
            """, new { prefix = tag + "-%" });
        return rows.GroupBy(r => r.ExternalId).ToDictionary(g => g.Key, g => g.Select(r => r.Skill).OfType<string>().Order(StringComparer.Ordinal).ToArray());
    }

    private static async Task<Dictionary<string, Guid>> IdsAsync(string tag)
    {
        await using var conn = await (await TestDatabase.MigratedDataSourceAsync()).OpenConnectionAsync();
        return (await conn.QueryAsync<(string, Guid)>("SELECT external_id, id FROM catalog_offerings WHERE external_id LIKE @prefix", new { prefix = tag + "-%" }))
            .ToDictionary(r => r.Item1, r => r.Item2);
    }
}
