namespace SkillsMatch.Credentials.LinkedData;

/// <summary>A term definition of an active context (JSON-LD 1.1 API §4.1 "Context Processing", §4.2.2).</summary>
internal sealed class TermDefinition
{
    public string? Iri { get; set; }
    public bool Reverse { get; set; }
    public string? Type { get; set; }

    /// <summary>Whether the definition sets a language (possibly to null, meaning "no language").</summary>
    public bool HasLanguage { get; set; }
    public string? Language { get; set; }
    public bool HasDirection { get; set; }
    public string? Direction { get; set; }

    /// <summary>A scoped context (processed lazily when the term is used), with the base URL it was defined under.</summary>
    public bool HasContext { get; set; }
    public object? Context { get; set; }
    public string? BaseUrl { get; set; }
    public string? Nest { get; set; }
    public string? Index { get; set; }
    public bool Prefix { get; set; }
    public bool Protected { get; set; }
    public HashSet<string> Container { get; set; } = new(StringComparer.Ordinal);

    public bool Has(string container) => Container.Contains(container);

    /// <summary>Equal apart from <see cref="Protected"/>: a protected term may be "redefined" identically (§4.2.2 step 27).</summary>
    public bool SameAs(TermDefinition o) =>
        Iri == o.Iri && Reverse == o.Reverse && Type == o.Type && HasLanguage == o.HasLanguage && Language == o.Language
        && HasDirection == o.HasDirection && Direction == o.Direction && HasContext == o.HasContext
        && PlainJson.DeepEquals(Context, o.Context) && Nest == o.Nest && Index == o.Index && Prefix == o.Prefix
        && Container.SetEquals(o.Container);
}
