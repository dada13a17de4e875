using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using SkillsMatch.Access;
using SkillsMatch.Analytics;
using SkillsMatch.Api.Access;
using SkillsMatch.Api.Errors;

namespace SkillsMatch.Api.Analytics;

/// <summary>
/// Cohort aggregates for practitioners and admins. Counts only: a figure about fewer than 5 learners is suppressed
/// (<see cref="LearnerCount"/>), and neither view takes a filter that could carve a smaller group out of a larger one.
/// </summary>
public static class AnalyticsApi
{
    public static RouteGroupBuilder MapAnalytics(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/analytics").WithTags("Analytics").ProducesCommonProblems().RequireRoles(Role.Admin, Role.Practitioner);
        group.MapGet("/skill-gaps", SkillGaps).ProducesValidationProblem()
            .WithSummary("Cohort skill-gap heatmap: target occupations × the essential skills they need, how many learners lack each. A practitioner's own caseload, an admin's every learner; groups under 5 learners suppressed.");
        group.MapGet("/demand-supply", DemandSupply).ProducesValidationProblem()
            .WithSummary("In one region: the skills open postings require most against the consenting learners holding them, by evidence tier; counts under 5 suppressed.");
        return group;
    }

    public static async Task<Ok<SkillGapHeatmap>> SkillGaps([AsParameters] SkillGapQuery query, ClaimsPrincipal user, AnalyticsStore analytics, CancellationToken ct)
    {
        var caller = Caller.From(user)!;
        // A practitioner's cohort is their whole caseload; an admin's is every learner. No other scope is offered.
        var practitioner = caller.Role == Role.Practitioner ? caller.Subject ?? "" : null;
        return TypedResults.Ok(await analytics.SkillGapsAsync(practitioner, query.Skills ?? 12, ct));
    }

    public static async Task<Results<Ok<DemandSupply>, ValidationProblem>> DemandSupply([AsParameters] DemandSupplyQuery query, AnalyticsStore analytics, CancellationToken ct)
    {
        if (CanadianRegions.Normalize(query.Region!) is not { } region)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["region"] = [$"'{query.Region}' is not a Canadian province or territory; send an ISO 3166-2 code such as CA-ON, 'ON' or 'Ontario'."],
            });
        return TypedResults.Ok(await analytics.DemandSupplyAsync(region, query.Limit ?? 15, ct));
    }
}

/// <param name="Skills">How many skill columns (1 to 30, default 12).</param>
public sealed record SkillGapQuery(
    [property: Range(1, AnalyticsStore.MaxSkills, ErrorMessage = "skills is {1} to {2}.")] int? Skills);

/// <param name="Region">Required: a province or territory (CA-ON, ON or Ontario). There is no all-Canada view, so a
/// region's figures cannot be had by subtracting the others from a total.</param>
/// <param name="Limit">How many skills (1 to 50, default 15).</param>
public sealed record DemandSupplyQuery(
    [property: Required(ErrorMessage = "region is required: a province or territory such as CA-ON."), StringLength(100)] string? Region,
    [property: Range(1, AnalyticsStore.MaxDemandSkills, ErrorMessage = "limit is {1} to {2}.")] int? Limit);
