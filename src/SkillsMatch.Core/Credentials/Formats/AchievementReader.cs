using System.Text.Json;
using System.Xml;

namespace SkillsMatch.Credentials.Formats;

/// <summary>
/// Reads an OB 3.0 <c>Achievement</c> (OB 3.0 data model) or an OB 2.0 <c>BadgeClass</c> into a <see cref="CredentialAchievement"/>.
/// Both name their alignments <c>alignment</c> with the same target* members.
/// </summary>
internal static class AchievementReader
{
    private static readonly string[] HourKeys = ["hours", "learninghours", "durationhours", "contacthours", "credithours", "notionalhours", "totalhours", "estimatedhours", "timerequired", "duration"];
    private static readonly string[] AssessmentKeys = ["assessmenttype", "assessmentmethod", "assessmentmethods", "assessment"];
    private static readonly string[] LevelKeys = ["level", "educationallevel", "eqflevel", "nqflevel", "qualificationlevel", "credentiallevel", "achievementlevel"];
    private static readonly string[] StackableKeys = ["stackable", "isstackable"];

    public static CredentialAchievement Read(JsonElement achievement)
    {
        var criteria = Json.Property(achievement, "criteria");
        return new CredentialAchievement(
            Json.Text(achievement, "id"),
            Json.Loose(Json.Property(achievement, "name")),
            Json.Loose(Json.Property(achievement, "description")),
            criteria is { ValueKind: JsonValueKind.Object } c ? Json.Text(c, "narrative") : null,
            Json.Loose(Json.Property(achievement, "achievementType")),
            [.. Json.Items(achievement, "alignment").Where(a => a.ValueKind == JsonValueKind.Object).Select(ReadAlignment)],
            ReadMicrocredential(achievement));
    }

    private static CredentialAlignment ReadAlignment(JsonElement a) => new(
        Json.Text(a, "targetUrl"),
        Json.Text(a, "targetCode"),
        Json.Text(a, "targetFramework"),
        Json.Text(a, "targetName"),
        Json.Loose(Json.Property(a, "targetType")),
        Json.Text(a, "targetDescription"));

    private static MicrocredentialMetadata ReadMicrocredential(JsonElement a)
    {
        // Extension members may sit on the achievement itself or inside one nested extension object.
        var properties = Flatten(a);
        return new MicrocredentialMetadata
        {
            CreditsAvailable = Json.Number(Json.Property(a, "creditsAvailable")),
            FieldOfStudy = Json.Loose(Json.Property(a, "fieldOfStudy")),
            Specialization = Json.Loose(Json.Property(a, "specialization")),
            Hours = Find(properties, HourKeys) is { } hours ? Hours(hours) : null,
            AssessmentType = Json.Loose(Find(properties, AssessmentKeys)),
            Level = Json.Loose(Find(properties, LevelKeys)),
            Stackable = Find(properties, StackableKeys) is { } stackable ? Bool(stackable) : null,
            Endorsers = [.. Endorsers(a).Distinct()],
            ResultDescriptions = [.. Json.Items(a, "resultDescription").Select(r => Json.Text(r, "name")).OfType<string>()],
        };
    }

    private static List<(string Key, JsonElement Value)> Flatten(JsonElement a)
    {
        var list = new List<(string, JsonElement)>();
        if (a.ValueKind != JsonValueKind.Object) return list;
        foreach (var p in a.EnumerateObject())
        {
            list.Add((Normalize(p.Name), p.Value));
            if (p.Value.ValueKind == JsonValueKind.Object && p.Name is not ("criteria" or "image" or "creator" or "issuer"))
                list.AddRange(p.Value.EnumerateObject().Select(n => (Normalize(n.Name), n.Value)));
        }
        return list;
    }

    private static string Normalize(string key)
    {
        var local = key[(key.LastIndexOf(':') + 1)..];
        return local.Replace("_", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal).ToLowerInvariant();
    }

    private static JsonElement? Find(List<(string Key, JsonElement Value)> properties, string[] keys)
    {
        foreach (var key in keys)
            foreach (var (name, value) in properties)
                if (name == key) return value;
        return null;
    }

    private static double? Hours(JsonElement value)
    {
        if (Json.Number(value) is { } number) return number;
        // schema.org timeRequired is an ISO 8601 duration such as PT40H.
        if (value.ValueKind == JsonValueKind.String && value.GetString() is { } text && text.StartsWith('P'))
        {
            try
            {
                return XmlConvert.ToTimeSpan(text).TotalHours;
            }
            catch (FormatException)
            {
            }
        }
        return null;
    }

    private static bool? Bool(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.String => value.GetString()?.ToLowerInvariant() switch { "true" or "yes" => true, "false" or "no" => false, _ => null },
        _ => null,
    };

    private static IEnumerable<string> Endorsers(JsonElement a)
    {
        foreach (var endorsement in Json.Items(a, "endorsement"))
        {
            var issuer = Json.Property(endorsement, "issuer");
            if (issuer is { ValueKind: JsonValueKind.Object } i && (Json.Text(i, "name") ?? Json.Text(i, "id")) is { } name) yield return name;
            else if (issuer is { ValueKind: JsonValueKind.String } s) yield return s.GetString()!;
        }
        foreach (var jwt in Json.Strings(a, "endorsementJwt"))
        {
            string? name = null;
            try
            {
                var payload = Json.Parse(CompactJws.Parse(jwt).Payload, "an endorsement JWT");
                var credential = Json.Property(payload, "vc") ?? payload;
                name = Json.Property(credential, "issuer") is { ValueKind: JsonValueKind.Object } i ? Json.Text(i, "name") ?? Json.Text(i, "id") : Json.Text(credential, "issuer") ?? Json.Text(payload, "iss");
            }
            catch (CredentialFormatException)
            {
            }
            if (name is not null) yield return name;
        }
    }
}
