using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace SkillsMatch.Tests.Credentials.Storage;

/// <summary>Forged, malformed or withdrawn credentials: 422 with the reason, and the learner's rows exactly as before.</summary>
[Collection(StoredCredentialsGroup.Name)]
public sealed class LearnerCredentialRejectionTests
{
    private const string LearnerEmail = "ada@example.org";
    private readonly CredentialApiFixture f;

    public LearnerCredentialRejectionTests(CredentialApiFixture fixture)
    {
        f = fixture;
        f.Clock.Now = FixedClock.Default;
    }

    public static TheoryData<string> Cases =>
    [
        "tampered", "wrong-key", "key-not-bound", "alg-none", "private-jwk", "revoked",
        "malformed-json", "malformed-png", "malformed-svg", "oversized", "unsigned-json", "unreachable-hosted-url",
    ];

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Bad_credential_is_refused_with_its_reason_and_changes_nothing(string @case)
    {
        var learner = await f.CreateLearnerAsync(LearnerEmail);
        using var issuer = TestKey.Ed25519();
        await f.RegisterIssuerAsync(issuer.DidKey, trusted: true);
        var accepted = await f.SubmitAsync(learner, issuer.Sign(Ob3.Payload(f.SkillsCredential(issuer.DidKey)), kid: issuer.DidKeyMethod));
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        var before = await f.CountsAsync(learner);

        var (body, mediaType, reason) = Build(@case, issuer);
        var response = await f.SubmitAsync(learner, body, mediaType);
        if (@case == "oversized")
        {
            // Over the API's 1 MB body limit the request is refused before the verifier sees it (its own
            // input-too-large check guards the CLI and fetched credentials: BakedAndMalformedInputTests).
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(before, await f.CountsAsync(learner));
            return;
        }

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await CredentialApiFixture.JsonAsync(response);
        Assert.Contains(problem.GetProperty("reasons").EnumerateArray(), r => r.GetProperty("code").GetString() == reason);
        Assert.Contains("nothing was stored", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await f.CountsAsync(learner));
    }

    [Fact]
    public async Task Unsupported_content_type_and_empty_body_are_client_errors()
    {
        var learner = await f.CreateLearnerAsync();

        var xml = await f.SubmitAsync(learner, "<credential/>", "application/xml");
        var empty = await f.SubmitAsync(learner, "", "application/jwt");
        var badUrl = await f.SubmitAsync(learner, """{"url": "ftp://example.org/a.json"}""", "application/json");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, xml.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badUrl.StatusCode);
        Assert.Equal((0L, 0L), await f.CountsAsync(learner));
    }

    private (byte[] Body, string MediaType, string Reason) Build(string @case, TestKey issuer)
    {
        var credential = f.SkillsCredential(issuer.DidKey);
        string Jwt(JsonObject c) => issuer.Sign(Ob3.Payload(c), kid: issuer.DidKeyMethod);
        static byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);
        switch (@case)
        {
            case "tampered":
            {
                var parts = Jwt(credential).Split('.');
                var changed = Ob3.Payload(credential);
                changed["credentialSubject"]!["achievement"]!["name"] = "Doctor of Medicine";
                return (Utf8($"{parts[0]}.{TestKey.B64(Utf8(changed.ToJsonString()))}.{parts[2]}"), "application/jwt", "signature-invalid");
            }
            case "wrong-key":
            {
                using var impostor = TestKey.Ed25519();
                return (Utf8(impostor.Sign(Ob3.Payload(credential), kid: issuer.DidKeyMethod)), "application/jwt", "signature-invalid");
            }
            case "key-not-bound":
            {
                using var attacker = TestKey.Ed25519();
                return (Utf8(attacker.Sign(Ob3.Payload(credential), jwk: attacker.PublicJwk())), "application/jwt", "key-not-bound");
            }
            case "alg-none":
            {
                var jwt = issuer.Sign(Ob3.Payload(credential), kid: issuer.DidKeyMethod, alg: "none");
                return (Utf8(jwt[..(jwt.LastIndexOf('.') + 1)]), "application/jwt", "alg-not-allowed");
            }
            case "private-jwk":
            {
                var jwk = issuer.PublicJwk();
                jwk["d"] = "c2VjcmV0";
                return (Utf8(issuer.Sign(Ob3.Payload(credential), kid: issuer.DidKeyMethod, jwk: jwk)), "application/jwt", "private-key-in-header");
            }
            case "revoked":
            {
                var url = f.Server.Url($"/status/{Guid.NewGuid():N}");
                f.Server.Serve(new Uri(url).AbsolutePath, StatusLists.ListCredential(url, issuer.DidKey, "revocation", true, 42).ToJsonString());
                credential["credentialStatus"] = StatusLists.Entry(url, "revocation", 42, bitstring: true);
                return (Utf8(Jwt(credential)), "application/jwt", "revoked");
            }
            case "malformed-json":
                return (Utf8("""{"@context": ["https://www.w3.org/ns/credentials/v2"], "type": """), "application/json", "malformed-json");
            case "malformed-png":
                return ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48], "image/png", "malformed-png");
            case "malformed-svg":
                return (Utf8("<svg xmlns=\"http://www.w3.org/2000/svg\"><openbadges:credential>"), "image/svg+xml", "malformed-svg");
            case "oversized":
                return (Utf8("{\"padding\": \"" + new string('a', 1_100_000) + "\"}"), "application/json", "input-too-large");
            case "unsigned-json":
                return (Utf8(credential.ToJsonString()), "application/ld+json", "signature-invalid");
            case "unreachable-hosted-url":
                return (Utf8($$"""{"url": "{{f.Server.Url("/assertions/" + Guid.NewGuid())}}"}"""), "application/json", "fetch-failed");
            default:
                throw new ArgumentOutOfRangeException(nameof(@case), @case, null);
        }
    }
}
