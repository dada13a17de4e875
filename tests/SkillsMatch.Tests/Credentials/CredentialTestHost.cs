using SkillsMatch.Credentials;

namespace SkillsMatch.Tests.Credentials;

/// <summary>Per test class: a loopback server for DID documents and status lists, and a verifier allowed to reach it.</summary>
public abstract class CredentialTestHost : IAsyncLifetime
{
    protected CredentialServer Server { get; private set; } = null!;
    protected CredentialHttpClient Http { get; private set; } = null!;
    protected FixedClock Clock { get; } = new(FixedClock.Default);
    protected CredentialVerifier Verifier { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await CredentialServer.StartAsync();
        Http = new CredentialHttpClient(new CredentialHttpOptions { AllowLoopback = true, AllowHttp = true, Timeout = TimeSpan.FromSeconds(3) });
        Verifier = new CredentialVerifier(Http, time: Clock);
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
    }

    /// <summary>Publishes a did:web DID document for the server root listing <paramref name="keys"/> as assertion methods.</summary>
    protected string PublishDidWeb(params TestKey[] keys) => Server.PublishDidWeb(keys);

    protected Task<CredentialVerdict> VerifyAsync(string input, ExpectedRecipient? recipient = null) => Verifier.VerifyAsync(input, recipient);
}
