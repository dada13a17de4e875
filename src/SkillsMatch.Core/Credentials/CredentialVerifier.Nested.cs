using SkillsMatch.Credentials.Formats;

namespace SkillsMatch.Credentials;

/// <summary>
/// CLR 2.0 bundles: each credential in ClrSubject.verifiableCredential is verified on its own — its proof, its issuer's
/// key, its dates and status — because the CLR issuer's signature says only that it bundled them, not that another
/// issuer issued them (CLR 2.0 §"Verification": verify each included AchievementCredential).
/// </summary>
public sealed partial class CredentialVerifier
{
    /// <summary>Nesting is read one level deep: a bundle inside a bundled credential is not verified and credits nothing.</summary>
    private async Task<IReadOnlyList<CredentialVerdict>> VerifyNestedAsync(VcCredential credential, ExpectedRecipient? recipient, int depth, CancellationToken cancellationToken)
    {
        if (depth > 0 || credential.NestedCredentials.Count == 0) return [];
        var verdicts = new List<CredentialVerdict>(credential.NestedCredentials.Count);
        foreach (var text in credential.NestedCredentials)
        {
            try
            {
                verdicts.Add(CompactJws.LooksLikeJws(text)
                    ? await VerifyJwsAsync(text, CredentialContainer.Text, recipient, depth + 1, cancellationToken)
                    : await VerifyJsonAsync(text, CredentialContainer.Text, recipient, depth + 1, cancellationToken));
            }
            catch (CredentialFormatException e)
            {
                verdicts.Add(Rejected(CredentialContainer.Text, e.Code, e.Message));
            }
        }
        return verdicts;
    }

    /// <summary>Achievements and results of the verified nested credentials join the bundle's; each other one is a reason.</summary>
    private static void AddNested(IReadOnlyList<CredentialVerdict> nested, List<CredentialAchievement> achievements, List<AchievementResult> results, List<CredentialReason> reasons)
    {
        for (var i = 0; i < nested.Count; i++)
        {
            var verdict = nested[i];
            if (verdict.IsVerified)
            {
                foreach (var achievement in verdict.Achievements)
                    if (achievement.Id is null || !achievements.Any(a => a.Id == achievement.Id)) achievements.Add(achievement);
                results.AddRange(verdict.Results);
                continue;
            }
            var why = verdict.Reasons.Count > 0 ? string.Join("; ", verdict.Reasons.Select(r => r.Code).Distinct()) : "not verified";
            reasons.Add(new(ReasonCodes.NestedCredentialInvalid,
                $"bundled credential {i + 1} ({verdict.CredentialId ?? "no id"}, issuer {verdict.IssuerId ?? "unknown"}) is not verified ({why}); its achievements are not counted"));
        }
    }
}
