namespace SkillsMatch.Credentials.LinkedData;

/// <summary>JSON-LD 1.1 API §9.4 JsonLdOptions, the subset expansion and toRdf use, plus our resource limits.</summary>
public sealed record JsonLdOptions
{
    /// <summary>The document's own URL, the base for its relative IRIs.</summary>
    public string? Base { get; init; }

    /// <summary>A context applied before the document's own (<c>expandContext</c>).</summary>
    public object? ExpandContext { get; init; }

    /// <summary><c>json-ld-1.0</c> or <c>json-ld-1.1</c> (default).</summary>
    public string ProcessingMode { get; init; } = "json-ld-1.1";

    /// <summary><c>i18n-datatype</c>, <c>compound-literal</c> or null (drop the direction).</summary>
    public string? RdfDirection { get; init; }

    public bool ProduceGeneralizedRdf { get; init; }

    /// <summary>Nesting of remote contexts loading remote contexts before <c>context overflow</c>.</summary>
    public int MaxRemoteContexts { get; init; } = 32;

    /// <summary>Context processing operations per document (a scoped context on every node counts each time).</summary>
    public int MaxContextOperations { get; init; } = 10_000;

    internal bool Is10 => ProcessingMode == "json-ld-1.0";
}
