namespace SkillsMatch.Credentials.Holder;

/// <summary>
/// One Verifiable Presentation format (VC-JWT now; Data Integrity presentations plug in beside it): checks the holder's
/// signature with a key the holder DID controls and reads the challenge and domain it was made for. Whether that
/// challenge is live and ours is <see cref="DidBinding"/>'s business, the same for every format.
/// </summary>
public interface IPresentationVerifier
{
    /// <summary>The format's name, stored with the proven DID (e.g. <c>vc-jwt</c>).</summary>
    string Format { get; }

    bool CanRead(string presentation);

    Task<PresentationCheck> VerifyAsync(string presentation, CancellationToken ct);
}

/// <summary>
/// What a presentation established: the holder DID whose key signed it, the challenge (nonce) and domain (audience) it
/// was signed over — or, when <see cref="Problem"/> is set, nothing.
/// </summary>
public sealed record PresentationCheck(string? Holder, string? Challenge, IReadOnlyList<string> Domains, string? Problem)
{
    public static PresentationCheck Failed(string problem) => new(null, null, [], problem);
}
