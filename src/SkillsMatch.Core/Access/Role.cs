namespace SkillsMatch.Access;

/// <summary>What a key may do; stored and sent as the lower-case name.</summary>
public enum Role
{
    Admin,
    Practitioner,
    Employer,
    Learner,
    Issuer,
}

public static class Roles
{
    public static string Name(this Role role) => role.ToString().ToLowerInvariant();

    public static Role Parse(string name) =>
        TryParse(name, out var role) ? role : throw new ArgumentException($"Unknown role '{name}'.", nameof(name));

    public static bool TryParse(string? name, out Role role) =>
        Enum.TryParse(name, ignoreCase: true, out role) && Enum.IsDefined(role) && !int.TryParse(name, out _);
}
