using System.Buffers;
using System.Globalization;
using System.Text;

namespace SkillsMatch.Credentials.LinkedData;

/// <summary>
/// N-Quads (RDF 1.1 N-Quads) parsing, and writing in the canonical form RDFC-1.0 §4.4 hashes and outputs
/// (RDF 1.2 N-Quads §"Canonical N-Quads": one space between terms, <c>xsd:string</c> omitted, only the listed
/// characters escaped, other controls as <c>\uXXXX</c>).
/// </summary>
public static class NQuads
{
    public static string Line(RdfQuad quad)
    {
        var sb = new StringBuilder(128);
        AppendLine(sb, quad);
        return sb.ToString();
    }

    public static string Term(RdfTerm term)
    {
        var sb = new StringBuilder();
        AppendTerm(sb, term);
        return sb.ToString();
    }

    /// <summary>Appends "s p o [g] .\n".</summary>
    public static void AppendLine(StringBuilder sb, RdfQuad quad)
    {
        AppendTerm(sb, quad.Subject);
        sb.Append(' ');
        AppendTerm(sb, quad.Predicate);
        sb.Append(' ');
        AppendTerm(sb, quad.Object);
        if (quad.Graph is { } g)
        {
            sb.Append(' ');
            AppendTerm(sb, g);
        }
        sb.Append(" .\n");
    }

    public static void AppendTerm(StringBuilder sb, RdfTerm term)
    {
        switch (term.Kind)
        {
            case RdfTermKind.Iri:
                sb.Append('<');
                AppendEscapedIri(sb, term.Value);
                sb.Append('>');
                break;
            case RdfTermKind.BlankNode:
                sb.Append("_:").Append(term.Value);
                break;
            default:
                sb.Append('"');
                AppendEscapedLiteral(sb, term.Value);
                sb.Append('"');
                if (term.Language is not null) sb.Append('@').Append(term.Language);
                else if (term.Datatype is not null && term.Datatype != RdfTerm.XsdString)
                {
                    sb.Append("^^<");
                    AppendEscapedIri(sb, term.Datatype);
                    sb.Append('>');
                }
                break;
        }
    }

    // Characters written as escapes; every other character is copied in runs, not one Append(char) at a time.
    private static readonly SearchValues<char> IriEscaped = SearchValues.Create(
        "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u0009\u000A\u000B\u000C\u000D\u000E\u000F" +
        "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F" +
        " <>\"{}|^`\\");

    private static readonly SearchValues<char> LiteralEscaped = SearchValues.Create(
        "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u0009\u000A\u000B\u000C\u000D\u000E\u000F" +
        "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F" +
        "\u007F\"\\");

    private static void AppendEscapedIri(StringBuilder sb, string iri)
    {
        var rest = iri.AsSpan();
        int at;
        while ((at = rest.IndexOfAny(IriEscaped)) >= 0)
        {
            sb.Append(rest[..at]);
            // IRIs from JSON-LD may hold characters N-Quads cannot write raw (§2.3 IRIREF); UCHAR keeps them intact.
            sb.Append("\\u").Append(((int)rest[at]).ToString("X4", CultureInfo.InvariantCulture));
            rest = rest[(at + 1)..];
        }
        sb.Append(rest);
    }

    private static void AppendEscapedLiteral(StringBuilder sb, string value)
    {
        var rest = value.AsSpan();
        int at;
        while ((at = rest.IndexOfAny(LiteralEscaped)) >= 0)
        {
            sb.Append(rest[..at]);
            var c = rest[at];
            switch (c)
            {
                case '\b': sb.Append("\\b"); break;
                case '\t': sb.Append("\\t"); break;
                case '\n': sb.Append("\\n"); break;
                case '\f': sb.Append("\\f"); break;
                case '\r': sb.Append("\\r"); break;
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                default: sb.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture)); break;
            }
            rest = rest[(at + 1)..];
        }
        sb.Append(rest);
    }

    /// <summary>Parses an N-Quads document; throws <see cref="LinkedDataException"/> on a syntax error.</summary>
    public static List<RdfQuad> Parse(string text)
    {
        var quads = new List<RdfQuad>();
        var reader = new Reader(text);
        while (true)
        {
            reader.SkipSpaceAndComments();
            if (reader.AtEnd) break;
            var s = reader.ReadTerm();
            reader.SkipSpace();
            var p = reader.ReadTerm();
            reader.SkipSpace();
            var o = reader.ReadTerm();
            reader.SkipSpace();
            RdfTerm? g = null;
            if (!reader.TryConsume('.'))
            {
                g = reader.ReadTerm();
                reader.SkipSpace();
                if (!reader.TryConsume('.')) throw reader.Error("expected '.'");
            }
            if (s.Kind == RdfTermKind.Literal || p.Kind != RdfTermKind.Iri || g?.Kind == RdfTermKind.Literal)
                throw reader.Error("a literal or blank node in a position that does not allow it");
            quads.Add(new RdfQuad(s, p, o, g));
        }
        return quads;
    }

    private sealed class Reader(string text)
    {
        private int _i;

        public bool AtEnd => _i >= text.Length;

        public LinkedDataException Error(string what) => new("invalid N-Quads", $"N-Quads syntax error at offset {_i}: {what}");

        public void SkipSpace()
        {
            while (_i < text.Length && text[_i] is ' ' or '\t') _i++;
        }

        public void SkipSpaceAndComments()
        {
            while (_i < text.Length)
            {
                var c = text[_i];
                if (c is ' ' or '\t' or '\r' or '\n') _i++;
                else if (c == '#')
                    while (_i < text.Length && text[_i] is not ('\n' or '\r')) _i++;
                else break;
            }
        }

        public bool TryConsume(char c)
        {
            if (_i < text.Length && text[_i] == c)
            {
                _i++;
                return true;
            }
            return false;
        }

        public RdfTerm ReadTerm()
        {
            if (AtEnd) throw Error("unexpected end");
            switch (text[_i])
            {
                case '<':
                    return RdfTerm.Iri(ReadIri());
                case '_':
                    if (_i + 1 >= text.Length || text[_i + 1] != ':') throw Error("expected '_:'");
                    _i += 2;
                    var start = _i;
                    while (_i < text.Length && text[_i] is not (' ' or '\t' or '\r' or '\n' or '<' or '"'))
                        _i++;
                    // A label may contain '.', but not end with one (N-Quads §BLANK_NODE_LABEL).
                    while (_i > start && text[_i - 1] == '.') _i--;
                    if (_i == start) throw Error("empty blank node label");
                    return RdfTerm.Blank(text[start.._i]);
                case '"':
                    _i++;
                    var value = ReadEscaped('"');
                    if (TryConsume('@'))
                    {
                        var ls = _i;
                        while (_i < text.Length && (char.IsAsciiLetterOrDigit(text[_i]) || text[_i] == '-')) _i++;
                        return RdfTerm.Literal(value, null, text[ls.._i]);
                    }
                    if (TryConsume('^'))
                    {
                        if (!TryConsume('^')) throw Error("expected '^^'");
                        return RdfTerm.Literal(value, ReadIri());
                    }
                    return RdfTerm.Literal(value);
                default:
                    throw Error($"unexpected '{text[_i]}'");
            }
        }

        private string ReadIri()
        {
            if (!TryConsume('<')) throw Error("expected '<'");
            return ReadEscaped('>');
        }

        private string ReadEscaped(char end)
        {
            var sb = new StringBuilder();
            while (true)
            {
                if (AtEnd) throw Error("unterminated term");
                var c = text[_i++];
                if (c == end) return sb.ToString();
                if (c is '\n' or '\r') throw Error("line break inside a term");
                if (c != '\\')
                {
                    sb.Append(c);
                    continue;
                }
                if (AtEnd) throw Error("dangling escape");
                var e = text[_i++];
                switch (e)
                {
                    case 't': sb.Append('\t'); break;
                    case 'b': sb.Append('\b'); break;
                    case 'n': sb.Append('\n'); break;
                    case 'r': sb.Append('\r'); break;
                    case 'f': sb.Append('\f'); break;
                    case '"': sb.Append('"'); break;
                    case '\'': sb.Append('\''); break;
                    case '\\': sb.Append('\\'); break;
                    case 'u': sb.Append(Hex(4)); break;
                    case 'U': sb.Append(Hex(8)); break;
                    default: throw Error($"unknown escape \\{e}");
                }
            }
        }

        private string Hex(int digits)
        {
            if (_i + digits > text.Length
                || !int.TryParse(text.AsSpan(_i, digits), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code)
                || code > 0x10FFFF)
                throw Error("bad \\u escape");
            _i += digits;
            return char.ConvertFromUtf32(code);
        }
    }
}
