namespace SkillsMatch.Matching.Retrieval;

/// <summary>
/// Which postings a learner's matches may come from, by default from their profile (issue 18, item 3): onsite and hybrid
/// postings in the learner's region — the province or territory is the commuting area, since postings and profiles
/// carry a region and a free-text city but no coordinates or census metropolitan area — plus remote postings anywhere;
/// everywhere when the learner will relocate. A region or remote choice in the request wins over the profile.
/// </summary>
public static class RoleScope
{
    public static AppliedRoleFilter Resolve(RoleRequest request, string? homeRegion, bool willingToRelocate)
    {
        var occupation = request.OccupationId;
        if (request.Remote == true)
            return new AppliedRoleFilter("remote-only", null, IncludeRemote: true, RemoteOnly: true, occupation, "Remote postings only, anywhere (asked for).");
        var withRemote = request.Remote != false;
        var remoteClause = withRemote ? ", and remote postings anywhere" : "; no remote postings (asked for)";
        if (request.Region is { } asked)
            return new AppliedRoleFilter("requested-region", asked, withRemote, false, occupation, $"Onsite and hybrid postings in {asked} (asked for){remoteClause}.");
        if (request.Relocate ?? willingToRelocate)
            return new AppliedRoleFilter("relocating", null, withRemote, false, occupation,
                withRemote ? "Postings anywhere: you will relocate." : "Onsite and hybrid postings anywhere: you will relocate; no remote postings (asked for).");
        if (homeRegion is { } home)
            return new AppliedRoleFilter("home-region", home, withRemote, false, occupation,
                $"Onsite and hybrid postings in {home}, your region{remoteClause}. Say you will relocate (profile willingToRelocate, or ?relocate=true) to see other regions.");
        return new AppliedRoleFilter("no-region", null, withRemote, false, occupation,
            withRemote ? "Postings anywhere: your profile has no region." : "Onsite and hybrid postings anywhere: your profile has no region; no remote postings (asked for).");
    }
}
