using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;

namespace SkillsMatch.Credentials.Holder;

/// <summary>
/// A learner proves an address is theirs with a six-digit one-time code sent to it: only the code's hash is kept, it
/// expires, a code allows a few attempts, and every answer is the same whether or not the address exists anywhere.
/// </summary>
public sealed class EmailVerification(HolderStore store, IEmailSender sender, HolderOptions options, TimeProvider time, ILogger<EmailVerification> logger)
{
    /// <summary>
    /// Sends a code to <paramref name="address"/> unless one went out moments ago or it is already verified. A message the
    /// sender could not hand over is logged, not reported: whether a mail server knows an address is not ours to reveal.
    /// </summary>
    public async Task SendCodeAsync(Guid learnerId, string address, CancellationToken ct)
    {
        var normalized = Normalize(address);
        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        var now = time.GetUtcNow();
        if (!await store.SetCodeAsync(learnerId, normalized, Hash(learnerId, normalized, code), now, now + options.CodeLifetime,
                options.CodeAttempts, options.ResendAfter, ct))
            return;
        var message = new EmailMessage(learnerId, normalized, "Your SkillsMatch verification code",
            $"Your code is {code}. It confirms {normalized} for your SkillsMatch profile and expires in {(int)options.CodeLifetime.TotalMinutes} minutes. "
            + "If you did not ask for it, ignore this message.");
        try
        {
            await sender.SendAsync(message, ct);
        }
        catch (EmailNotSentException e)
        {
            logger.LogWarning(e, "The one-time code for learner {LearnerId} to {Address} was not sent: {Reason}", learnerId, normalized, e.Message);
        }
    }

    /// <summary>True when <paramref name="code"/> is the address's live code; the address is then verified.</summary>
    public async Task<bool> ConfirmAsync(Guid learnerId, string address, string code, CancellationToken ct)
    {
        var normalized = Normalize(address);
        var now = time.GetUtcNow();
        var stored = await store.SpendAttemptAsync(learnerId, normalized, now, ct);
        if (stored is null || !CryptographicOperations.FixedTimeEquals(stored, Hash(learnerId, normalized, code.Trim()))) return false;
        await store.MarkVerifiedAsync(learnerId, normalized, now, ct);
        return true;
    }

    public static string Normalize(string address) => address.Trim().ToLowerInvariant();

    /// <summary>A plausible single address (one @, something on each side, no spaces or angle brackets), not a full RFC 5322 parse.</summary>
    public static bool LooksLikeAddress(string? address) =>
        address is { Length: > 2 and <= 254 } a && a.Count(c => c == '@') == 1 && a.IndexOf('@', StringComparison.Ordinal) is > 0 and var at
        && at < a.Length - 1 && !a.Any(c => char.IsWhiteSpace(c) || c is '<' or '>' or ',' or ';' or '"');

    private static byte[] Hash(Guid learnerId, string address, string code) =>
        SHA256.HashData(Encoding.UTF8.GetBytes($"{learnerId:N}\n{address}\n{code}"));
}
