namespace SkillsMatch.Matching.Placements;

/// <summary>Why a learner of the cohort was left without a placement.</summary>
/// <param name="Code"><see cref="BelowMinimumFit"/>, <see cref="OpeningsFilled"/> or <see cref="NoOpening"/>.</param>
/// <param name="Detail">The reason in a sentence (English; the web app words it from the code and the figures).</param>
/// <param name="JobId">The learner's best opening: the best one below the minimum, or the best eligible one that filled up.</param>
/// <param name="Fit">The learner's fit for <paramref name="JobId"/>.</param>
/// <param name="TakenBy">For <see cref="OpeningsFilled"/>: the learners placed in <paramref name="JobId"/>.</param>
public sealed record UnassignedReason(string Code, string Detail, Guid? JobId, double? Fit, IReadOnlyList<Guid> TakenBy)
{
    /// <summary>Every opening's fit for the learner is under the minimum fit asked for.</summary>
    public const string BelowMinimumFit = "below-minimum-fit";

    /// <summary>The learner is eligible, but the eligible openings' places went to others for a higher total fit.</summary>
    public const string OpeningsFilled = "openings-filled";

    /// <summary>No fit at all was given for the learner (the solver used alone).</summary>
    public const string NoOpening = "no-opening";
}
