using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using SkillsMatch.Storage;
using SkillsMatch.Taxonomy;

namespace SkillsMatch.Cli;

/// <summary><c>skillsmatch crosswalk build --from A --to B</c>.</summary>
public static class CrosswalkCommands
{
    public static Command Create()
    {
        var from = new Option<string>("--from") { Description = "Taxonomy whose skills are linked (key, key@version or id)", Required = true };
        var to = new Option<string>("--to") { Description = "Taxonomy they are linked to", Required = true };
        var threshold = new Option<double>("--threshold")
        {
            Description = "Minimum cosine similarity for an embedding link",
            DefaultValueFactory = _ => CrosswalkBuilder.DefaultThreshold,
        };
        var build = new Command("build", "Link skills across two taxonomies: exact label, shared alias, then embedding similarity.") { from, to, threshold };
        build.SetAction(async (parse, ct) =>
        {
            using var host = await SkillsMatchCli.HostAsync(parse, ct);
            var store = host.Services.GetRequiredService<TaxonomyStore>();
            var fromId = await store.ResolveTaxonomyAsync(parse.GetValue(from)!, ct) ?? throw new CliException($"unknown taxonomy '{parse.GetValue(from)}'");
            var toId = await store.ResolveTaxonomyAsync(parse.GetValue(to)!, ct) ?? throw new CliException($"unknown taxonomy '{parse.GetValue(to)}'");
            try
            {
                var result = await host.Services.GetRequiredService<CrosswalkBuilder>().BuildAsync(fromId, toId, parse.GetValue(threshold), ct);
                Console.WriteLine($"links: {result.Exact} exact, {result.Alias} alias, {result.Embedding} embedding" +
                                  (result.SkillsWithoutEmbedding > 0 ? $" ({result.SkillsWithoutEmbedding} skills have no vector yet: run `taxonomy embed`)" : ""));
                return 0;
            }
            catch (ArgumentException ex)
            {
                throw new CliException(ex.Message);
            }
        });
        var crosswalk = new Command("crosswalk", "Links between the skills of two taxonomies.");
        crosswalk.Subcommands.Add(build);
        return crosswalk;
    }
}
