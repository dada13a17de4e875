using Microsoft.AspNetCore.Http.HttpResults;

namespace SkillsMatch.Api.Assistant;

/// <summary>What an endpoint's handler answered, as a tool answers it: the value, or a <see cref="ToolError"/> with the problem's words.</summary>
public static class ToolResults
{
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
