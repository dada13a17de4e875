using System.Collections.Frozen;
using System.Security.Cryptography;

namespace SkillsMatch.Credentials.LinkedData;

/// <summary>A context an operator pins in configuration: its URL, the file holding its bytes, their SHA-256 (hex).</summary>
public sealed record ContextFile(string Url, string Path, string Sha256);

/// <summary>
/// The offline document loader for credentials: JSON-LD contexts pinned as files (data/contexts, embedded in this
/// assembly, plus any an operator configures), each checked against its SHA-256 when the store is built, so a
/// tampered or substituted context stops the service at start-up rather than changing what signatures mean.
/// Any other URL is refused with <c>context-not-allowed</c>; nothing is ever fetched.
/// </summary>
public sealed class ContextStore : IDocumentLoader
{
    public const string NotAllowed = "context-not-allowed";
    public const int MaxContextBytes = 1024 * 1024;

    private static readonly Lazy<ContextStore> Shipped = new(() => new ContextStore([]));
    private readonly FrozenDictionary<string, RemoteDocument> _documents;

    /// <summary>The contexts shipped in data/contexts.</summary>
    public static ContextStore Default => Shipped.Value;

    /// <summary>Builds the store; throws <see cref="InvalidOperationException"/> when a file is missing, too large or not its pinned digest.</summary>
    public ContextStore(IEnumerable<ContextFile> extra)
    {
        ArgumentNullException.ThrowIfNull(extra);
        var documents = new Dictionary<string, RemoteDocument>(StringComparer.Ordinal);
        var assembly = typeof(ContextStore).Assembly;
        using (var index = new StreamReader(assembly.GetManifestResourceStream("contexts/index.tsv") ?? throw new InvalidOperationException("contexts/index.tsv is not embedded")))
        {
            index.ReadLine();
            while (index.ReadLine() is { Length: > 0 } line)
            {
                var cols = line.Split('\t');
                using var stream = assembly.GetManifestResourceStream("contexts/" + cols[1]) ?? throw new InvalidOperationException($"context file {cols[1]} is not embedded");
                using var buffer = new MemoryStream();
                stream.CopyTo(buffer);
                documents[cols[0]] = Checked(cols[0], buffer.ToArray(), cols[2], cols[1]);
            }
        }
        foreach (var file in extra)
        {
            var info = new FileInfo(file.Path);
            if (!info.Exists) throw new InvalidOperationException($"context file {file.Path} for {file.Url} does not exist");
            if (info.Length > MaxContextBytes) throw new InvalidOperationException($"context file {file.Path} is over {MaxContextBytes / 1024} KB");
            documents[file.Url] = Checked(file.Url, File.ReadAllBytes(file.Path), file.Sha256, file.Path);
        }
        _documents = documents.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public IEnumerable<string> Urls => _documents.Keys;

    public RemoteDocument Load(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (_documents.TryGetValue(url, out var document)) return document;
        throw new LinkedDataException(NotAllowed, $"context {Shorten(url)} is not one of the pinned contexts; contexts are never fetched");
    }

    private static string Shorten(string url) => url.Length > 200 ? url[..200] + "…" : url;

    private static RemoteDocument Checked(string url, byte[] bytes, string sha256, string what)
    {
        var actual = Convert.ToHexStringLower(SHA256.HashData(bytes));
        if (!string.Equals(actual, sha256, StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException($"context {url} ({what}) has SHA-256 {actual}, not the pinned {sha256}");
        try
        {
            return new RemoteDocument(url, PlainJson.Parse(bytes));
        }
        catch (LinkedDataException e)
        {
            throw new InvalidOperationException($"context {url} ({what}) is not JSON: {e.Message}", e);
        }
    }
}
