using Xunit.Abstractions;

namespace SkillsMatch.Tests.Credentials.LinkedData;

/// <summary>
/// The W3C JSON-LD 1.1 expand and toRdf suites. Every test that runs must pass, except those listed in
/// <c>json-ld-known-failures.txt</c> beside this file (each with why): a regression, or a listed test that starts to
/// pass, fails this test so the list stays true.
/// </summary>
public sealed class JsonLdSuiteTests(ITestOutputHelper output)
{
    [SuiteFact]
    public void Expand_suite_passes_except_known_failures() => Check("expand-manifest.jsonld", "expand");

    [SuiteFact]
    public void ToRdf_suite_passes_except_known_failures() => Check("toRdf-manifest.jsonld", "toRdf");

    private void Check(string manifest, string name)
    {
        var outcomes = new JsonLdSuite().Run(manifest);
        var known = KnownFailures(name);
        var passed = outcomes.Count(o => o.Status == "passed");
        var failed = outcomes.Where(o => o.Status == "failed").ToList();
        var skipped = outcomes.Where(o => o.Status == "skipped").ToList();
        output.WriteLine($"{name}: {passed} passed, {failed.Count} failed, {skipped.Count} skipped of {outcomes.Count}");
        foreach (var group in skipped.GroupBy(s => s.Detail)) output.WriteLine($"  skipped {group.Count()}: {group.Key}");
        foreach (var f in failed) output.WriteLine($"  FAILED {f.Id}: {f.Detail}");
        var unexpected = failed.Where(f => !known.Contains(f.Id)).Select(f => $"{f.Id}: {f.Detail}").ToList();
        var fixedNow = known.Where(k => outcomes.Any(o => o.Id == k && o.Status == "passed")).ToList();
        Assert.True(unexpected.Count == 0, "unexpected failures:\n" + string.Join("\n", unexpected));
        Assert.True(fixedNow.Count == 0, "listed as known failures but passing now (remove them): " + string.Join(", ", fixedNow));
    }

    private static HashSet<string> KnownFailures(string name)
    {
        var file = Path.Combine(AppContext.BaseDirectory, "Credentials", "LinkedData", "json-ld-known-failures.txt");
        return [.. File.ReadAllLines(file)
            .Where(l => l.StartsWith(name + " ", StringComparison.Ordinal))
            .Select(l => l.Split(' ', 3)[1])];
    }
}
