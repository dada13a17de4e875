namespace SkillsMatch.Credentials.Holder;

/// <summary>
/// Sends the service's e-mails (one-time codes). Two backends, chosen by <c>Credentials:Holder:EmailSender</c>: the outbox
/// (the run command's default: the learner's practitioner and the log read it) and SMTP through MailKit.
/// </summary>
public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken ct);
}
