using System.Text.Json;
using System.Text.Json.Nodes;

namespace SkillsMatch.Api.Input;

/// <summary>
/// Applies <see cref="InputText"/> before any endpoint runs, to the path, every query parameter, every header and every
/// string (names and values) of a JSON body: a refusal is one 400 ValidationProblem naming each offending field
/// (<c>q</c>, <c>X-Header</c>, <c>skills[0]</c>, <c>hiringOrganization.name</c>). Names and titles in JSON bodies lose their
/// bidi and zero-width characters on the way in.
/// </summary>
public static class InputPolicyMiddleware
{
    public static void UseInputPolicy(this WebApplication app) => app.Use(async (http, next) =>
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        Check(errors, "path", http.Request.Path.Value);
        foreach (var (key, values) in http.Request.Query)
        {
            Check(errors, "query", key);
            foreach (var value in values) Check(errors, key, value);
        }
        foreach (var (key, values) in http.Request.Headers)
            foreach (var value in values) Check(errors, key, value);
        if (errors.Count == 0 && IsJson(http.Request.ContentType) && http.Request.Body.CanRead)
            await CheckJsonBodyAsync(http, errors);
        if (errors.Count > 0)
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = http,
                ProblemDetails = new HttpValidationProblemDetails(errors)
                {
                    Status = StatusCodes.Status400BadRequest,
                    Title = "Invalid characters",
                    Detail = "Text may not contain control characters (other than tab, CR and LF) or lone surrogates.",
                },
            });
            return;
        }
        await next(http);
    });

    private static void Check(Dictionary<string, string[]> errors, string field, string? value)
    {
        if (value is not null && InputText.Problem(value) is { } problem) errors.TryAdd(Safe(field), [problem]);
    }

    private static bool IsJson(string? contentType) =>
        contentType is not null && (contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase)
                                    || contentType.Contains("+json", StringComparison.OrdinalIgnoreCase));

    /// <summary>Reads the (size-limited) body once, checks every string, and puts back a body the endpoint can read.</summary>
    private static async Task CheckJsonBodyAsync(HttpContext http, Dictionary<string, string[]> errors)
    {
        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer, http.RequestAborted);
        var bytes = buffer.ToArray();
        http.Request.Body = new MemoryStream(bytes, writable: false);
        if (bytes.Length == 0) return;

        bool rewrite;
        try
        {
            rewrite = Scan(bytes, errors);
        }
        catch (JsonException)
        {
            return; // malformed JSON is the endpoint's to refuse, in its own words
        }
        if (rewrite && errors.Count == 0)
        {
            var node = JsonNode.Parse(bytes, documentOptions: new JsonDocumentOptions { MaxDepth = 256 })!;
            StripNames(node, null);
            var clean = System.Text.Encoding.UTF8.GetBytes(node.ToJsonString());
            http.Request.Body = new MemoryStream(clean, writable: false);
            http.Request.ContentLength = clean.Length;
        }
    }

    /// <summary>Records every refused string by its path; true when a name or title needs its invisible characters removed.</summary>
    private static bool Scan(byte[] bytes, Dictionary<string, string[]> errors)
    {
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { MaxDepth = 256, CommentHandling = JsonCommentHandling.Skip });
        var frames = new List<Frame>();
        bool rewrite = false;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    frames[^1].Property = Text(ref reader, out var nameProblem);
                    if (nameProblem is not null) errors.TryAdd(Safe(PathOf(frames) + "(name)"), [nameProblem]);
                    break;
                case JsonTokenType.StartObject or JsonTokenType.StartArray:
                    if (frames.Count > 0 && frames[^1].IsArray) frames[^1].Index++;
                    frames.Add(new Frame(reader.TokenType == JsonTokenType.StartArray));
                    break;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    frames.RemoveAt(frames.Count - 1);
                    break;
                default:
                    if (frames.Count > 0 && frames[^1].IsArray) frames[^1].Index++;
                    if (reader.TokenType != JsonTokenType.String) break;
                    var value = Text(ref reader, out var problem);
                    if (problem is not null) errors.TryAdd(Safe(PathOf(frames)), [problem]);
                    else if (frames.Count > 0 && frames[^1] is { IsArray: false, Property: { } name } && InputText.NameFields.Contains(name)
                             && InputText.HasInvisible(value!))
                        rewrite = true;
                    break;
            }
        }
        return rewrite;
    }

    /// <summary>Where the reader is: <c>title</c>, <c>skills[0]</c>, <c>hiringOrganization.name</c>.</summary>
    private static string PathOf(List<Frame> frames)
    {
        var builder = new System.Text.StringBuilder();
        foreach (var frame in frames)
        {
            if (frame.IsArray) builder.Append('[').Append(frame.Index).Append(']');
            else if (frame.Property is { } name) builder.Append(builder.Length > 0 ? "." : "").Append(name);
        }
        return builder.Length == 0 ? "body" : builder.ToString();
    }

    private sealed class Frame(bool isArray)
    {
        public bool IsArray { get; } = isArray;
        public string? Property { get; set; }
        public int Index { get; set; } = -1;
    }

    private static string? Text(ref Utf8JsonReader reader, out string? problem)
    {
        try
        {
            var text = reader.GetString();
            problem = text is null ? null : InputText.Problem(text);
            return text;
        }
        catch (InvalidOperationException)
        {
            problem = "Contains a lone UTF-16 surrogate, which is not text.";
            return null;
        }
    }

    /// <summary>A field name safe to echo: the refused characters themselves are not sent back.</summary>
    private static string Safe(string field) =>
        InputText.Problem(field) is null && field.Length <= 200 ? field : string.Concat(field.Take(200).Select(c => char.IsControl(c) || char.IsSurrogate(c) ? '?' : c));

    private static void StripNames(JsonNode? node, string? property)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (name, child) in o.ToList())
                {
                    if (child is JsonValue v && InputText.NameFields.Contains(name) && v.TryGetValue<string>(out var text))
                        o[name] = InputText.WithoutInvisible(text);
                    else StripNames(child, name);
                }
                break;
            case JsonArray a:
                foreach (var child in a) StripNames(child, property);
                break;
        }
    }
}
