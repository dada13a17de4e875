using System.Text;

namespace SkillsMatch.Credentials.LinkedData;

/// <summary>
/// The IRI rules JSON-LD expansion needs, written out rather than borrowed from <see cref="Uri"/>, which
/// normalises (host case, default ports, escapes) in ways that would change signed data.
/// Resolution is RFC 3986 §5.2 exactly.
/// </summary>
internal static class Iri
{
    /// <summary>Has a scheme: ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":" (RFC 3986 §3.1).</summary>
    public static bool IsAbsolute(string value)
    {
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        if (colon < 1 || !char.IsAsciiLetter(value[0])) return false;
        for (var i = 1; i < colon; i++)
            if (!(char.IsAsciiLetterOrDigit(value[i]) || value[i] is '+' or '-' or '.')) return false;
        return true;
    }

    /// <summary>An absolute IRI with no whitespace: what JSON-LD to RDF accepts as "well-formed" (§8.1.2).</summary>
    public static bool IsWellFormed(string value)
    {
        if (!IsAbsolute(value)) return false;
        var hashes = 0;
        foreach (var c in value)
        {
            if (c <= ' ' || c is '<' or '>' or '"' or '{' or '}' or '|' or '\\' or '^' or '`') return false;
            // RFC 3987: '#' starts the fragment and cannot occur inside it.
            if (c == '#' && ++hashes > 1) return false;
        }
        return true;
    }

    public static bool IsBlankNode(string value) => value.StartsWith("_:", StringComparison.Ordinal);

    /// <summary>RFC 3986 §5.2.2 reference resolution (strict).</summary>
    public static string Resolve(string? baseIri, string reference)
    {
        if (baseIri is null || IsAbsolute(reference)) return IsAbsolute(reference) ? WithDotsRemoved(reference) : reference;
        var b = Split(baseIri);
        var r = Split(reference);
        string? authority, path, query;
        if (r.Authority is not null)
        {
            authority = r.Authority;
            path = RemoveDotSegments(r.Path);
            query = r.Query;
        }
        else
        {
            authority = b.Authority;
            if (r.Path.Length == 0)
            {
                path = b.Path;
                query = r.Query ?? b.Query;
            }
            else
            {
                path = r.Path[0] == '/' ? RemoveDotSegments(r.Path) : RemoveDotSegments(Merge(b, r.Path));
                query = r.Query;
            }
        }
        return Compose(b.Scheme, authority, path, query, r.Fragment);
    }

    private static string WithDotsRemoved(string absolute)
    {
        var p = Split(absolute);
        return Compose(p.Scheme, p.Authority, RemoveDotSegments(p.Path), p.Query, p.Fragment);
    }

    private static string Merge(Parts b, string path)
    {
        if (b.Authority is not null && b.Path.Length == 0) return "/" + path;
        var slash = b.Path.LastIndexOf('/');
        return slash < 0 ? path : b.Path[..(slash + 1)] + path;
    }

    private static string Compose(string? scheme, string? authority, string path, string? query, string? fragment)
    {
        var sb = new StringBuilder();
        if (scheme is not null) sb.Append(scheme).Append(':');
        if (authority is not null) sb.Append("//").Append(authority);
        sb.Append(path);
        if (query is not null) sb.Append('?').Append(query);
        if (fragment is not null) sb.Append('#').Append(fragment);
        return sb.ToString();
    }

    /// <summary>RFC 3986 §5.2.4.</summary>
    public static string RemoveDotSegments(string input)
    {
        if (input.IndexOf('.', StringComparison.Ordinal) < 0) return input;
        var output = new List<string>();
        var i = input;
        while (i.Length > 0)
        {
            if (i.StartsWith("../", StringComparison.Ordinal)) i = i[3..];
            else if (i.StartsWith("./", StringComparison.Ordinal)) i = i[2..];
            else if (i.StartsWith("/./", StringComparison.Ordinal)) i = i[2..];
            else if (i == "/.") i = "/";
            else if (i.StartsWith("/../", StringComparison.Ordinal) || i == "/..")
            {
                i = i == "/.." ? "/" : i[3..];
                if (output.Count > 0) output.RemoveAt(output.Count - 1);
            }
            else if (i is "." or "..") i = "";
            else
            {
                var next = i.IndexOf('/', i[0] == '/' ? 1 : 0);
                var segment = next < 0 ? i : i[..next];
                output.Add(segment);
                i = next < 0 ? "" : i[next..];
            }
        }
        return string.Concat(output);
    }

    private readonly record struct Parts(string? Scheme, string? Authority, string Path, string? Query, string? Fragment);

    /// <summary>RFC 3986 Appendix B's regular expression, by hand.</summary>
    private static Parts Split(string iri)
    {
        string? scheme = null, authority = null, query = null, fragment = null;
        var rest = iri;
        var hash = rest.IndexOf('#', StringComparison.Ordinal);
        if (hash >= 0)
        {
            fragment = rest[(hash + 1)..];
            rest = rest[..hash];
        }
        var q = rest.IndexOf('?', StringComparison.Ordinal);
        if (q >= 0)
        {
            query = rest[(q + 1)..];
            rest = rest[..q];
        }
        if (IsAbsolute(rest))
        {
            var colon = rest.IndexOf(':', StringComparison.Ordinal);
            scheme = rest[..colon];
            rest = rest[(colon + 1)..];
        }
        if (rest.StartsWith("//", StringComparison.Ordinal))
        {
            var end = rest.IndexOf('/', 2);
            authority = end < 0 ? rest[2..] : rest[2..end];
            rest = end < 0 ? "" : rest[end..];
        }
        return new Parts(scheme, authority, rest, query, fragment);
    }
}
