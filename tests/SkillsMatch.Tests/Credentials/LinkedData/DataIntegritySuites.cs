namespace SkillsMatch.Tests.Credentials.LinkedData;

/// <summary>
/// Where the W3C test suites and vectors live: outside the repository (they are not ours to ship), in
/// <c>SKILLSMATCH_DATA_INTEGRITY_SUITES</c> or by default <c>../shared/data/data-integrity</c> beside the clone.
/// </summary>
internal static class DataIntegritySuites
{
    public const string Variable = "SKILLSMATCH_DATA_INTEGRITY_SUITES";

    public static string Root { get; } = Locate();

    public static bool Present => Directory.Exists(Path.Combine(Root, "rdf-canon"));

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string Locate()
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } configured) return Path.GetFullPath(configured);
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SkillsMatch.sln"))) dir = dir.Parent;
        var repo = dir?.FullName ?? Directory.GetCurrentDirectory();
        return Path.GetFullPath(Path.Combine(repo, "..", "shared", "data", "data-integrity"));
    }
}

/// <summary>
/// A fact over the W3C suites: skipped, with the reason, when the suites are absent on a developer's machine;
/// never skipped under CI (CI=true), where their absence must fail loudly.
/// </summary>
internal sealed class SuiteFactAttribute : FactAttribute
{
    public SuiteFactAttribute()
    {
        if (!DataIntegritySuites.Present && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
            Skip = $"the W3C Data Integrity suites are not at {DataIntegritySuites.Root} (set {DataIntegritySuites.Variable})";
    }
}

/// <summary>The theory form of <see cref="SuiteFactAttribute"/>.</summary>
internal sealed class SuiteTheoryAttribute : TheoryAttribute
{
    public SuiteTheoryAttribute()
    {
        if (!DataIntegritySuites.Present && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
            Skip = $"the W3C Data Integrity suites are not at {DataIntegritySuites.Root} (set {DataIntegritySuites.Variable})";
    }
}
