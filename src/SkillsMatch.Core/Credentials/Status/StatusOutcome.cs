namespace SkillsMatch.Credentials.Status;

/// <summary>The status of a credential and, when it is not plainly valid, why.</summary>
internal sealed record StatusOutcome(StatusCheck Status, List<CredentialReason> Reasons)
{
    public static StatusOutcome Valid => new(StatusCheck.Valid, []);

    public static StatusOutcome NotApplicable => new(StatusCheck.NotApplicable, []);

    public static StatusOutcome Unknown(string why) => new(StatusCheck.Unknown, [new(ReasonCodes.StatusUnknown, $"status unknown: {why}")]);

    public static StatusOutcome Revoked(string why) => new(StatusCheck.Revoked, [new(ReasonCodes.Revoked, why)]);

    public static StatusOutcome Suspended(string why) => new(StatusCheck.Suspended, [new(ReasonCodes.Suspended, why)]);

    /// <summary>Several status entries: revoked beats suspended beats unknown beats valid.</summary>
    public static StatusOutcome Combine(IReadOnlyList<StatusOutcome> outcomes)
    {
        if (outcomes.Count == 0) return NotApplicable;
        var worst = outcomes.Select(o => o.Status).OrderBy(Rank).First();
        return new(worst, [.. outcomes.SelectMany(o => o.Reasons)]);
    }

    private static int Rank(StatusCheck s) => s switch
    {
        StatusCheck.Revoked => 0,
        StatusCheck.Suspended => 1,
        StatusCheck.Unknown => 2,
        StatusCheck.Valid => 3,
        _ => 4,
    };
}
