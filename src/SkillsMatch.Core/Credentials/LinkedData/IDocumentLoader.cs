namespace SkillsMatch.Credentials.LinkedData;

/// <summary>A loaded JSON-LD document: the URL it was found at (the base for its relative IRIs) and its parsed JSON.</summary>
public sealed record RemoteDocument(string DocumentUrl, object? Document);

/// <summary>
/// Where JSON-LD contexts come from (JSON-LD 1.1 API §9.4 LoadDocumentCallback). Two implementations: the pinned,
/// offline <see cref="ContextStore"/> for credentials, and the W3C test runner's file mapping.
/// Throws <see cref="LinkedDataException"/> for a document it will not or cannot give.
/// </summary>
public interface IDocumentLoader
{
    RemoteDocument Load(string url);
}
