using System.Text.Json.Nodes;
using SkillsMatch.Credentials;

namespace SkillsMatch.Tests.Credentials;

/// <summary>OB 3.0 credentials secured with Data Integrity proofs through <see cref="CredentialVerifier"/>.</summary>
public sealed class DataIntegrityCredentialTests : CredentialTestHost
{
    [Theory]
    [InlineData("eddsa-rdfc-2022", "EdDSA")]
    [InlineData("eddsa-jcs-2022", "EdDSA")]
    [InlineData("ecdsa-rdfc-2019", "ES256")]
    public async Task Credential_signed_by_its_issuer_key_is_verified_and_names_its_cryptosuite(string cryptosuite, string alg)
    {
        using var key = TestKey.For(alg);
        var signed = DataIntegritySigner.Sign(Ob3.Credential(key.DidKey), key, cryptosuite);

        var verdict = await VerifyAsync(signed.ToJsonString());

        Assert.True(verdict.IsVerified, string.Join("; ", verdict.Reasons.Select(r => r.Message)));
        Assert.Equal("DataIntegrityProof", verdict.ProofType);
        Assert.Equal(cryptosuite, verdict.Cryptosuite);
        Assert.Equal(key.DidKeyMethod, verdict.VerificationMethod);
        Assert.Single(verdict.Achievements);
    }

    [Fact]
    public async Task Claim_changed_after_signing_fails_the_signature()
    {
        using var key = TestKey.Ed25519();
        var signed = DataIntegritySigner.Sign(Ob3.Credential(key.DidKey), key);
        signed["credentialSubject"]!["achievement"]!["name"] = "Advanced SQL";

        var verdict = await VerifyAsync(signed.ToJsonString());

        Assert.False(verdict.IsVerified);
        Assert.True(verdict.HasReason(ReasonCodes.SignatureInvalid));
    }

    [Fact]
    public async Task Proof_by_someone_elses_key_is_not_bound_to_the_issuer()
    {
        using var issuer = TestKey.Ed25519();
        using var stranger = TestKey.Ed25519();
        var signed = DataIntegritySigner.Sign(Ob3.Credential(issuer.DidKey), stranger);

        var verdict = await VerifyAsync(signed.ToJsonString());

        Assert.True(verdict.SignatureValid);
        Assert.False(verdict.KeyBoundToIssuer);
        Assert.False(verdict.IsVerified);
        Assert.True(verdict.HasReason(ReasonCodes.KeyNotBound));
    }

    [Fact]
    public async Task Credential_proof_for_authentication_is_refused()
    {
        using var key = TestKey.Ed25519();
        var signed = DataIntegritySigner.Sign(Ob3.Credential(key.DidKey), key, purpose: "authentication");

        var verdict = await VerifyAsync(signed.ToJsonString());

        Assert.False(verdict.IsVerified);
        Assert.True(verdict.HasReason(ReasonCodes.ProofPurposeMismatch));
    }

    [Fact]
    public async Task Expired_proof_is_refused()
    {
        using var key = TestKey.Ed25519();
        var signed = DataIntegritySigner.Sign(Ob3.Credential(key.DidKey), key, editProof: p => p["expires"] = Ob3.Date(FixedClock.Default.AddDays(-2)));

        var verdict = await VerifyAsync(signed.ToJsonString());

        Assert.False(verdict.IsVerified);
        Assert.True(verdict.HasReason(ReasonCodes.ProofExpired));
    }

    [Fact]
    public async Task Context_that_is_not_pinned_is_refused_without_fetching()
    {
        using var key = TestKey.Ed25519();
        var credential = Ob3.Credential(key.DidKey);
        ((JsonArray)credential["@context"]!).Add("https://example.org/contexts/unknown.jsonld");
        var signed = new JsonObject(credential.Select(kv => KeyValuePair.Create(kv.Key, kv.Value?.DeepClone())))
        {
            ["proof"] = new JsonObject
            {
                ["type"] = "DataIntegrityProof", ["cryptosuite"] = "eddsa-rdfc-2022", ["verificationMethod"] = key.DidKeyMethod,
                ["proofPurpose"] = "assertionMethod", ["proofValue"] = "z5a",
            },
        };

        var verdict = await VerifyAsync(signed.ToJsonString());

        Assert.False(verdict.IsVerified);
        Assert.True(verdict.HasReason(ReasonCodes.ContextNotAllowed));
    }

    [Fact]
    public async Task Term_no_context_defines_is_refused_in_safe_mode()
    {
        using var key = TestKey.Ed25519();
        var credential = new JsonObject
        {
            ["@context"] = new JsonArray("https://www.w3.org/2018/credentials/v1", "https://w3id.org/security/data-integrity/v2"),
            ["type"] = new JsonArray("VerifiableCredential"),
            ["issuer"] = key.DidKey,
            ["issuanceDate"] = Ob3.Date(FixedClock.Default.AddDays(-3)),
            ["credentialSubject"] = new JsonObject { ["id"] = Ob3.Learner, ["undefinedClaim"] = "not signed over" },
        };
        var signed = DataIntegritySigner.Sign(credential, key, cryptosuite: "eddsa-jcs-2022");
        signed["proof"]!["cryptosuite"] = "eddsa-rdfc-2022";

        var verdict = await VerifyAsync(signed.ToJsonString());

        Assert.False(verdict.IsVerified);
        Assert.True(verdict.HasReason(ReasonCodes.UndefinedTerm));
    }
}

/// <summary>Status lists, CLR 2.0 bundles and baked badges secured with Data Integrity proofs.</summary>
public sealed class DataIntegrityContainerTests : CredentialTestHost
{
    [Theory]
    [InlineData(false, StatusCheck.Valid)]
    [InlineData(true, StatusCheck.Revoked)]
    public async Task Status_list_signed_with_a_data_integrity_proof_by_the_issuer_is_read(bool revoked, StatusCheck expected)
    {
        using var key = TestKey.Ed25519();
        var url = Server.Url("/status/di-1");
        var list = StatusLists.ListCredential(url, key.DidKey, "revocation", bitstring: true, revoked ? [42] : []);
        Server.Serve("/status/di-1", DataIntegritySigner.Sign(list, key).ToJsonString());
        var credential = Ob3.Credential(key.DidKey);
        credential["credentialStatus"] = StatusLists.Entry(url, "revocation", 42, bitstring: true);

        var verdict = await VerifyAsync(DataIntegritySigner.Sign(credential, key).ToJsonString());

        Assert.Equal(expected, verdict.Status);
        Assert.Equal(!revoked, verdict.IsVerified);
    }

    [Fact]
    public async Task Status_list_whose_proof_is_by_another_key_is_not_trusted()
    {
        using var key = TestKey.Ed25519();
        using var stranger = TestKey.Ed25519();
        var url = Server.Url("/status/di-2");
        var list = StatusLists.ListCredential(url, key.DidKey, "revocation", bitstring: true);
        Server.Serve("/status/di-2", DataIntegritySigner.Sign(list, stranger).ToJsonString());
        var credential = Ob3.Credential(key.DidKey);
        credential["credentialStatus"] = StatusLists.Entry(url, "revocation", 3, bitstring: true);

        var verdict = await VerifyAsync(DataIntegritySigner.Sign(credential, key).ToJsonString());

        Assert.Equal(StatusCheck.Unknown, verdict.Status);
    }

    [Fact]
    public async Task Clr_bundling_a_signed_achievement_credential_is_verified_and_tamper_evident()
    {
        using var key = TestKey.Ed25519();
        var inner = DataIntegritySigner.Sign(Ob3.Credential(key.DidKey), key);
        var clr = Clr(key.DidKey, inner);
        var signed = DataIntegritySigner.Sign(clr, key);

        var verdict = await VerifyAsync(signed.ToJsonString());
        Assert.True(verdict.IsVerified, string.Join("; ", verdict.Reasons.Select(r => r.Message)));
        Assert.Contains("ClrCredential", verdict.Types);
        Assert.NotEmpty(verdict.Achievements);

        signed["credentialSubject"]!["verifiableCredential"]![0]!["credentialSubject"]!["achievement"]!["name"] = "Forged";
        var tampered = await VerifyAsync(signed.ToJsonString());
        Assert.True(tampered.HasReason(ReasonCodes.SignatureInvalid));
    }

    [Fact]
    public async Task Clr_verifies_each_bundled_credential_against_its_own_issuer_and_counts_only_the_verified()
    {
        using var registrar = TestKey.Ed25519();
        using var college = TestKey.P256();
        using var stranger = TestKey.Ed25519();
        var good = DataIntegritySigner.Sign(Ob3.Credential(college.DidKey), college, "ecdsa-rdfc-2019");
        var tampered = DataIntegritySigner.Sign(Achievement(Ob3.Credential(college.DidKey), "python-201", "Python for Data"), college, "ecdsa-rdfc-2019");
        tampered["credentialSubject"]!["achievement"]!["name"] = "Advanced Python for Data";
        var forged = DataIntegritySigner.Sign(Achievement(Ob3.Credential(college.DidKey), "ml-301", "Machine Learning"), stranger);
        var clr = DataIntegritySigner.Sign(Clr(registrar.DidKey, good, tampered, forged), registrar);

        var verdict = await VerifyAsync(clr.ToJsonString());

        Assert.True(verdict.IsVerified, string.Join("; ", verdict.Reasons.Select(r => r.Message)));
        Assert.Equal(3, verdict.NestedCredentials.Count);
        Assert.True(verdict.NestedCredentials[0].IsVerified, string.Join("; ", verdict.NestedCredentials[0].Reasons.Select(r => r.Message)));
        Assert.Equal("ecdsa-rdfc-2019", verdict.NestedCredentials[0].Cryptosuite);
        Assert.True(verdict.NestedCredentials[1].HasReason(ReasonCodes.SignatureInvalid));
        Assert.True(verdict.NestedCredentials[2].SignatureValid);
        Assert.True(verdict.NestedCredentials[2].HasReason(ReasonCodes.KeyNotBound));
        Assert.Equal(["SQL for Analysts"], verdict.Achievements.Select(a => a.Name));
        Assert.Equal(2, verdict.Reasons.Count(r => r.Code == ReasonCodes.NestedCredentialInvalid));
    }

    private static JsonObject Achievement(JsonObject credential, string id, string name)
    {
        credential["credentialSubject"]!["achievement"]!["id"] = "https://example.edu/achievements/" + id;
        credential["credentialSubject"]!["achievement"]!["name"] = name;
        return credential;
    }

    private static JsonObject Clr(string issuer, params JsonObject[] bundled) => new()
    {
        ["@context"] = new JsonArray("https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json",
            "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"),
        ["id"] = "urn:uuid:" + Guid.NewGuid(),
        ["type"] = new JsonArray("VerifiableCredential", "ClrCredential"),
        ["issuer"] = new JsonObject { ["id"] = issuer, ["type"] = new JsonArray("Profile"), ["name"] = "Provincial Registrar" },
        ["name"] = "Transcript",
        ["validFrom"] = Ob3.Date(FixedClock.Default.AddDays(-5)),
        ["credentialSubject"] = new JsonObject
        {
            ["id"] = Ob3.Learner,
            ["type"] = new JsonArray("ClrSubject"),
            ["verifiableCredential"] = new JsonArray([.. bundled]),
        },
    };

    [Fact]
    public async Task Baked_svg_badge_with_a_data_integrity_proof_is_verified()
    {
        using var key = TestKey.Ed25519();
        var signed = DataIntegritySigner.Sign(Ob3.Credential(key.DidKey), key);
        var svg = $"""<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0"><openbadges:credential><![CDATA[{signed.ToJsonString()}]]></openbadges:credential></svg>""";

        var verdict = await VerifyAsync(svg);

        Assert.Equal(CredentialContainer.Svg, verdict.Container);
        Assert.True(verdict.IsVerified, string.Join("; ", verdict.Reasons.Select(r => r.Message)));
        Assert.Equal("eddsa-rdfc-2022", verdict.Cryptosuite);
    }
}

/// <summary>Hostile Data Integrity input ends with a reason, quickly, never an exception.</summary>
public sealed class DataIntegrityBadInputTests : CredentialTestHost
{
    [Fact]
    public async Task Blank_node_clique_is_refused_as_too_complex_without_hanging()
    {
        using var key = TestKey.Ed25519();
        var credential = Ob3.Credential(key.DidKey);
        var clique = new JsonArray();
        for (var i = 0; i < 10; i++)
        {
            var others = new JsonArray();
            for (var j = 0; j < 10; j++)
                if (j != i) others.Add(new JsonObject { ["@id"] = $"_:n{j}" });
            clique.Add(new JsonObject { ["@id"] = $"_:n{i}", ["https://example.org/related"] = others });
        }
        credential["credentialSubject"]!["https://example.org/related"] = clique;
        credential["proof"] = new JsonObject
        {
            ["type"] = "DataIntegrityProof", ["cryptosuite"] = "eddsa-rdfc-2022", ["verificationMethod"] = key.DidKeyMethod,
            ["proofPurpose"] = "assertionMethod", ["proofValue"] = "z5a",
        };
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var verdict = await VerifyAsync(credential.ToJsonString());

        Assert.False(verdict.IsVerified);
        Assert.True(verdict.HasReason(ReasonCodes.CanonicalizationTooComplex), string.Join("; ", verdict.Reasons.Select(r => $"{r.Code}: {r.Message}")));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task Deeply_nested_credential_is_refused_as_malformed()
    {
        using var key = TestKey.Ed25519();
        var credential = Ob3.Credential(key.DidKey);
        JsonObject inner = new() { ["name"] = "bottom" };
        for (var i = 0; i < 200; i++) inner = new JsonObject { ["nested"] = inner };
        credential["credentialSubject"]!["deep"] = inner;
        credential["proof"] = new JsonObject { ["type"] = "DataIntegrityProof", ["cryptosuite"] = "eddsa-rdfc-2022", ["proofValue"] = "z5a" };

        var verdict = await VerifyAsync(credential.ToJsonString(new System.Text.Json.JsonSerializerOptions { MaxDepth = 512 }));

        Assert.False(verdict.IsVerified);
        Assert.NotEmpty(verdict.Reasons);
    }

    [Fact]
    public void Operator_context_whose_digest_does_not_match_stops_start_up()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, """{"@context":{"x":"https://example.org/x"}}""");
            var files = new[] { new SkillsMatch.Credentials.LinkedData.ContextFile("https://example.org/ctx", path, new string('0', 64)) };
            Assert.Throws<InvalidOperationException>(() => new SkillsMatch.Credentials.LinkedData.ContextStore(files));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
