using System.Security.Cryptography;
using SkillsMatch.Credentials.Storage;

namespace SkillsMatch.Credentials.Holder;

/// <summary>
/// A learner proves control of a DID: we issue a challenge (random, single use, <see cref="HolderOptions.ChallengeLifetime"/>),
/// the learner's wallet signs a Verifiable Presentation over it and our domain with the DID's key, and a presentation
/// format that can read it checks the signature. The DID is then the learner's, and credentials naming it are upgraded.
/// </summary>
public sealed class DidBinding(HolderStore store, IEnumerable<IPresentationVerifier> formats, LearnerCredentials credentials, HolderOptions options, TimeProvider time)
{
    public async Task<HolderChallenge> IssueChallengeAsync(Guid learnerId, CancellationToken ct)
    {
        var challenge = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var expires = time.GetUtcNow() + options.ChallengeLifetime;
        await store.AddChallengeAsync(learnerId, challenge, expires, ct);
        return new HolderChallenge(challenge, options.Domain, expires, [.. formats.Select(f => f.Format)]);
    }

    /// <summary>The proven DID and how many stored credentials it upgraded, or the one reason it proves nothing.</summary>
    public async Task<DidProof> ProveAsync(Guid learnerId, string presentation, CancellationToken ct)
    {
        var format = formats.FirstOrDefault(f => f.CanRead(presentation));
        if (format is null) return DidProof.Refused("the presentation is in no format this service reads (" + string.Join(", ", formats.Select(f => f.Format)) + ")");
        var check = await format.VerifyAsync(presentation, ct);
        if (check.Problem is { } problem) return DidProof.Refused(problem);
        if (!check.Domains.Contains(options.Domain, StringComparer.Ordinal)) return DidProof.Refused($"the presentation is not addressed to {options.Domain}");
        // Used up whether or not what follows succeeds: a challenge proves one presentation, once.
        if (check.Challenge is null || !await store.UseChallengeAsync(learnerId, check.Challenge, time.GetUtcNow(), ct))
            return DidProof.Refused("the presentation's challenge is not a live challenge issued to this learner (they are single use and last "
                                    + $"{(int)options.ChallengeLifetime.TotalMinutes} minutes)");
        await store.AddDidAsync(learnerId, check.Holder!, format.Format, time.GetUtcNow(), ct);
        return new DidProof(check.Holder, await credentials.RebindAsync(learnerId, ct), null);
    }
}

public sealed record HolderChallenge(string Challenge, string Domain, DateTimeOffset ExpiresAt, IReadOnlyList<string> Formats);

public sealed record DidProof(string? Did, int Upgraded, string? Problem)
{
    public static DidProof Refused(string problem) => new(null, 0, problem);
}
