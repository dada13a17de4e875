using SkillsMatch.Taxonomy;

namespace SkillsMatch.Matching.Features;

/// <summary>
/// The working taxonomy's skill graph, loaded once and reloaded when the taxonomy's labels change
/// (a re-import); concurrent first requests share one load.
/// </summary>
public sealed class SkillGraphCache(MatchingStore store, TaxonomyStore taxonomies, WorkingTaxonomy working) : IDisposable
{
    private readonly TaxonomyVersionedCache<SkillGraph> graph = new(taxonomies);

    /// <summary>
    /// The version (re-read at most every 2 s) changes with any import, so while it holds the working taxonomy's id cannot
    /// have changed either: one entry, and a request then costs no database round trip here.
    /// </summary>
    public Task<SkillGraph> GetAsync(CancellationToken ct) =>
        graph.GetAsync(0, async ct => await store.LoadSkillGraphAsync(await working.GetIdAsync(ct), ct), ct);

    public void Dispose() => graph.Dispose();
}
