using System.Buffers;
using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;
using MimeKit;
using SmtpServer;
using SmtpServer.ComponentModel;
using SmtpServer.Mail;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace SkillsMatch.Tests.Trust;

/// <summary>
/// A real SMTP server (the SmtpServer library) on a free loopback port: MailKit speaks SMTP to it over TCP, and every
/// message it accepts is parsed with MimeKit and queued for the test. Like a real mail server it refuses recipients it
/// has no mailbox for (550): here those whose local part starts with <see cref="RefusedPrefix"/>.
/// </summary>
public sealed class LoopbackSmtpServer : IAsyncDisposable
{
    public const string RefusedPrefix = "nobody-";

    private readonly Channel<MimeMessage> received = Channel.CreateUnbounded<MimeMessage>();
    private readonly CancellationTokenSource stop = new();
    private readonly Task running;

    private LoopbackSmtpServer(int port)
    {
        Port = port;
        var options = new SmtpServerOptionsBuilder().ServerName("localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, port))).Build();
        var services = new ServiceProvider();
        services.Add(new Store(received.Writer));
        services.Add(new Mailboxes());
        running = new SmtpServer.SmtpServer(options, services).StartAsync(stop.Token);
    }

    public int Port { get; }

    public static LoopbackSmtpServer Start()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return new LoopbackSmtpServer(port);
    }

    /// <summary>The next message the server accepted, or a failed test after <paramref name="timeout"/>.</summary>
    public async Task<MimeMessage> NextAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(15));
        return await received.Reader.ReadAsync(cts.Token);
    }

    /// <summary>Every message accepted and not yet read.</summary>
    public IReadOnlyList<MimeMessage> Drain()
    {
        var messages = new List<MimeMessage>();
        while (received.Reader.TryRead(out var message)) messages.Add(message);
        return messages;
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        try { await running; } catch (OperationCanceledException) { }
        stop.Dispose();
    }

    private sealed class Store(ChannelWriter<MimeMessage> writer) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            await writer.WriteAsync(await MimeMessage.LoadAsync(stream, cancellationToken), cancellationToken);
            return SmtpResponse.Ok;
        }
    }

    private sealed class Mailboxes : MailboxFilter
    {
        public override Task<bool> CanDeliverToAsync(ISessionContext context, IMailbox to, IMailbox from, CancellationToken cancellationToken) =>
            Task.FromResult(!to.User.StartsWith(RefusedPrefix, StringComparison.OrdinalIgnoreCase));
    }
}
