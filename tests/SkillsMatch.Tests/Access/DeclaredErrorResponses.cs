using System.Text.Json;
using System.Text.RegularExpressions;

namespace SkillsMatch.Tests.Access;

/// <summary>
/// The error responses /openapi/v1.json declares per operation, keyed like the access matrix ("POST /jobs/"), and
/// whether each one is described with a ProblemDetails schema.
/// </summary>
public sealed partial class DeclaredErrorResponses
{
    private readonly Dictionary<string, Dictionary<int, bool>> operations;

    private DeclaredErrorResponses(Dictionary<string, Dictionary<int, bool>> operations) => this.operations = operations;

    public IReadOnlyCollection<string> Operations => operations.Keys;

    public static DeclaredErrorResponses Read(JsonElement document)
    {
        var schemas = document.GetProperty("components").GetProperty("schemas");
        var operations = new Dictionary<string, Dictionary<int, bool>>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        foreach (var operation in path.Value.EnumerateObject())
        {
            var errors = new Dictionary<int, bool>();
            if (operation.Value.TryGetProperty("responses", out var responses))
                foreach (var response in responses.EnumerateObject())
                    if (int.TryParse(response.Name, out var status) && status >= 400)
                        errors[status] = IsProblemDetails(response.Value, schemas);
            operations[Key(operation.Name, path.Name)] = errors;
        }
        return new DeclaredErrorResponses(operations);
    }

    /// <summary>The statuses declared for the operation; null when the document has no such operation.</summary>
    public IReadOnlyDictionary<int, bool>? For(string method, string route) =>
        operations.GetValueOrDefault(Key(method, route));

    /// <summary>"GET /learners/{id:guid}/" and OpenAPI's "get /learners/{id}" name the same operation.</summary>
    public static string Key(string method, string route) =>
        $"{method.ToUpperInvariant()} {Constraint().Replace(route, "{$1}").TrimEnd('/')}";

    /// <summary>application/problem+json whose schema is ProblemDetails or HttpValidationProblemDetails (which extends it).</summary>
    private static bool IsProblemDetails(JsonElement response, JsonElement schemas)
    {
        if (!response.TryGetProperty("content", out var content) || !content.TryGetProperty("application/problem+json", out var media)) return false;
        if (!media.TryGetProperty("schema", out var schema) || !schema.TryGetProperty("$ref", out var reference)) return false;
        var name = reference.GetString()!.Split('/')[^1];
        if (!schemas.TryGetProperty(name, out var definition) || !definition.TryGetProperty("properties", out var properties)) return false;
        return name is "ProblemDetails" or "HttpValidationProblemDetails"
               && properties.TryGetProperty("title", out _) && properties.TryGetProperty("status", out _) && properties.TryGetProperty("detail", out _);
    }

    [GeneratedRegex(@"\{([A-Za-z]+)(?::[^}?]*)?\??\}")]
    private static partial Regex Constraint();
}
