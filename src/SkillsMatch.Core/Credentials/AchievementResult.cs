namespace SkillsMatch.Credentials;

/// <summary>
/// One OB 3.0 <c>Result</c> of the subject. Only <c>Completed</c> (or no status at all) certifies
/// (OB 3.0 data model, ResultStatusType: Completed, Enrolled, Failed, InProgress, OnHold, Provisional, Withdrawn).
/// </summary>
public sealed record AchievementResult(string? ResultDescription, string? Status, string? Value, string? AchievedLevel)
{
    public bool Certifies => Status is null || string.Equals(Status, "Completed", StringComparison.OrdinalIgnoreCase);
}
