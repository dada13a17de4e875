using System.ComponentModel.DataAnnotations;
using System.Net.ServerSentEvents;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;
using SkillsMatch.Access;
using SkillsMatch.Api.Access;
using SkillsMatch.Api.Errors;

namespace SkillsMatch.Api.Assistant;

/// <summary>
/// SkillsMatch for AI assistants, under the caller's own rights: the MCP server at /mcp, a chat at POST /assistant/chat
/// against the operator's model, and the key owner's switch for tools that change data.
/// </summary>
public static class AssistantApi
{
    public const int MaxMessageLength = 4000;

    public static void AddAssistant(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<AssistantOptions>().BindConfiguration("Assistant").ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<AssistantOptions>>().Value);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<EndpointRules>();
        services.AddSingleton<AssistantWriteGrants>();
        services.AddSingleton<Conversations>();
        var options = builder.Configuration.GetSection("Assistant").Get<AssistantOptions>() ?? new AssistantOptions();
        if (options.IsConfigured)
            // Any OpenAI-compatible server (Ollama, vLLM, Azure OpenAI's v1 API …); local servers take any key.
            services.AddSingleton<IChatCompletionService>(sp => new OpenAIChatCompletionService(options.Model!,
                new OpenAI.OpenAIClient(new System.ClientModel.ApiKeyCredential(string.IsNullOrEmpty(options.ApiKey) ? "none" : options.ApiKey),
                    new OpenAI.OpenAIClientOptions { Endpoint = new Uri(options.Endpoint!) }),
                sp.GetService<ILoggerFactory>()));
        services.AddAssistantMcp();
    }

    public static IEndpointRouteBuilder MapAssistant(this IEndpointRouteBuilder app)
    {
        app.MapAssistantMcp();
        var group = app.MapGroup("/assistant").WithTags("Assistant").RequireAuthorization().ProducesCommonProblems();
        group.MapPost("/chat", Chat).ProducesBodyProblems().ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict)
            .WithSummary("Ask the assistant (server-sent events: conversation, text, tool, done). It uses this key's tools only; 503 until the operator configures a model.");
        group.MapGet("/writes", GetWrites).WithSummary("Whether assistants may use this key's tools that change data.");
        group.MapPut("/writes", SetWrites).ProducesBodyProblems().WithSummary("Let assistants use this key's tools that change data (each call still needs confirm: true), or stop them.");
        return app;
    }

    public static async Task<Results<ServerSentEventsResult<ChatEvent>, ProblemHttpResult>> Chat(
        ChatRequest request, HttpContext http, IServiceProvider services, Conversations conversations, AssistantOptions options, ILogger<ChatRequest> logger)
    {
        if (services.GetService<IChatCompletionService>() is not { } chat)
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Assistant not configured",
                detail: "No chat model is configured. The operator sets Assistant__Endpoint (an OpenAI-compatible base URL, e.g. " +
                        "http://localhost:11434/v1 for Ollama or a vLLM server), Assistant__Model (e.g. llama3.1) and, if the endpoint needs one, " +
                        "Assistant__ApiKey, then restarts SkillsMatch. MCP clients can use the same tools at /mcp meanwhile.");
        var message = request.Message!;
        if (string.IsNullOrWhiteSpace(message) || message.Length > MaxMessageLength)
            return TypedResults.Problem(statusCode: 400, title: "Invalid message", detail: $"The message is 1 to {MaxMessageLength} characters.");
        var caller = Caller.From(http.User)!;
        var conversation = request.ConversationId is { } id
            ? conversations.Find(id, caller.KeyId)
            : conversations.Start(caller.KeyId, AssistantChat.Instructions(caller));
        if (conversation is null)
            return TypedResults.Problem(statusCode: 404, title: "Conversation not found",
                detail: "This key has no such conversation (it may have been forgotten after being idle); start a new one without conversationId.");
        if (!await conversation.Turn.WaitAsync(TimeSpan.FromSeconds(30), http.RequestAborted))
            return TypedResults.Problem(statusCode: 409, title: "Turn in progress", detail: "The conversation is still answering the previous message.");
        if (conversation.Turns >= options.MaxTurns)
        {
            conversation.Turn.Release();
            return TypedResults.Problem(statusCode: 409, title: "Conversation full",
                detail: $"A conversation holds {options.MaxTurns} turns; start a new one without conversationId.");
        }
        var context = ToolContext.For(http, writesConfirmed: request.Confirm == true);
        return TypedResults.ServerSentEvents(AssistantChat.Run(chat, context, conversation, message, options, logger));
    }

    public static async Task<Ok<WritesSetting>> GetWrites(HttpContext http, AssistantWriteGrants grants, CancellationToken ct) =>
        TypedResults.Ok(new WritesSetting(await grants.IsEnabledAsync(Caller.From(http.User)!.KeyId, ct)));

    public static async Task<Ok<WritesSetting>> SetWrites(WritesSetting setting, HttpContext http, AssistantWriteGrants grants, CancellationToken ct)
    {
        await grants.SetAsync(Caller.From(http.User)!.KeyId, setting.Enabled, ct);
        return TypedResults.Ok(setting);
    }
}

/// <param name="Message">What the person asks, 1 to 4000 characters.</param>
/// <param name="ConversationId">Continue this conversation (from the first event of an earlier answer); leave out to start one.</param>
/// <param name="Confirm">The person confirms, in this turn, the change the assistant proposed; without it no tool changes data.</param>
public sealed record ChatRequest([property: Required, StringLength(AssistantApi.MaxMessageLength, MinimumLength = 1)] string? Message, Guid? ConversationId, bool? Confirm);

public sealed record WritesSetting(bool Enabled);
