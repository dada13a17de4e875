namespace SkillsMatch.Credentials.LinkedData;

/// <summary>
/// JSON-LD 1.1 expansion (JSON-LD 1.1 Processing Algorithms and API, W3C Recommendation 2020, §5.1) and
/// deserialisation to RDF (§8), for verifying Data Integrity proofs over RDFC-1.0. Contexts come only from the
/// <see cref="IDocumentLoader"/>; processed contexts are remembered per loader, so the processor is meant to live
/// as long as its loader. Thread-safe. Errors are <see cref="LinkedDataException"/> with the API's error codes.
/// </summary>
public sealed partial class JsonLdProcessor(IDocumentLoader loader)
{
    private readonly IDocumentLoader _loader = loader;
    private readonly ActiveContext _empty = new();
    private readonly Dictionary<string, ActiveContext> _initial = new(StringComparer.Ordinal);
    private readonly Lock _initialLock = new();

    /// <summary>Terms and keys expansion dropped because no context defined them (safe mode, VC-DI 1.0 §4.1 "safe mode").</summary>
    public sealed record ExpansionResult(List<object?> Expanded, IReadOnlyList<string> DroppedTerms);

    public List<object?> Expand(object? document, JsonLdOptions? options = null) => ExpandWithReport(document, options).Expanded;

    /// <summary>Expands, and reports every key and type that did not expand to an IRI (and so vanished).</summary>
    public ExpansionResult ExpandWithReport(object? document, JsonLdOptions? options = null)
    {
        var run = new Run(options ?? new JsonLdOptions());
        var active = Initial(run.Options.Base);
        if (run.Options.ExpandContext is { } expandContext)
        {
            var ctx = expandContext is Dictionary<string, object?> m && m.TryGetValue("@context", out var inner) ? inner : expandContext;
            active = ProcessContext(run, active, ctx, run.Options.Base);
        }
        var expanded = ExpandElement(run, active, null, document, run.Options.Base, fromMap: false);
        if (expanded is Dictionary<string, object?> map && map.Count == 1 && map.TryGetValue("@graph", out var graph))
            expanded = graph;
        var list = expanded is null ? [] : Keywords.AsList(expanded);
        return new ExpansionResult(list, run.Dropped);
    }

    /// <summary>Expands and deserialises to an RDF dataset (§8.1 with the node map of §7.2).</summary>
    public List<RdfQuad> ToRdf(object? document, JsonLdOptions? options = null) =>
        RdfDeserializer.ToRdf(Expand(document, options), options ?? new JsonLdOptions());

    private ActiveContext Initial(string? baseIri)
    {
        if (baseIri is null) return _empty;
        lock (_initialLock)
        {
            if (_initial.TryGetValue(baseIri, out var known)) return known;
            var context = new ActiveContext { Base = baseIri, OriginalBase = baseIri };
            if (_initial.Count < 256) _initial[baseIri] = context;
            return context;
        }
    }

    /// <summary>State of one call: options, the context work done so far, what was dropped.</summary>
    private sealed class Run(JsonLdOptions options)
    {
        public JsonLdOptions Options { get; } = options;
        public int ContextOperations { get; set; }
        public List<string> Dropped { get; } = [];
    }
}
