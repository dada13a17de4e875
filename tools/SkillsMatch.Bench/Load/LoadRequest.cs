using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace SkillsMatch.Bench.Load;

/// <summary>
/// One kind of request in the load mix ("match", "search", "extract" …), how often it is sent, and optionally what
/// to note from its answer (<see cref="Observe"/> gets the status, 0 for a transport failure, and the body).
/// </summary>
public sealed record LoadRequest(
    string Kind, int Weight, Func<LoadWorker, HttpRequestMessage> Create, Action<LoadWorker, HttpRequestMessage, int, string>? Observe = null);

/// <summary>One closed-loop client: its index and its own seeded random source (never shared between workers).</summary>
public sealed record LoadWorker(int Index, Random Random);

internal static class Requests
{
    public static HttpRequestMessage Get(string path, string key) => WithKey(new HttpRequestMessage(HttpMethod.Get, path), key);

    public static HttpRequestMessage Send<T>(HttpMethod method, string path, string key, T body) =>
        WithKey(new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) }, key);

    public static T Pick<T>(this Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private static HttpRequestMessage WithKey(HttpRequestMessage request, string key)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return request;
    }
}
