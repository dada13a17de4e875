using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace SkillsMatch.Credentials.Holder;

/// <summary>
/// Sends through an SMTP server (<c>Credentials:Holder:Smtp</c>) with MailKit: STARTTLS when offered, or TLS on connect.
/// A server that is down, refuses the recipient or the login ends in <see cref="EmailNotSentException"/>.
/// </summary>
public sealed class SmtpEmailSender(SmtpOptions options) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken ct)
    {
        try
        {
            await DeliverAsync(message, ct);
        }
        catch (Exception e) when (e is CommandException or ProtocolException or MailKit.Security.AuthenticationException or SslHandshakeException
                                      or ServiceNotConnectedException or IOException or SocketException or TimeoutException
                                  || (e is OperationCanceledException && !ct.IsCancellationRequested))
        {
            throw new EmailNotSentException($"SMTP {options.Host}:{options.Port}: {e.Message}", e);
        }
    }

    private async Task DeliverAsync(EmailMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        var mime = new MimeMessage();
        mime.From.Add(MailboxAddress.Parse(options.From));
        mime.To.Add(MailboxAddress.Parse(message.Address));
        mime.Subject = message.Subject;
        mime.Body = new TextPart("plain") { Text = message.Body };
        using var client = new SmtpClient();
        client.Timeout = (int)options.Timeout.TotalMilliseconds;
        await client.ConnectAsync(options.Host, options.Port, options.Security, ct);
        if (!string.IsNullOrEmpty(options.User)) await client.AuthenticateAsync(options.User, options.Password ?? "", ct);
        await client.SendAsync(mime, ct);
        await client.DisconnectAsync(true, ct);
    }
}

/// <summary>Where <see cref="SmtpEmailSender"/> sends: <c>Credentials:Holder:Smtp</c>.</summary>
public sealed record SmtpOptions
{
    public string Host { get; init; } = "localhost";
    public int Port { get; init; } = 587;
    public SecureSocketOptions Security { get; init; } = SecureSocketOptions.StartTlsWhenAvailable;
    public string? User { get; init; }
    public string? Password { get; init; }
    public string From { get; init; } = "SkillsMatch <no-reply@skillsmatch.local>";
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(20);
}
