namespace SkillsMatch.Credentials.LinkedData;

public enum RdfTermKind { Iri, BlankNode, Literal }

/// <summary>
/// An RDF term (RDF 1.1 Concepts §3): an IRI, a blank node (by its label, without <c>_:</c>) or a literal with a
/// datatype IRI and, for <c>rdf:langString</c>, a language tag (RDF 1.2 adds a base direction as <c>lang--dir</c>).
/// </summary>
public sealed record RdfTerm(RdfTermKind Kind, string Value, string? Datatype = null, string? Language = null)
{
    public const string XsdString = "http://www.w3.org/2001/XMLSchema#string";
    public const string RdfLangString = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString";

    public bool IsBlank => Kind == RdfTermKind.BlankNode;

    public static RdfTerm Iri(string iri) => new(RdfTermKind.Iri, iri);
    public static RdfTerm Blank(string label) => new(RdfTermKind.BlankNode, label);
    public static RdfTerm Literal(string value, string? datatype = null, string? language = null) =>
        new(RdfTermKind.Literal, value, language is null ? datatype ?? XsdString : RdfLangString, language);

    public override string ToString() => NQuads.Term(this);
}

/// <summary>One statement of an RDF dataset; <see cref="Graph"/> is null for the default graph.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720", Justification = "subject, predicate, object are RDF's own names")]
public sealed record RdfQuad(RdfTerm Subject, RdfTerm Predicate, RdfTerm Object, RdfTerm? Graph = null)
{
    public override string ToString() => NQuads.Line(this);
}
