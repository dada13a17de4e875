namespace SkillsMatch.Credentials;

/// <summary>How the credential reached us: as text, or baked into a badge image.</summary>
public enum CredentialContainer
{
    Text,
    Png,
    Svg,
    Url,
}
