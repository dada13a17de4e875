using System.Net.Http.Json;

namespace SkillsMatch.Cli.Load;

/// <summary>One kind of request in the load mix ("match", "search", "extract" …) and how often it is sent.</summary>
public sealed record LoadRequest(string Kind, int Weight, Func<Random, HttpRequestMessage> Create);

internal static class Requests
{
    public static HttpRequestMessage Get(string path) => new(HttpMethod.Get, path);

    public static HttpRequestMessage Post<T>(string path, T body) => new(HttpMethod.Post, path) { Content = JsonContent.Create(body) };

    public static T Pick<T>(this Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
