using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using SkillsMatch.Access;
using SkillsMatch.Tests.Support;

namespace SkillsMatch.Tests.Assistant;

/// <summary>
/// The real API with its chat model replaced by <see cref="ScriptedChat"/> (swapped per test) and every log line it
/// writes kept, so a test can show that no learner data reached the log.
/// </summary>
public abstract class AssistantHost : IAsyncLifetime
{
    private readonly SwappableChat chat = new();
    private ApiFactory baseFactory = null!;

    protected Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> Host { get; private set; } = null!;
    protected ApiFactory Api => baseFactory;
    protected ConcurrentQueue<string> Logged { get; } = new();

    public async Task InitializeAsync()
    {
        await ShippedTaxonomy.IdAsync();
        baseFactory = new ApiFactory(await TestDatabase.ConnectionStringAsync());
        Host = baseFactory.WithWebHostBuilder(host => host
            .ConfigureTestServices(services => services
                .AddSingleton<IChatCompletionService>(chat)
                .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(new KeptLogs(Logged)))));
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await baseFactory.DisposeAsync();
    }

    protected ScriptedChat Script(params ScriptStep[] steps) => chat.Current = new ScriptedChat(steps);

    protected async Task<(CreatedApiKey Key, HttpClient Client)> KeyAsync(Role role, Guid? learner = null, string? subject = null)
    {
        var key = await Api.CreateKeyAsync(role, learner, subject);
        var client = Host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key.Secret);
        return (key, client);
    }

    /// <summary>One chat turn; the server-sent events as (event, data).</summary>
    protected static async Task<IReadOnlyList<(string Event, JsonElement Data)>> ChatAsync(HttpClient client, object body)
    {
        using var response = await client.PostAsJsonAsync("/assistant/chat", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {text}");
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var events = new List<(string, JsonElement)>();
        foreach (var block in text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
        {
            var lines = block.Split('\n');
            var type = lines.FirstOrDefault(l => l.StartsWith("event: ", StringComparison.Ordinal))?[7..] ?? "message";
            var data = string.Concat(lines.Where(l => l.StartsWith("data: ", StringComparison.Ordinal)).Select(l => l[6..]));
            events.Add((type, JsonDocument.Parse(data).RootElement.Clone()));
        }
        return events;
    }

    internal static async Task<Guid> PostingAsync(string owner, string title, string description)
    {
        await using var conn = await (await TestDatabase.MigratedDataSourceAsync()).OpenConnectionAsync();
        return await conn.ExecuteScalarAsync<Guid>("""
            INSERT INTO job_postings (external_id, title, description, source, owner, region)
            VALUES ('assistant:' || gen_random_uuid(), @title, @description, '{}', @owner, 'CA-ON') RETURNING id
            """, new { title, description, owner });
    }

    internal static async Task<string> PostingStatusAsync(Guid posting)
    {
        await using var conn = await (await TestDatabase.MigratedDataSourceAsync()).OpenConnectionAsync();
        return await conn.ExecuteScalarAsync<string>("SELECT status FROM job_postings WHERE id = @posting", new { posting }) ?? "";
    }

    private sealed class SwappableChat : IChatCompletionService
    {
        public ScriptedChat Current { get; set; } = new();

        public IReadOnlyDictionary<string, object?> Attributes => Current.Attributes;

        public Task<IReadOnlyList<ChatMessageContent>> GetChatMessageContentsAsync(
            ChatHistory chatHistory, PromptExecutionSettings? executionSettings = null, Kernel? kernel = null, CancellationToken cancellationToken = default) =>
            Current.GetChatMessageContentsAsync(chatHistory, executionSettings, kernel, cancellationToken);

        public IAsyncEnumerable<StreamingChatMessageContent> GetStreamingChatMessageContentsAsync(
            ChatHistory chatHistory, PromptExecutionSettings? executionSettings = null, Kernel? kernel = null, CancellationToken cancellationToken = default) =>
            Current.GetStreamingChatMessageContentsAsync(chatHistory, executionSettings, kernel, cancellationToken);
    }

    private sealed class KeptLogs(ConcurrentQueue<string> kept) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger(kept, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(ConcurrentQueue<string> kept, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                kept.Enqueue($"{category}: {formatter(state, exception)} {exception}");
        }
    }
}
