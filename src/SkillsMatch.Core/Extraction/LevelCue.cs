using System.Text.Json.Serialization;

namespace SkillsMatch.Extraction;

public enum Proficiency
{
    Beginner,
    Intermediate,
    Advanced,
    Expert,
}

/// <summary>
/// How much of a skill the text asks for or claims: years of experience ("3+ years" is MinYears 3,
/// "2-4 yrs" MinYears 2 and MaxYears 4) and a proficiency word ("familiarity with", "proficient", "expert").
/// </summary>
public sealed record LevelCue(int? MinYears, int? MaxYears, Proficiency? Proficiency)
{
    public static readonly LevelCue None = new(null, null, null);

    [JsonIgnore]
    public bool IsNone => MinYears is null && MaxYears is null && Proficiency is null;
}
