using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Serialization;
using SkillsMatch.Credentials;

namespace SkillsMatch.Cli;

/// <summary><c>skillsmatch credentials verify FILE|URL</c>: the verdict, every reason, exit 0 only when verified.</summary>
public static class CredentialCommands
{
    public static Command Create()
    {
        var input = new Argument<string>("credential") { Description = "A file (JSON, VC-JWT, baked PNG or SVG, OB 2.0 JWS) or an https URL of a hosted OB 2.0 assertion" };
        var did = new Option<string?>("--recipient-did") { Description = "The learner's DID the credential must be issued to" };
        var email = new Option<string?>("--recipient-email") { Description = "The learner's email, checked against a hashed identifier" };
        var verify = new Command("verify", "Verify an Open Badges 2.0/3.0 or CLR 2.0 credential: signature, issuer key binding, validity, status, recipient.")
            { input, did, email };
        verify.SetAction(async (parse, ct) =>
        {
            var source = parse.GetValue(input)!;
            using var http = new CredentialHttpClient(new CredentialHttpOptions());
            var verifier = new CredentialVerifier(http);
            var recipient = parse.GetValue(did) is null && parse.GetValue(email) is null ? null : new ExpectedRecipient(parse.GetValue(did), parse.GetValue(email));
            CredentialVerdict verdict;
            if (Uri.TryCreate(source, UriKind.Absolute, out var url) && url.Scheme is "https" or "http")
                verdict = await verifier.VerifyHostedAsync(url, recipient, ct);
            else if (File.Exists(source))
            {
                if (new FileInfo(source).Length > 4 * 1024 * 1024) throw new CliException($"{source} is larger than 4 MB; no credential is that large.");
                verdict = await verifier.VerifyAsync(await File.ReadAllBytesAsync(source, ct), recipient, ct);
            }
            else throw new CliException($"{source} is neither a file nor an http(s) URL.");

            Console.WriteLine(JsonSerializer.Serialize(verdict, Json));
            Console.Error.WriteLine(verdict.IsVerified ? "verified" : $"NOT verified: {string.Join("; ", verdict.Reasons.Select(r => r.Message))}");
            return verdict.IsVerified ? 0 : 3;
        });
        var credentials = new Command("credentials", "Open Badges and CLR credentials.");
        credentials.Subcommands.Add(verify);
        return credentials;
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
