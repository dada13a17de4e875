namespace SkillsMatch.Tests.Trust;

/// <summary>
/// The hostile-request property runs alone, after every other class: it compares table row counts before and after each
/// refused request, which only means something while no other test writes.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HostileRequestsGroup
{
    public const string Name = "Hostile requests";
}
