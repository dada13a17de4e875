using SkillsMatch.Credentials.LinkedData;

namespace SkillsMatch.Tests.Credentials.LinkedData;

/// <summary>
/// Runs a W3C JSON-LD 1.1 API test manifest (expand or toRdf) against <see cref="JsonLdProcessor"/>: documents and
/// remote contexts under the suite's base IRI are read from the local copy; nothing touches the network.
/// </summary>
internal sealed class JsonLdSuite
{
    public const string BaseIri = "https://w3c.github.io/json-ld-api/tests/";

    public sealed record Outcome(string Id, string Status, string? Detail);

    private readonly string _folder = DataIntegritySuites.PathOf("json-ld-api");

    public List<Outcome> Run(string manifestName)
    {
        var manifest = (Dictionary<string, object?>)PlainJson.Parse(File.ReadAllText(Path.Combine(_folder, manifestName)))!;
        var outcomes = new List<Outcome>();
        var processor = new JsonLdProcessor(new SuiteLoader(_folder));
        foreach (var test in ((List<object?>)manifest["sequence"]!).Cast<Dictionary<string, object?>>())
            outcomes.Add(RunOne(processor, test));
        return outcomes;
    }

    private Outcome RunOne(JsonLdProcessor processor, Dictionary<string, object?> test)
    {
        var id = (string)test["@id"]!;
        var types = ((List<object?>)test["@type"]!).Cast<string>().ToList();
        var option = test.GetValueOrDefault("option") as Dictionary<string, object?> ?? [];
        var input = (string)test["input"]!;
        if (option.GetValueOrDefault("specVersion") is "json-ld-1.0") return new(id, "skipped", "JSON-LD 1.0 only (this is a 1.1 processor)");
        if (input.EndsWith(".html", StringComparison.Ordinal)) return new(id, "skipped", "HTML script extraction");
        if (test.GetValueOrDefault("requires") is "GeneralizedRdf") return new(id, "skipped", "generalized RDF (blank node predicates) is not produced");

        var options = new JsonLdOptions
        {
            Base = option.GetValueOrDefault("base") as string ?? BaseIri + input,
            ProcessingMode = option.GetValueOrDefault("processingMode") as string ?? "json-ld-1.1",
            RdfDirection = option.GetValueOrDefault("rdfDirection") as string,
            ProduceGeneralizedRdf = option.GetValueOrDefault("produceGeneralizedRdf") is true,
            ExpandContext = option.GetValueOrDefault("expandContext") is string ec ? PlainJson.Parse(File.ReadAllText(Path.Combine(_folder, ec))) : null,
        };
        try
        {
            var document = PlainJson.Parse(File.ReadAllText(Path.Combine(_folder, input)));
            if (types.Contains("jld:NegativeEvaluationTest"))
            {
                if (types.Contains("jld:ToRDFTest")) processor.ToRdf(document, options);
                else processor.Expand(document, options);
                return new(id, "failed", $"expected error '{test["expectErrorCode"]}', got none");
            }
            if (types.Contains("jld:ToRDFTest"))
            {
                var quads = processor.ToRdf(document, options);
                if (types.Contains("jld:PositiveSyntaxTest")) return new(id, "passed", null);
                var expected = NQuads.Parse(File.ReadAllText(Path.Combine(_folder, (string)test["expect"]!)));
                var canonicalizer = new RdfCanonicalizer();
                var actual = canonicalizer.Canonicalize(quads);
                var wanted = canonicalizer.Canonicalize(expected);
                return actual == wanted ? new(id, "passed", null) : new(id, "failed", $"dataset differs:\n{actual}\nexpected:\n{wanted}");
            }
            var expanded = processor.Expand(document, options);
            var expect = PlainJson.Parse(File.ReadAllText(Path.Combine(_folder, (string)test["expect"]!)));
            return SameExpanded(expanded, expect is List<object?> ? expect : new List<object?> { expect })
                ? new(id, "passed", null)
                : new(id, "failed", $"got {PlainJson.Canonical(expanded)}\nexpected {PlainJson.Canonical(expect)}");
        }
        catch (LinkedDataException e)
        {
            if (types.Contains("jld:NegativeEvaluationTest"))
                return e.Code == (string?)test["expectErrorCode"] ? new(id, "passed", null) : new(id, "failed", $"expected '{test["expectErrorCode"]}', got '{e.Code}': {e.Message}");
            return new(id, "failed", $"{e.Code}: {e.Message}");
        }
        catch (Exception e) when (e is InvalidCastException or KeyNotFoundException or NullReferenceException or ArgumentException or InvalidOperationException)
        {
            return new(id, "failed", $"crashed: {e}");
        }
    }

    /// <summary>JSON equality where array order matters only inside @list (the suite's comparison for expansion).</summary>
    private static bool SameExpanded(object? a, object? b, bool ordered = false)
    {
        switch (a)
        {
            case List<object?> l when b is List<object?> m:
                if (l.Count != m.Count) return false;
                if (ordered) return l.Zip(m).All(p => SameExpanded(p.First, p.Second));
                var unmatched = new List<object?>(m);
                foreach (var x in l)
                {
                    var i = unmatched.FindIndex(y => SameExpanded(x, y));
                    if (i < 0) return false;
                    unmatched.RemoveAt(i);
                }
                return true;
            case Dictionary<string, object?> o when b is Dictionary<string, object?> p:
                return o.Count == p.Count && o.All(kv => p.TryGetValue(kv.Key, out var v) && SameExpanded(kv.Value, v, kv.Key == "@list"));
            default:
                return PlainJson.DeepEquals(a, b);
        }
    }

    private sealed class SuiteLoader(string folder) : IDocumentLoader
    {
        public RemoteDocument Load(string url)
        {
            if (!url.StartsWith(BaseIri, StringComparison.Ordinal))
                throw new LinkedDataException("loading document failed", $"{url} is outside the test suite");
            var path = Path.Combine(folder, url[BaseIri.Length..].Split('#')[0]);
            if (!File.Exists(path)) throw new LinkedDataException("loading document failed", $"{url} is not in the suite");
            return new RemoteDocument(url, PlainJson.Parse(File.ReadAllText(path)));
        }
    }
}
