using SkillsMatch.Matching.Retrieval;

namespace SkillsMatch.Matching.Plans;

/// <summary>
/// Which catalog offerings a learner's plans may use (issue 18, item 3): offerings in the learner's languages, in the
/// formats they accept, online from anywhere or in-person and hybrid within their region (the province or territory,
/// as for roles). Each comes from the request, else the profile, else a stated default: languages English (French in
/// Québec) and every format.
/// </summary>
/// <param name="Reach">The regions in-person and hybrid offerings must be in; null when the learner has no region.</param>
public sealed record PlanScope(IReadOnlyList<string> Languages, IReadOnlyList<string> Formats, IReadOnlySet<string>? Reach, string Description)
{
    public static readonly IReadOnlyList<string> AllFormats = ["online", "in-person", "hybrid"];

    public static PlanScope Resolve(LearnerReach learner, IReadOnlySet<string>? askedLanguages, IReadOnlySet<string>? askedFormats)
    {
        var (languages, languageSource) =
            askedLanguages is { Count: > 0 } ? ([.. askedLanguages.Order()], "asked for")
            : learner.Languages is { Length: > 0 } stated ? (stated, "your profile")
            : (learner.Region == "CA-QC" ? new[] { "fr" } : ["en"], "assumed: your profile states no language");
        var (formats, formatSource) =
            askedFormats is { Count: > 0 } ? ([.. askedFormats.Order()], "asked for")
            : learner.LearningFormats is { Length: > 0 } accepted ? (accepted, "your profile")
            : (AllFormats.ToArray(), "every format: your profile states none");
        IReadOnlySet<string>? reach = learner.Region is { } region ? new HashSet<string> { region } : null;
        var where = reach is null ? "in-person and hybrid ones anywhere (your profile has no region)" : $"in-person and hybrid ones only in {learner.Region}";
        return new PlanScope(languages, formats, reach,
            $"Offerings in {string.Join(" or ", languages)} ({languageSource}); formats {string.Join(", ", formats)} ({formatSource}); online ones from anywhere, {where}.");
    }
}
