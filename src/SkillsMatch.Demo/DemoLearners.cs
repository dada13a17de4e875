using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SkillsMatch.Credentials.Storage;
using SkillsMatch.Learners;
using SkillsMatch.Taxonomy;

namespace SkillsMatch.Demo;

/// <summary>
/// One demo learner, through the same checks and stores as the API: the profile (is_demo, consent as in learners.json),
/// experiences (skills inferred), self-declared skills, and credentials minted with the demo issuer keys and submitted
/// like any other, so the verifier and the trust registry decide their tiers. Idempotent: the learner is found by its
/// external ref (demo-&lt;key&gt;), experiences by kind and title, credentials by issuer and achievement name.
/// </summary>
public sealed class DemoLearners(
    LearnerChecks checks, LearnerStore learners, LearnerCredentials credentials, LearnerCredentialStore storedCredentials,
    TaxonomyStore taxonomies, WorkingTaxonomy working, TimeProvider time)
{
    public static string ExternalRef(DemoLearner learner) => "demo-" + learner.Key;

    public Task<Guid?> FindAsync(DemoLearner learner, CancellationToken ct) => learners.FindByExternalRefAsync(ExternalRef(learner), ct);

    public async Task<DemoLearnerResult> LoadAsync(DemoDataSet demo, DemoLearner learner, CancellationToken ct)
    {
        var (id, created) = await EnsureProfileAsync(learner, ct);
        var experiences = await AddMissingExperiencesAsync(id, learner, ct);
        var skillIds = await SkillIdsAsync(learner.SelfDeclared.Select(s => s.Skill)
            .Concat(learner.Credentials.SelectMany(c => c.Course is { } course ? CourseSkills(demo.Offering(c.Issuer, course)!) : c.Skills)), ct);
        await ReplaceSelfDeclaredAsync(id, learner, skillIds, ct);
        var (submitted, verified) = await SubmitMissingCredentialsAsync(demo, id, learner, skillIds, ct);
        return new DemoLearnerResult(id, created, experiences, submitted, verified);
    }

    private async Task<(Guid Id, bool Created)> EnsureProfileAsync(DemoLearner learner, CancellationToken ct)
    {
        var externalRef = ExternalRef(learner);
        if (await learners.FindByExternalRefAsync(externalRef, ct) is { } existing) return (existing, false);
        var (profile, errors) = await checks.CheckProfileAsync(new LearnerInput(
            learner.Name, learner.Email, learner.Region, learner.City, learner.Remote, learner.Targets,
            new ConsentInput(learner.Visible, learner.VisibleParts), externalRef), ct);
        if (profile is null) throw Invalid(learner, errors.ToString());
        // Null: another host created it a moment ago (external_ref is unique).
        return await learners.CreateAsync(profile with { IsDemo = true }, ct) is { } id ? (id, true) : ((await learners.FindByExternalRefAsync(externalRef, ct))!.Value, false);
    }

    private async Task<int> AddMissingExperiencesAsync(Guid id, DemoLearner learner, CancellationToken ct)
    {
        var stored = (await learners.GetAsync(id, ct))!.Experiences.Select(e => (e.Kind, e.Title)).ToHashSet();
        var added = 0;
        foreach (var experience in learner.Experiences.Where(e => !stored.Contains((e.Kind, e.Title))))
        {
            var input = new ExperienceInput(experience.Kind, experience.Title, experience.Organisation, experience.Description, experience.Start, experience.End);
            var errors = LearnerChecks.CheckExperience(input);
            if (errors.Any) throw Invalid(learner, errors.ToString());
            await learners.AddExperienceAsync(id, input, ct);
            added++;
        }
        return added;
    }

    private async Task ReplaceSelfDeclaredAsync(Guid id, DemoLearner learner, IReadOnlyDictionary<string, long> skillIds, CancellationToken ct)
    {
        var skills = learner.SelfDeclared.Select(s => new SelfDeclaredSkill(skillIds[s.Skill], s.Level)).ToList();
        var errors = await checks.CheckSelfDeclaredAsync(skills, ct);
        if (errors.Any) throw Invalid(learner, errors.ToString());
        await learners.ReplaceSelfDeclaredAsync(id, skills, ct);
    }

    private async Task<(int Submitted, int Verified)> SubmitMissingCredentialsAsync(
        DemoDataSet demo, Guid id, DemoLearner learner, IReadOnlyDictionary<string, long> skillIds, CancellationToken ct)
    {
        var stored = (await storedCredentials.ListAsync(id, ct)).Select(c => (c.IssuerUri, c.AchievementName)).ToHashSet();
        var now = time.GetUtcNow();
        int submitted = 0, verified = 0;
        foreach (var credential in learner.Credentials)
        {
            var issuer = demo.Issuer(credential.Issuer);
            var achievement = await AchievementAsync(demo, credential, skillIds, ct);
            if (stored.Contains((issuer.Id, achievement.Name))) continue;

            var minter = new DemoCredentialMinter(issuer.Name, Convert.FromHexString(issuer.DemoSigningSeedHex));
            if (minter.IssuerId != issuer.Id) throw Invalid(learner, $"the demo seed of {issuer.Key} does not give its did:key {issuer.Id}");
            var awarded = now.AddDays(credential.Awarded);
            var jwt = minter.Mint(achievement, learner.Email, awarded, credential.ValidForDays is { } days ? awarded.AddDays(days) : null);
            var outcome = await credentials.SubmitAsync(id, Encoding.ASCII.GetBytes(jwt), "application/jwt", ct);
            if (outcome.Result is not (SubmitResult.Created or SubmitResult.AlreadyStored))
                throw Invalid(learner, $"the credential '{achievement.Name}' was refused: " +
                    string.Join(", ", outcome.Assessment?.Verdict.Reasons.Select(r => r.Code) ?? [outcome.Result.ToString()]));
            submitted++;
            if (outcome.Credential!.Verified) verified++;
        }
        return (submitted, verified);
    }

    /// <summary>What the credential certifies: its catalog course (skills taught, as alignments), or the title and skills learners.json gives.</summary>
    private async Task<DemoAchievement> AchievementAsync(
        DemoDataSet demo, DemoCredential credential, IReadOnlyDictionary<string, long> skillIds, CancellationToken ct)
    {
        string id, name, description;
        List<string> skills;
        if (credential.Course is { } course)
        {
            var offering = demo.Offering(credential.Issuer, course)!;
            id = ((string)offering["url"]!).Replace("/courses/", "/achievements/", StringComparison.Ordinal);
            name = (string)offering["title"]!;
            description = (string?)offering["description"] ?? "";
            skills = CourseSkills(offering);
        }
        else
        {
            id = $"urn:skillsmatch:demo:{credential.Issuer}:{Slug(credential.Title!)}";
            (name, description, skills) = (credential.Title!, credential.Description ?? "", credential.Skills.ToList());
        }
        var criteria = credential.Assessment is { } assessment ? $"Completed the course and passed a {assessment} assessment." : "Completed the course.";
        var alignments = new List<DemoAlignment>(skills.Count);
        foreach (var code in skills) alignments.Add(new DemoAlignment(code, (await taxonomies.GetSkillAsync(skillIds[code], ct))!.Label));
        return new DemoAchievement(id, name, description, criteria, alignments, credential.Hours, credential.Assessment, credential.Level);
    }

    private static List<string> CourseSkills(JsonObject offering) => offering["skills"]!.AsArray().Select(s => (string)s!).ToList();

    private async Task<IReadOnlyDictionary<string, long>> SkillIdsAsync(IEnumerable<string> codes, CancellationToken ct)
    {
        var wanted = codes.Distinct(StringComparer.Ordinal).ToList();
        var resolved = await taxonomies.ResolveSkillsAsync(await working.GetIdAsync(ct), wanted, ct);
        var unknown = wanted.Where(c => !resolved.ContainsKey(c)).ToList();
        if (unknown.Count > 0)
            throw new InvalidDataException($"demo data: skills {string.Join(", ", unknown)} are not in the working taxonomy '{working.Reference}'");
        return resolved;
    }

    private static string Slug(string text) => Regex.Replace(text.ToLowerInvariant(), "[^a-z0-9]+", "-").Trim('-');

    private static InvalidDataException Invalid(DemoLearner learner, string problem) => new($"demo data: learner {learner.Key}: {problem}");
}

/// <param name="Experiences">Added now.</param>
/// <param name="Credentials">Submitted now; <paramref name="Verified"/> of them at tier credential-verified.</param>
public sealed record DemoLearnerResult(Guid Id, bool Created, int Experiences, int Credentials, int Verified);
