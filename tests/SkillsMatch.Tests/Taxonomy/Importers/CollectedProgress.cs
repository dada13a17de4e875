using SkillsMatch.Taxonomy;

namespace SkillsMatch.Tests.Taxonomy.Importers;

/// <summary>Records progress synchronously (Progress&lt;T&gt; would post reports to the thread pool, after the assert).</summary>
public sealed class CollectedProgress : IProgress<ImportProgress>
{
    public List<ImportProgress> Reports { get; } = [];

    public void Report(ImportProgress value) => Reports.Add(value);
}
