using System.Text.Json;
using System.Text.Json.Serialization;

namespace SkillsMatch.Taxonomy;

/// <summary>
/// Reads a list of taxonomy references where each item may be a number (a database id) or a string (an
/// external id, a label or a URI), so clients can send <c>[42, "data-analyst"]</c>.
/// </summary>
public sealed class StringOrNumberListConverter : JsonConverter<IReadOnlyList<string>>
{
    public override IReadOnlyList<string> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray) throw new JsonException("Expected an array of ids or names.");
        var items = new List<string>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            items.Add(reader.TokenType switch
            {
                JsonTokenType.String => reader.GetString()!,
                JsonTokenType.Number when reader.TryGetInt64(out var id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                _ => throw new JsonException("Each item must be a numeric id or a string."),
            });
        }
        return items;
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<string> value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        foreach (var item in value) writer.WriteStringValue(item);
        writer.WriteEndArray();
    }
}
