using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SkillsMatch.Tests.Credentials;

/// <summary>
/// A real Kestrel server on 127.0.0.1 and a free port that serves whatever a test puts at a path: DID documents,
/// JWKS, status lists, OB 2.0 assertions. Everything else is 404.
/// </summary>
public sealed class CredentialServer : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, (int Status, string ContentType, byte[] Body)> _routes = new(StringComparer.Ordinal);
    private WebApplication? _app;

    public string BaseUrl { get; private set; } = "";

    /// <summary>did:web for this server's root (did.json at /.well-known/did.json), port percent-encoded per did:web §3.2.</summary>
    public string DidWeb => "did:web:" + new Uri(BaseUrl).Authority.Replace(":", "%3A", StringComparison.Ordinal);

    public static async Task<CredentialServer> StartAsync()
    {
        var server = new CredentialServer();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.Run(server.HandleAsync);
        await app.StartAsync();
        server._app = app;
        server.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        return server;
    }

    public string Url(string path) => BaseUrl + path;

    public string Serve(string path, string body, string contentType = "application/json", int status = 200)
    {
        _routes[path] = (status, contentType, Encoding.UTF8.GetBytes(body));
        return Url(path);
    }

    /// <summary>Publishes a did:web DID document for the server root listing <paramref name="keys"/> as assertion methods (key-0, key-1 …).</summary>
    public string PublishDidWeb(params TestKey[] keys) => PublishDidWeb(["assertionMethod"], keys);

    /// <summary>Publishes a did:web DID document listing <paramref name="keys"/> (key-0, key-1 …) under each of <paramref name="relationships"/>.</summary>
    public string PublishDidWeb(IReadOnlyList<string> relationships, params TestKey[] keys)
    {
        var did = DidWeb;
        var methods = new JsonArray();
        var document = new JsonObject
        {
            ["@context"] = new JsonArray("https://www.w3.org/ns/did/v1"),
            ["id"] = did,
            ["verificationMethod"] = methods,
        };
        for (int i = 0; i < keys.Length; i++)
            methods.Add(new JsonObject { ["id"] = $"{did}#key-{i}", ["type"] = "JsonWebKey", ["controller"] = did, ["publicKeyJwk"] = keys[i].PublicJwk() });
        foreach (var relationship in relationships)
            document[relationship] = new JsonArray([.. Enumerable.Range(0, keys.Length).Select(i => (JsonNode)$"{did}#key-{i}")]);
        Serve("/.well-known/did.json", document.ToJsonString(), "application/did+json");
        return did;
    }

    private async Task HandleAsync(HttpContext context)
    {
        if (!_routes.TryGetValue(context.Request.Path.Value ?? "", out var route))
        {
            context.Response.StatusCode = 404;
            return;
        }
        context.Response.StatusCode = route.Status;
        context.Response.ContentType = route.ContentType;
        await context.Response.Body.WriteAsync(route.Body);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }
}
