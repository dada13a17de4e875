using System.ComponentModel;
using Microsoft.SemanticKernel;
using SkillsMatch.Access;
using SkillsMatch.Api.Matching;
using SkillsMatch.Matching.Placements;

namespace SkillsMatch.Api.Assistant.Plugins;

/// <summary>A practitioner's caseload (the learners who granted them access) and placement options for a cohort of it.</summary>
public sealed class PractitionerPlugin
{
    [KernelFunction("my_caseload"), ToolAccess(Role.Practitioner)]
    [Description("The learners who granted this practitioner access: id, name, region and since when. Use the ids with my_matches, my_gaps and placement_options.")]
    public async Task<IReadOnlyList<CaseloadLearner>> MyCaseload(Kernel kernel, [Description("At most this many learners, 1 to 500")] int limit = 100)
    {
        var context = ToolContext.Of(kernel);
        await context.EnterAsync();
        return await context.Services.GetRequiredService<CaseloadStore>().ListForPractitionerAsync(context.Caller.Subject ?? "", Math.Clamp(limit, 1, 500), context.Aborted);
    }

    [KernelFunction("placement_options"), ToolAccess("POST /placements")]
    [Description("For a cohort of the practitioner's learners and some openings: ranked options per learner and the assignment with the most total fit. Computes a proposal; places no one.")]
    public async Task<PlacementResult> PlacementOptions(
        Kernel kernel,
        [Description("Learner ids (on the caseload), 1 to 500")] Guid[] learnerIds,
        [Description("Job posting ids, 1 to 200")] Guid[] jobIds,
        [Description("Places per posting (default 1)")] int capacity = 1,
        [Description("Options per learner, 1 to 10")] int optionsPerLearner = 3)
    {
        var context = ToolContext.Of(kernel);
        await context.EnterAsync();
        return ToolResults.Value<PlacementResult>(await MatchingApi.Placements(
            ToolResults.Valid(new PlacementRequest(learnerIds, [.. jobIds.Select(job => new PlacementOpening(job, capacity))], null, Math.Clamp(optionsPerLearner, 1, 10))),
            context.Http.User, context.Services.GetRequiredService<PlacementsForCohort>(), context.Services.GetRequiredService<CaseloadStore>(), context.Aborted));
    }
}
