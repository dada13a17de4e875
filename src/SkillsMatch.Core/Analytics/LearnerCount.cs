namespace SkillsMatch.Analytics;

/// <summary>
/// How many learners an aggregate covers, or that it is suppressed: a figure about fewer than
/// <see cref="MinLearners"/> learners is never given, not even as 0, so no one can be singled out.
/// </summary>
/// <param name="Learners">The count; null when suppressed.</param>
public sealed record LearnerCount(int? Learners, bool Suppressed)
{
    /// <summary>The smallest group a published figure may describe.</summary>
    public const int MinLearners = 5;

    public static readonly LearnerCount Hidden = new(null, true);

    public static LearnerCount Of(long learners) => learners < MinLearners ? Hidden : new((int)learners, false);
}
