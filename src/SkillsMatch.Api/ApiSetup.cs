using Scalar.AspNetCore;
using SkillsMatch.Api.Access;
using SkillsMatch.Api.Errors;
using SkillsMatch.Api.Telemetry;

namespace SkillsMatch.Api;

/// <summary>What the API adds to <c>AddSkillsMatch</c>: HTTP limits, errors as ProblemDetails, JSON, validation, access, OpenAPI.</summary>
public static class ApiSetup
{
    public static void AddSkillsMatchApi(this WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = RequestBodyLimit.MaxBytes);
        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Instance ??= context.HttpContext.Request.Path;
            context.ProblemDetails.Extensions.TryAdd("traceId", context.HttpContext.TraceIdentifier);
            ValidationErrorNames.UseJsonNames(context.ProblemDetails);
        });
        builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
        builder.Services.ConfigureHttpJsonOptions(json =>
            json.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase)));
        builder.Services.AddValidation();
        builder.AddAccess();
        builder.AddTelemetry();
        // After the demo load's hosted service (AddDemoData comes first), so every demo learner gets a key.
        builder.Services.AddHostedService<KeyBootstrap>();
        builder.Services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "SkillsMatch API";
            document.Info.Description =
                "Verified microcredentials and job postings on one skills taxonomy, matched by an explained embedding-plus-ranking pipeline.";
            // So /docs can send a key: every endpoint but the public ones needs one (see the README's access section).
            document.Components ??= new Microsoft.OpenApi.OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, Microsoft.OpenApi.IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[ApiKeyAuthenticationHandler.SchemeName] = new Microsoft.OpenApi.OpenApiSecurityScheme
            {
                Type = Microsoft.OpenApi.SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "An API key (sm_…) as 'Authorization: Bearer <key>' or 'X-Api-Key: <key>'.",
            };
            return Task.CompletedTask;
        }));
    }

    /// <summary>The OpenAPI document and its reference page at /docs, both public (/ belongs to the web app).</summary>
    public static void MapApiDocs(this WebApplication app)
    {
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference("/docs").AllowAnonymous();
    }
}
