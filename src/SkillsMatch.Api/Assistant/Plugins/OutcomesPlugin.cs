using System.ComponentModel;
using Microsoft.SemanticKernel;
using SkillsMatch.Access;
using SkillsMatch.Api.Matching;
using SkillsMatch.Matching.Outcomes;

namespace SkillsMatch.Api.Assistant.Plugins;

/// <summary>What happened to a candidate for a posting: recorded as POST /outcomes records it, by whom it allows.</summary>
public sealed class OutcomesPlugin
{
    [KernelFunction("record_outcome"), ToolAccess("POST /outcomes", Writes = true)]
    [Description("CHANGES DATA. Record what happened to a learner for a posting: an employer for its own posting's consenting candidates, " +
                 "a practitioner for a learner on their caseload. Only with the person's explicit agreement, then confirm: true.")]
    public async Task<OutcomeRecorded> RecordOutcome(
        Kernel kernel,
        [Description("The learner's id")] Guid learnerId,
        [Description("The posting's id")] Guid jobId,
        [Description("shortlisted, interviewed, offered, hired, placed, employed_90_days, rejected or withdrew")] string stage,
        [Description("When it happened, yyyy-MM-dd (default: today)")] DateOnly? occurredOn = null,
        [Description("A short note, at most 1,000 characters")] string? note = null,
        [Description("true only after the person explicitly agreed to record it")] bool confirm = false)
    {
        var context = ToolContext.Of(kernel);
        await context.EnterAsync(jobId, confirm);
        var services = context.Services;
        return ToolResults.Value<OutcomeRecorded>(await OutcomesApi.Record(
            ToolResults.Valid(new OutcomeRequest(learnerId, jobId, stage, occurredOn, note)), context.Http,
            services.GetRequiredService<OutcomeStore>(), services.GetRequiredService<AuditWriter>(), services.GetRequiredService<TimeProvider>(), context.Aborted));
    }
}
