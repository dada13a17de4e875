using System.Collections;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;

namespace SkillsMatch.Api.Assistant;

/// <summary>What an endpoint's handler answered, as a tool answers it: the value, or a <see cref="ToolError"/> with the problem's words.</summary>
public static class ToolResults
{
    /// <summary>
    /// The request record checked against its own DataAnnotations, as the endpoint's built-in validation checks it
    /// (items of a list property included); a <see cref="ToolError"/> naming every problem otherwise.
    /// </summary>
    public static T Valid<T>(T request) where T : notnull
    {
        var problems = new List<ValidationResult>();
        Validator.TryValidateObject(request, new ValidationContext(request), problems, validateAllProperties: true);
        foreach (var property in typeof(T).GetProperties())
            if (property.PropertyType != typeof(string) && property.GetValue(request) is IEnumerable items)
                foreach (var item in items)
                    if (item is not null && item.GetType().IsClass && item is not string)
                        Validator.TryValidateObject(item, new ValidationContext(item), problems, validateAllProperties: true);
        return problems.Count == 0 ? request
            : throw new ToolError("Invalid request: " + string.Join(" ", problems.Select(p => p.ErrorMessage)));
    }

    public static T Value<T>(IResult result) => result switch
    {
        INestedHttpResult nested => Value<T>(nested.Result),
        IValueHttpResult<T> { Value: { } value } => value,
        ProblemHttpResult problem => throw new ToolError($"{problem.ProblemDetails.Title}: {problem.ProblemDetails.Detail}"),
        ValidationProblem invalid => throw new ToolError($"{invalid.ProblemDetails.Title}: " +
            string.Join(" ", invalid.ProblemDetails.Errors.SelectMany(e => e.Value.Select(message => $"{e.Key}: {message}")))),
        _ => throw new InvalidOperationException($"The handler answered {result.GetType().Name}, not a {typeof(T).Name}."),
    };
}
