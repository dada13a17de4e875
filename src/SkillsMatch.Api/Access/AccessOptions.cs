using System.ComponentModel.DataAnnotations;

namespace SkillsMatch.Api.Access;

/// <summary>The <c>Access</c> configuration section.</summary>
public sealed class AccessOptions
{
    /// <summary>How long a key lookup is reused; also the longest a revocation made elsewhere takes to apply.</summary>
    [Range(0, 60)] public double KeyCacheSeconds { get; set; } = 1;

    /// <summary>Create the first admin key and demo keys at start-up (the run command); off in tests.</summary>
    public bool BootstrapKeys { get; set; }

    /// <summary>Requests per window for each API key.</summary>
    [Range(1, 1_000_000)] public int KeyPermits { get; set; } = 3000;

    /// <summary>Requests per window for each client address without a key.</summary>
    [Range(1, 1_000_000)] public int AnonymousPermits { get; set; } = 300;

    [Range(1, 3600)] public int WindowSeconds { get; set; } = 10;

    /// <summary>Wrong or revoked keys a client address may present per <see cref="FailedKeyWindowSeconds"/> before it must wait.</summary>
    [Range(1, 1_000_000)] public int FailedKeyPermits { get; set; } = 20;

    [Range(1, 86_400)] public int FailedKeyWindowSeconds { get; set; } = 60;
}
