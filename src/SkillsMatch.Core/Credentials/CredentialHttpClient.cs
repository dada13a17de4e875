using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace SkillsMatch.Credentials;

/// <summary>
/// The one HTTP client credential verification uses. A credential chooses the URLs we fetch, so every
/// connection resolves DNS itself and refuses every special-purpose address (<see cref="AddressPolicy"/>: loopback and
/// the host's own addresses, private, CGNAT, documentation, benchmarking, reserved, multicast, ULA, IPv4-compatible …,
/// unless the options allow loopback/private), checks the connected socket's peer again, follows redirects one hop at a
/// time through the same checks (every new connection goes through them), and bounds time and size. A failure reaches
/// clients as one uniform sentence (<see cref="CredentialFetch.Uniform"/>); its cause goes to the log.
/// </summary>
public sealed class CredentialHttpClient : IDisposable
{
    private readonly HttpClient _client;
    private readonly ILogger _logger;

    public CredentialHttpClient(CredentialHttpOptions? options = null, ILogger<CredentialHttpClient>? logger = null)
    {
        Options = options ?? new CredentialHttpOptions();
        _logger = logger ?? (ILogger)NullLogger.Instance;
        var handler = new SocketsHttpHandler
        {
            // Redirects are followed below, one hop at a time, so the scheme is checked on each hop.
            AllowAutoRedirect = false,
            // A proxy would make the address check meaningless (we would vet the proxy, not the target).
            UseProxy = false,
            AutomaticDecompression = DecompressionMethods.None,
            ConnectTimeout = Options.Timeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            ConnectCallback = ConnectAsync,
        };
        _client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        _client.DefaultRequestHeaders.UserAgent.ParseAdd("SkillsMatch-CredentialVerifier/1.0");
    }

    public CredentialHttpOptions Options { get; }

    public async Task<CredentialFetch> GetAsync(Uri url, CancellationToken cancellationToken)
    {
        var fetch = await FetchAsync(url, cancellationToken);
        if (!fetch.Succeeded)
            _logger.LogInformation("Credential fetch of {Url} failed: {Detail}", url, fetch.Detail);
        return fetch;
    }

    private async Task<CredentialFetch> FetchAsync(Uri url, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Options.Timeout);
        var current = url;
        try
        {
            for (int hop = 0; hop <= Options.MaxRedirects; hop++)
            {
                if (SchemeProblem(current) is { } schemeProblem) return CredentialFetch.Failed(url, schemeProblem);
                using var request = new HttpRequestMessage(HttpMethod.Get, current);
                request.Headers.Accept.ParseAdd("application/json, application/ld+json, application/did+json, application/jwt, */*;q=0.5");
                using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
                if ((int)response.StatusCode is >= 300 and < 400 && response.Headers.Location is { } location)
                {
                    current = location.IsAbsoluteUri ? location : new Uri(current, location);
                    continue;
                }
                var body = await ReadBoundedAsync(response.Content, timeout.Token);
                if (body is null)
                    return CredentialFetch.Failed(url, $"{url} returned more than {Options.MaxResponseBytes / 1024} KB");
                return new CredentialFetch(url, current, (int)response.StatusCode, body, response.Content.Headers.ContentType?.MediaType, null);
            }
            return CredentialFetch.Failed(url, $"{url} redirected more than {Options.MaxRedirects} times");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return CredentialFetch.Failed(url, $"{url} did not answer within {Options.Timeout.TotalSeconds:0.#} s");
        }
        catch (Exception e) when (e is HttpRequestException or SocketException or IOException or ArgumentException or InvalidOperationException)
        {
            return CredentialFetch.Failed(url, $"{url} could not be fetched: {Innermost(e).Message}");
        }
    }

    /// <summary>Whether a connection to <paramref name="address"/> is allowed under <paramref name="options"/>.</summary>
    public static bool IsAllowedAddress(IPAddress address, CredentialHttpOptions options)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentNullException.ThrowIfNull(options);
        return AddressPolicy.Classify(address) switch
        {
            AddressKind.Public => true,
            AddressKind.Loopback => options.AllowLoopback,
            AddressKind.Private => options.AllowPrivate,
            _ => false,
        };
    }

    public void Dispose() => _client.Dispose();

    private string? SchemeProblem(Uri url)
    {
        if (!url.IsAbsoluteUri) return $"{url} is not an absolute URL";
        if (url.Scheme == Uri.UriSchemeHttps) return null;
        if (url.Scheme == Uri.UriSchemeHttp && Options.AllowHttp) return null;
        return $"{url} is not an https URL";
    }

    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var endpoint = context.DnsEndPoint;
        var addresses = await Dns.GetHostAddressesAsync(endpoint.Host, cancellationToken);
        var allowed = addresses.Where(a => IsAllowedAddress(a, Options)).ToArray();
        if (allowed.Length == 0)
            throw new HttpRequestException($"{endpoint.Host} resolves only to addresses credential verification may not contact");
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            // Connect to the vetted addresses only: passing the host name would let the OS resolve it again.
            await socket.ConnectAsync(allowed, endpoint.Port, cancellationToken);
            // And check whom we are actually connected to, on the socket itself (no rebinding, no surprise route).
            if (socket.RemoteEndPoint is not IPEndPoint peer || !IsAllowedAddress(peer.Address, Options))
                throw new HttpRequestException($"{endpoint.Host} connected to {socket.RemoteEndPoint}, an address credential verification may not contact");
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private async Task<byte[]?> ReadBoundedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength > Options.MaxResponseBytes) return null;
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > Options.MaxResponseBytes) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static Exception Innermost(Exception e) => e.InnerException is null ? e : Innermost(e.InnerException);
}
