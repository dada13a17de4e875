using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using SkillsMatch.Api.Errors;

namespace SkillsMatch.Api.Health;

public static class HealthApi
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/health").WithTags("Health").AllowAnonymous()
            .ProducesProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status429TooManyRequests);
        group.MapGet("/live", Live).WithSummary("The process is up (no dependency is checked).");
        group.MapGet("/ready", Ready).ProducesProblem(StatusCodes.Status503ServiceUnavailable).WithSummary("The database answers and has the pgvector extension.");
        return app;
    }

    public static Ok<HealthReportDto> Live() => TypedResults.Ok(new HealthReportDto("Healthy", []));

    public static async Task<Results<Ok<HealthReportDto>, ProblemHttpResult>> Ready(HealthCheckService health, CancellationToken ct)
    {
        var report = await health.CheckHealthAsync(check => check.Tags.Contains("ready"), ct);
        var checks = report.Entries
            .Select(entry => new HealthCheckDto(entry.Key, entry.Value.Status.ToString(), entry.Value.Description))
            .ToList();
        if (report.Status == HealthStatus.Healthy)
            return TypedResults.Ok(new HealthReportDto(report.Status.ToString(), checks));

        return TypedResults.Problem(
            title: "Not ready",
            detail: string.Join(" ", checks.Where(c => c.Status != "Healthy").Select(c => $"{c.Name}: {c.Description}")),
            statusCode: StatusCodes.Status503ServiceUnavailable,
            extensions: new Dictionary<string, object?> { ["checks"] = checks });
    }
}

public sealed record HealthReportDto(string Status, IReadOnlyList<HealthCheckDto> Checks);

public sealed record HealthCheckDto(string Name, string Status, string? Description);
