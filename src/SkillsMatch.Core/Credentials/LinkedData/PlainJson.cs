using System.Globalization;
using System.Text;
using System.Text.Json;

namespace SkillsMatch.Credentials.LinkedData;

/// <summary>
/// The plain JSON model the JSON-LD algorithms work on: <c>null</c>, <see cref="string"/>, <see cref="bool"/>,
/// <see cref="double"/> (JSON numbers, as in the JavaScript the specifications are written against),
/// <see cref="List{T}"/> of values and <see cref="Dictionary{TKey,TValue}"/> of members in document order.
/// Loaded documents are shared between calls and never modified.
/// </summary>
public static class PlainJson
{
    public static object? From(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => FromObject(element),
        JsonValueKind.Array => element.EnumerateArray().Select(From).ToList(),
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

    private static Dictionary<string, object?> FromObject(JsonElement element)
    {
        var map = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var p in element.EnumerateObject())
            if (!map.TryAdd(p.Name, From(p.Value)))
                throw new LinkedDataException("loading document failed", $"member '{p.Name}' appears twice: two readers could see different values");
        return map;
    }

    /// <summary>Parses JSON text; malformed JSON, duplicate members and over-deep nesting are <c>loading document failed</c>.</summary>
    public static object? Parse(ReadOnlySpan<byte> utf8, int maxDepth = 64)
    {
        try
        {
            var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = maxDepth });
            using var document = JsonDocument.ParseValue(ref reader);
            return From(document.RootElement);
        }
        catch (JsonException e)
        {
            throw new LinkedDataException("loading document failed", $"not valid JSON: {e.Message}");
        }
    }

    public static object? Parse(string text, int maxDepth = 64) => Parse(Encoding.UTF8.GetBytes(text), maxDepth);

    public static bool DeepEquals(object? a, object? b)
    {
        switch (a)
        {
            case null: return b is null;
            case string s: return b is string t && s == t;
            case bool x: return b is bool y && x == y;
            case double d: return b is double e && d.Equals(e);
            case List<object?> l:
                if (b is not List<object?> m || l.Count != m.Count) return false;
                for (var i = 0; i < l.Count; i++)
                    if (!DeepEquals(l[i], m[i])) return false;
                return true;
            case Dictionary<string, object?> o:
                if (b is not Dictionary<string, object?> p || o.Count != p.Count) return false;
                foreach (var (k, v) in o)
                    if (!p.TryGetValue(k, out var w) || !DeepEquals(v, w)) return false;
                return true;
            default: return false;
        }
    }

    /// <summary>The JSON Canonicalization Scheme (RFC 8785): members sorted by UTF-16 code units, ES6 number form, minimal escapes.</summary>
    public static string Canonical(object? value)
    {
        var sb = new StringBuilder();
        WriteCanonical(sb, value);
        return sb.ToString();
    }

    private static void WriteCanonical(StringBuilder sb, object? value)
    {
        switch (value)
        {
            case null: sb.Append("null"); break;
            case bool b: sb.Append(b ? "true" : "false"); break;
            case double d: sb.Append(NumberToString(d)); break;
            case string s: WriteString(sb, s); break;
            case List<object?> list:
                sb.Append('[');
                for (var i = 0; i < list.Count; i++)
                {
                    if (i > 0) sb.Append(',');
                    WriteCanonical(sb, list[i]);
                }
                sb.Append(']');
                break;
            case Dictionary<string, object?> map:
                sb.Append('{');
                var first = true;
                foreach (var key in map.Keys.Order(StringComparer.Ordinal))
                {
                    if (!first) sb.Append(',');
                    first = false;
                    WriteString(sb, key);
                    sb.Append(':');
                    WriteCanonical(sb, map[key]);
                }
                sb.Append('}');
                break;
            default: throw new ArgumentException($"not a JSON value: {value.GetType()}", nameof(value));
        }
    }

    private static void WriteString(StringBuilder sb, string s)
    {
        sb.Append('"');
        foreach (var c in s)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (c < 0x20) sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else sb.Append(c);
                    break;
            }
        }
        sb.Append('"');
    }

    /// <summary>ECMAScript Number::toString (ECMA-262 §6.1.6.1.20), which RFC 8785 §3.2.2.3 adopts.</summary>
    public static string NumberToString(double value)
    {
        if (double.IsNaN(value) || double.IsInfinity(value)) throw new ArgumentException("NaN and Infinity are not JSON", nameof(value));
        if (value == 0) return "0";
        var sign = value < 0 ? "-" : "";
        var r = Math.Abs(value).ToString("R", CultureInfo.InvariantCulture);
        var exponent = 0;
        var e = r.IndexOfAny(['E', 'e']);
        if (e >= 0)
        {
            exponent = int.Parse(r.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            r = r[..e];
        }
        var dot = r.IndexOf('.', StringComparison.Ordinal);
        var intPart = dot < 0 ? r : r[..dot];
        var digits = dot < 0 ? r : intPart + r[(dot + 1)..];
        var n = intPart.Length + exponent;
        var lead = 0;
        while (lead < digits.Length - 1 && digits[lead] == '0') lead++;
        digits = digits[lead..].TrimEnd('0');
        n -= lead;
        var k = digits.Length;
        if (k <= n && n <= 21) return sign + digits + new string('0', n - k);
        if (0 < n && n <= 21) return sign + digits[..n] + "." + digits[n..];
        if (-6 < n && n <= 0) return sign + "0." + new string('0', -n) + digits;
        var exp = n - 1;
        var expText = (exp >= 0 ? "+" : "-") + Math.Abs(exp).ToString(CultureInfo.InvariantCulture);
        return sign + (k == 1 ? digits : digits[0] + "." + digits[1..]) + "e" + expText;
    }
}
