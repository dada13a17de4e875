using SkillsMatch.Taxonomy;

namespace SkillsMatch.Matching.Features;

/// <summary>
/// The working taxonomy's skill graph, loaded once and reloaded when the taxonomy's labels change
/// (a re-import); concurrent first requests share one load.
/// </summary>
public sealed class SkillGraphCache(MatchingStore store, TaxonomyStore taxonomies, WorkingTaxonomy working) : IDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private (int TaxonomyId, string Version, SkillGraph Graph)? current;

    public async Task<SkillGraph> GetAsync(CancellationToken ct)
    {
        // The version (re-read at most every 2 s) changes with any import, so while it holds the working taxonomy's
        // id cannot have changed either: a request then costs no database round trip here.
        var version = await taxonomies.LabelsVersionAsync(ct);
        if (current is { } cached && cached.Version == version) return cached.Graph;
        await gate.WaitAsync(ct);
        try
        {
            var taxonomyId = await working.GetIdAsync(ct);
            if (current is { } loaded && loaded.TaxonomyId == taxonomyId && loaded.Version == version) return loaded.Graph;
            var graph = await store.LoadSkillGraphAsync(taxonomyId, ct);
            current = (taxonomyId, version, graph);
            return graph;
        }
        finally
        {
            gate.Release();
        }
    }

    public void Dispose() => gate.Dispose();
}
