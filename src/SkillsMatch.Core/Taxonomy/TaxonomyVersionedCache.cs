using System.Collections.Concurrent;

namespace SkillsMatch.Taxonomy;

/// <summary>
/// Values built from the taxonomies and kept until the taxonomies change (any import changes
/// <see cref="TaxonomyStore.LabelsVersionAsync"/>, re-read at most every 2 s): the extraction models, the occupation
/// classifier's indexes, the skill search's label index, the matching skill graph and the explanations' labels.
/// Concurrent first requests share one build.
/// </summary>
public sealed class TaxonomyVersionedCache<TValue>(TaxonomyStore taxonomies) : IDisposable
{
    private readonly SemaphoreSlim building = new(1, 1);
    private readonly ConcurrentDictionary<int, (string Version, TValue Value)> values = new();

    /// <param name="key">A taxonomy id; 0 where one value covers every taxonomy (or the working one: while the version holds, its id cannot change).</param>
    /// <param name="build">Builds the value for the current version.</param>
    public async Task<TValue> GetAsync(int key, Func<CancellationToken, Task<TValue>> build, CancellationToken ct)
    {
        var version = await taxonomies.LabelsVersionAsync(ct);
        if (values.TryGetValue(key, out var known) && known.Version == version) return known.Value;
        await building.WaitAsync(ct);
        try
        {
            if (values.TryGetValue(key, out var again) && again.Version == version) return again.Value;
            var value = await build(ct);
            values[key] = (version, value);
            return value;
        }
        finally
        {
            building.Release();
        }
    }

    public void Dispose() => building.Dispose();
}
