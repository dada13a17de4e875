namespace SkillsMatch.Credentials;

/// <summary>Checks every credential format shares: the validity window and the result statuses.</summary>
internal static class VerdictChecks
{
    /// <summary>OB 3.0 "Verification and Validation" steps on validFrom/validUntil (and JWT nbf/exp), with clock skew either way.</summary>
    public static ValidityWindow Window(DateTimeOffset now, TimeSpan skew, DateTimeOffset? from, DateTimeOffset? until, List<CredentialReason> reasons)
    {
        if (from is { } f && now + skew < f)
        {
            reasons.Add(new(ReasonCodes.NotYetValid, $"not yet valid: valid from {f:u}"));
            return ValidityWindow.NotYetValid;
        }
        if (until is { } u && now - skew > u)
        {
            reasons.Add(new(ReasonCodes.Expired, $"expired at {u:u}"));
            return ValidityWindow.Expired;
        }
        return ValidityWindow.Valid;
    }

    /// <summary>Only a Completed result (or one without status) certifies; every other status is its own reason.</summary>
    public static bool ResultsCertify(IReadOnlyList<AchievementResult> results, List<CredentialReason> reasons)
    {
        bool all = true;
        foreach (var result in results.Where(r => !r.Certifies))
        {
            all = false;
            reasons.Add(new(ReasonCodes.ResultNotCompleted, $"result {result.ResultDescription ?? "(unnamed)"} has status {result.Status}, which does not certify the achievement"));
        }
        return all;
    }

    public static void RecipientReason(RecipientMatch match, List<CredentialReason> reasons)
    {
        if (match == RecipientMatch.Mismatch)
            reasons.Add(new(ReasonCodes.RecipientMismatch, "recipient mismatch: the credential subject is not the expected learner"));
    }
}
