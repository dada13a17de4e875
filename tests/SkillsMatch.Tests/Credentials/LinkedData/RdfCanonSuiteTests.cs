using System.Security.Cryptography;
using System.Text.Json;
using SkillsMatch.Credentials.LinkedData;
using Xunit.Abstractions;

namespace SkillsMatch.Tests.Credentials.LinkedData;

/// <summary>Runs every entry of the W3C RDFC-1.0 test suite (rdf-canon/manifest.jsonld).</summary>
public sealed class RdfCanonSuiteTests(ITestOutputHelper output)
{
    [SuiteFact]
    public void Every_rdf_canon_test_passes()
    {
        var folder = DataIntegritySuites.PathOf("rdf-canon");
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "manifest.jsonld")));
        var failures = new List<string>();
        var total = 0;
        foreach (var entry in manifest.RootElement.GetProperty("entries").EnumerateArray())
        {
            total++;
            var id = entry.GetProperty("id").GetString()!;
            var type = entry.GetProperty("type").GetString()!;
            var hash = entry.TryGetProperty("hashAlgorithm", out var h) && h.GetString() == "SHA384" ? HashAlgorithmName.SHA384 : HashAlgorithmName.SHA256;
            var input = NQuads.Parse(File.ReadAllText(Path.Combine(folder, entry.GetProperty("action").GetString()!)));
            var canonicalizer = new RdfCanonicalizer(hash);
            try
            {
                var result = canonicalizer.Run(input);
                switch (type)
                {
                    case "rdfc:RDFC10EvalTest":
                        var expected = File.ReadAllText(Path.Combine(folder, entry.GetProperty("result").GetString()!));
                        if (result.NQuads != expected) failures.Add($"{id}: output differs");
                        break;
                    case "rdfc:RDFC10MapTest":
                        var map = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(Path.Combine(folder, entry.GetProperty("result").GetString()!)))!;
                        if (map.Count != result.IssuedIdentifiers.Count || map.Any(kv => !result.IssuedIdentifiers.TryGetValue(kv.Key, out var v) || v != kv.Value))
                            failures.Add($"{id}: map differs");
                        break;
                    default:
                        failures.Add($"{id}: a negative test was canonicalised instead of refused");
                        break;
                }
            }
            catch (LinkedDataException e) when (e.Code == RdfCanonicalizer.TooComplex)
            {
                if (type != "rdfc:RDFC10NegativeEvalTest") failures.Add($"{id}: refused as too complex");
            }
        }
        output.WriteLine($"rdf-canon: {total - failures.Count}/{total} passed");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Equal(86, total);
    }
}
