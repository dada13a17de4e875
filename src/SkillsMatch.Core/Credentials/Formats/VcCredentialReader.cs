using System.Text.Json;

namespace SkillsMatch.Credentials.Formats;

/// <summary>
/// Reads an OB 3.0 <c>OpenBadgeCredential</c>/<c>AchievementCredential</c> or CLR 2.0 <c>ClrCredential</c> in
/// VCDM 2.0 or 1.1 form, and reports the structural checks of OB 3.0 §9.1 (type, issuer, subject, dates).
/// </summary>
internal static class VcCredentialReader
{
    public const string Vcdm1Context = "https://www.w3.org/2018/credentials/v1";
    public const string Vcdm2Context = "https://www.w3.org/ns/credentials/v2";
    private static readonly string[] CredentialTypes = ["OpenBadgeCredential", "AchievementCredential", "ClrCredential"];

    public static bool LooksLikeVc(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object
        && (Json.Strings(root, "@context").Any(c => c is Vcdm1Context or Vcdm2Context) || Json.Strings(root, "type").Contains("VerifiableCredential"));

    public static VcCredential Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
            throw new CredentialFormatException("the credential is not a JSON object") { Code = ReasonCodes.MalformedJson };
        var problems = new List<CredentialReason>();
        var contexts = Json.Strings(root, "@context");
        // VCDM 2.0 §4.3 / VCDM 1.1 §4.1: the first context is the base VC context.
        bool v1 = contexts.FirstOrDefault() == Vcdm1Context;
        if (contexts.FirstOrDefault() is not (Vcdm1Context or Vcdm2Context))
            problems.Add(new(ReasonCodes.ContextMissing, "the first @context is not the VC Data Model 1.1 or 2.0 context"));

        var types = Json.Strings(root, "type");
        if (!types.Contains("VerifiableCredential") || !types.Any(CredentialTypes.Contains))
            problems.Add(new(ReasonCodes.TypeMissing, "type must include VerifiableCredential and OpenBadgeCredential, AchievementCredential or ClrCredential"));

        var issuer = Json.Property(root, "issuer");
        var issuerId = Json.Id(root, "issuer");
        if (string.IsNullOrWhiteSpace(issuerId)) problems.Add(new(ReasonCodes.IssuerMissing, "the credential has no issuer id"));

        var subjects = Json.Items(root, "credentialSubject").Where(s => s.ValueKind == JsonValueKind.Object).ToList();
        if (subjects.Count == 0) problems.Add(new(ReasonCodes.SubjectMissing, "the credential has no credentialSubject"));
        var subject = subjects.FirstOrDefault();

        DateTimeOffset? validFrom = null, validUntil = null;
        try
        {
            validFrom = Json.Date(root, "validFrom") ?? Json.Date(root, "issuanceDate");
            validUntil = Json.Date(root, "validUntil") ?? Json.Date(root, "expirationDate");
        }
        catch (CredentialFormatException e)
        {
            problems.Add(new(ReasonCodes.MalformedJson, e.Message));
        }
        if (v1 && Json.Property(root, "issuanceDate") is null)
            problems.Add(new(ReasonCodes.ClaimMismatch, "a VCDM 1.1 credential must have an issuanceDate"));

        var credential = new VcCredential
        {
            Root = root,
            IsVcdm1 = v1,
            Types = types,
            Id = Json.Text(root, "id"),
            IssuerId = issuerId,
            IssuerName = issuer is { ValueKind: JsonValueKind.Object } i ? Json.Loose(Json.Property(i, "name")) : null,
            SubjectId = subject.ValueKind == JsonValueKind.Object ? Json.Text(subject, "id") : null,
            ValidFrom = validFrom,
            ValidUntil = validUntil,
            HasProof = Json.Property(root, "proof") is not null,
            Statuses = [.. Json.Items(root, "credentialStatus")],
            Problems = problems,
        };
        foreach (var s in subjects) ReadSubject(s, credential);
        return credential;
    }

    private static void ReadSubject(JsonElement subject, VcCredential into)
    {
        foreach (var achievement in Json.Items(subject, "achievement").Where(a => a.ValueKind == JsonValueKind.Object))
            Add(into.Achievements, AchievementReader.Read(achievement));
        foreach (var result in Json.Items(subject, "result").Where(r => r.ValueKind == JsonValueKind.Object))
            into.Results.Add(new AchievementResult(
                Json.Text(result, "resultDescription"),
                Json.Text(result, "status"),
                Json.Loose(Json.Property(result, "value")),
                Json.Text(result, "achievedLevel")));
        foreach (var identifier in Json.Items(subject, "identifier"))
            if (Json.Text(identifier, "identityHash") is { } value)
                into.Identities.Add(new RecipientIdentity(Json.Text(identifier, "identityType") ?? "", Json.Property(identifier, "hashed")?.ValueKind == JsonValueKind.True, value, Json.Text(identifier, "salt")));
        // CLR 2.0 ClrSubject.verifiableCredential: the bundled AchievementCredentials, as JSON or compact JWT. Each is
        // verified on its own (its issuer, its proof); only those that verify add their achievements (CredentialVerifier.Nested).
        foreach (var inner in Json.Items(subject, "verifiableCredential"))
        {
            if (inner.ValueKind == JsonValueKind.String) into.NestedCredentials.Add(inner.GetString()!);
            else if (inner.ValueKind == JsonValueKind.Object) into.NestedCredentials.Add(inner.GetRawText());
        }
    }

    private static void Add(List<CredentialAchievement> list, CredentialAchievement achievement)
    {
        if (achievement.Id is null || !list.Any(a => a.Id == achievement.Id)) list.Add(achievement);
    }
}
