using Microsoft.Extensions.Logging;

namespace SkillsMatch.Credentials.Holder;

/// <summary>The run command's sender: the message goes to the <c>email_outbox</c> table and to the log, not to the internet.</summary>
public sealed class OutboxEmailSender(HolderStore store, ILogger<OutboxEmailSender> logger) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        await store.AddToOutboxAsync(message, ct);
        logger.LogInformation("Outbox: to {Address} (learner {LearnerId}): {Subject} — {Body}", message.Address, message.LearnerId, message.Subject, message.Body);
    }
}
