namespace SkillsMatch.Credentials.LinkedData;

/// <summary>
/// A JSON-LD document, RDF dataset or context that cannot be processed. <see cref="Code"/> is the JSON-LD 1.1 API
/// error code (§9.4.2, e.g. <c>invalid IRI mapping</c>) or one of ours (<c>context-not-allowed</c>,
/// <c>canonicalization-too-complex</c>), so a verdict and the W3C test runner can both name the failure.
/// </summary>
public sealed class LinkedDataException : Exception
{
    public string Code { get; } = "";

    public LinkedDataException(string code, string message) : base(message) => Code = code;

    public LinkedDataException() { }

    public LinkedDataException(string message) : base(message) { }

    public LinkedDataException(string message, Exception innerException) : base(message, innerException) { }
}
