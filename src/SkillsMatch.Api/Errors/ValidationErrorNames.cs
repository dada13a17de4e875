using System.Text.Json;
using System.Text.RegularExpressions;

namespace SkillsMatch.Api.Errors;

/// <summary>
/// A 400's <c>errors</c> name fields as the client's JSON does ("openings[0].capacity"), not as the C# records do
/// ("Openings[0].Capacity"): .NET 10's built-in validation keys errors by member name and ignores the JSON naming
/// policy (dotnet/aspnetcore#61764), so the keys are camel-cased here, one dotted segment at a time. Only member names
/// are: a key that names a header or a query parameter ("X-Correlation") is the client's own spelling already.
/// </summary>
public static partial class ValidationErrorNames
{
    public static void UseJsonNames(Microsoft.AspNetCore.Mvc.ProblemDetails problem)
    {
        if (problem is not HttpValidationProblemDetails { Errors.Count: > 0 } validation) return;
        foreach (var key in validation.Errors.Keys.ToList())
        {
            var name = string.Join('.', key.Split('.').Select(s => MemberName().IsMatch(s) ? JsonNamingPolicy.CamelCase.ConvertName(s) : s));
            if (name == key) continue;
            var messages = validation.Errors[key];
            validation.Errors.Remove(key);
            validation.Errors[name] = validation.Errors.TryGetValue(name, out var existing) ? [.. existing, .. messages] : messages;
        }
    }

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*(\[\d+\])*$")]
    private static partial Regex MemberName();
}
