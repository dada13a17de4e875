using System.Globalization;
using System.Text.Json;

namespace SkillsMatch.Credentials.Formats;

/// <summary>Small readers for the loose shapes of credential JSON (a value or an array, a string or an object with an id).</summary>
internal static class Json
{
    /// <summary>Duplicate members are refused: two readers of one signed payload must not see different values.</summary>
    public static readonly JsonDocumentOptions Options = new() { MaxDepth = 64, AllowDuplicateProperties = false };

    /// <summary>Parses a detached root element (the document is disposed).</summary>
    public static JsonElement Parse(ReadOnlyMemory<byte> utf8, string what)
    {
        try
        {
            using var document = JsonDocument.Parse(utf8, Options);
            return document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            // Our words, not the parser's: no .NET exception text reaches a client (issue 15).
            throw new CredentialFormatException($"{what} is not valid JSON{Json.Where(e)}") { Code = ReasonCodes.MalformedJson };
        }
    }

    public static JsonElement? Property(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined) ? v : null;

    public static string? Text(JsonElement e, string name) =>
        Property(e, name) is { ValueKind: JsonValueKind.String } v ? v.GetString() : null;

    /// <summary>A string value, a number as text, or the <c>name</c>/<c>value</c>/<c>id</c> of an object.</summary>
    public static string? Loose(JsonElement? value) => value switch
    {
        { ValueKind: JsonValueKind.String } v => v.GetString(),
        { ValueKind: JsonValueKind.Number } v => v.GetRawText(),
        { ValueKind: JsonValueKind.True } => "true",
        { ValueKind: JsonValueKind.False } => "false",
        { ValueKind: JsonValueKind.Object } v => Text(v, "name") ?? Loose(Property(v, "value")) ?? Text(v, "id"),
        { ValueKind: JsonValueKind.Array } v => string.Join(", ", v.EnumerateArray().Select(x => Loose(x)).OfType<string>()),
        _ => null,
    };

    /// <summary>The id of a property that is either a string (an IRI) or an object with an <c>id</c>.</summary>
    public static string? Id(JsonElement e, string name) => Property(e, name) switch
    {
        { ValueKind: JsonValueKind.String } v => v.GetString(),
        { ValueKind: JsonValueKind.Object } v => Text(v, "id"),
        _ => null,
    };

    /// <summary>The items of a property that may be one value or an array of values.</summary>
    public static IEnumerable<JsonElement> Items(JsonElement e, string name) => Property(e, name) switch
    {
        { ValueKind: JsonValueKind.Array } v => v.EnumerateArray(),
        { } v => [v],
        null => [],
    };

    public static List<string> Strings(JsonElement e, string name) =>
        [.. Items(e, name).Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!)];

    public static double? Number(JsonElement? value) => value switch
    {
        { ValueKind: JsonValueKind.Number } v => v.GetDouble(),
        { ValueKind: JsonValueKind.String } v when double.TryParse(v.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
        _ => null,
    };

    /// <summary>An XSD dateTime (OB 3.0 DateTimeZ), or null when absent; throws when present but unreadable.</summary>
    public static DateTimeOffset? Date(JsonElement e, string name)
    {
        if (Property(e, name) is not { } value) return null;
        if (value.ValueKind == JsonValueKind.String
            && DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
            return date;
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var seconds))
            return DateTimeOffset.FromUnixTimeSeconds(seconds); // OB 2.0 allows a Unix timestamp for issuedOn/expires
        throw new CredentialFormatException($"{name} is not a date-time") { Code = ReasonCodes.MalformedJson };
    }

    /// <summary>" (line L, byte B)" for a JSON parse error: where, in our words, never the parser's message.</summary>
    public static string Where(JsonException e) =>
        e?.LineNumber is { } line ? $" (line {line + 1}, byte {(e.BytePositionInLine ?? 0) + 1})" : "";
}
