using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using SkillsMatch.Access;
using SkillsMatch.Tests.Credentials;
using SkillsMatch.Tests.Support;

namespace SkillsMatch.Tests.Trust;

/// <summary>
/// Issue 15, holder binding by e-mail with the SMTP sender (Credentials:Holder:EmailSender=smtp): MailKit delivers the
/// one-time code to a real SMTP server on loopback; the code verifies the address, expires, allows five attempts, and
/// the answer to "send a code" is the same whether the mail server accepts the address, refuses it, or another learner has it.
/// </summary>
public sealed partial class SmtpEmailCodeTests : IAsyncLifetime
{
    private const string From = "SkillsMatch test <codes@skillsmatch.test>";
    private readonly FixedClock clock = new(FixedClock.Default);
    private LoopbackSmtpServer smtp = null!;
    private ApiFactory baseFactory = null!;
    private WebApplicationFactory<Program> api = null!;
    private HttpClient admin = null!;

    public async Task InitializeAsync()
    {
        smtp = LoopbackSmtpServer.Start();
        baseFactory = new ApiFactory(await TestDatabase.ConnectionStringAsync(), new Dictionary<string, string>
        {
            ["Credentials:Holder:EmailSender"] = "smtp",
            ["Credentials:Holder:Smtp:Host"] = "127.0.0.1",
            ["Credentials:Holder:Smtp:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Credentials:Holder:Smtp:Security"] = "None",
            ["Credentials:Holder:Smtp:From"] = From,
            ["Credentials:Recheck:Enabled"] = "false",
        });
        api = baseFactory.WithWebHostBuilder(host => host.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(clock)));
        admin = await ClientAsync(Role.Admin);
    }

    public async Task DisposeAsync()
    {
        admin.Dispose();
        await api.DisposeAsync();
        await baseFactory.DisposeAsync();
        await smtp.DisposeAsync();
    }

    private async Task<HttpClient> ClientAsync(Role role, Guid? learnerId = null)
    {
        var key = await api.Services.GetRequiredService<ApiKeyStore>().CreateAsync(new NewApiKey(role, learnerId, null, "test"));
        var client = api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key.Secret);
        return client;
    }

    private async Task<(Guid Id, HttpClient Client)> LearnerAsync(string? staffSetEmail = null)
    {
        var created = await admin.PostAsJsonAsync("/learners", new { displayName = "Smtp learner", email = staffSetEmail });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        return (id, await ClientAsync(Role.Learner, id));
    }

    private static string Address(string prefix = "holder-") => $"{prefix}{Guid.NewGuid():N}@example.org";

    private static Task<HttpResponseMessage> SendCodeAsync(HttpClient learner, Guid id, string address) =>
        learner.PostAsJsonAsync($"/learners/{id}/holder/emails", new { address });

    private static Task<HttpResponseMessage> VerifyAsync(HttpClient learner, Guid id, string address, string code) =>
        learner.PostAsJsonAsync($"/learners/{id}/holder/emails/verify", new { address, code });

    private async Task<string> CodeSentToAsync(string address)
    {
        var message = await smtp.NextAsync();
        Assert.Equal(address, Assert.Single(message.To.Mailboxes).Address);
        return SixDigits().Match(message.TextBody ?? "").Value;
    }

    private static string Wrong(string code) => code == "000000" ? "111111" : "000000";

    [Fact]
    public async Task The_code_arrives_by_smtp_and_verifies_the_address()
    {
        var (id, learner) = await LearnerAsync();
        var address = Address();

        Assert.Equal(HttpStatusCode.Accepted, (await SendCodeAsync(learner, id, address)).StatusCode);

        var message = await smtp.NextAsync();
        Assert.Equal(address, Assert.Single(message.To.Mailboxes).Address);
        Assert.Equal("codes@skillsmatch.test", Assert.Single(message.From.Mailboxes).Address);
        Assert.Equal("Your SkillsMatch verification code", message.Subject);
        var code = SixDigits().Match(message.TextBody ?? "").Value;
        Assert.Matches(@"^\d{6}$", code);
        Assert.Contains(address, message.TextBody ?? "", StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.BadRequest, (await VerifyAsync(learner, id, address, Wrong(code))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await VerifyAsync(learner, id, address, code)).StatusCode);
        var identities = await (await learner.GetAsync($"/learners/{id}/holder")).Content.ReadAsStringAsync();
        Assert.Contains(address, identities, StringComparison.Ordinal);
        // The code is spent: using it again proves nothing more.
        Assert.Equal(HttpStatusCode.BadRequest, (await VerifyAsync(learner, id, address, code)).StatusCode);
    }

    [Fact]
    public async Task An_smtp_code_expires_and_runs_out_of_attempts_with_the_answer_an_unknown_address_gets()
    {
        var (id, learner) = await LearnerAsync();
        var address = Address();

        await SendCodeAsync(learner, id, address);
        var expiring = await CodeSentToAsync(address);
        clock.Now = clock.Now.AddMinutes(16);
        var expired = await VerifyAsync(learner, id, address, expiring);

        await SendCodeAsync(learner, id, address);
        var code = await CodeSentToAsync(address);
        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.BadRequest, (await VerifyAsync(learner, id, address, Wrong(code))).StatusCode);
        var exhausted = await VerifyAsync(learner, id, address, code);
        var unknown = await VerifyAsync(learner, id, Address(), code);

        var details = new List<string>();
        foreach (var answer in new[] { expired, exhausted, unknown })
        {
            Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
            details.Add((await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()!);
        }
        Assert.Single(details.Distinct());
    }

    [Fact]
    public async Task Sending_a_code_answers_alike_whether_the_mail_server_accepts_refuses_or_another_learner_has_the_address()
    {
        var taken = Address();
        await LearnerAsync(staffSetEmail: taken);
        var (id, learner) = await LearnerAsync();
        var accepted = Address();
        var refused = Address(LoopbackSmtpServer.RefusedPrefix);

        var answers = new List<(HttpStatusCode Status, string Body)>();
        foreach (var address in new[] { accepted, refused, taken })
        {
            var response = await SendCodeAsync(learner, id, address);
            answers.Add((response.StatusCode, (await response.Content.ReadAsStringAsync()).Replace(address, "ADDRESS", StringComparison.Ordinal)));
        }

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Accepted, a.Status));
        Assert.Single(answers.Select(a => a.Body).Distinct());
        var delivered = new[] { await smtp.NextAsync(), await smtp.NextAsync() }.Select(m => m.To.Mailboxes.Single().Address).Order(StringComparer.Ordinal);
        Assert.Equal(new[] { accepted, taken }.Order(StringComparer.Ordinal), delivered);
        Assert.Empty(smtp.Drain());
    }

    [GeneratedRegex(@"\b\d{6}\b")]
    private static partial Regex SixDigits();
}
