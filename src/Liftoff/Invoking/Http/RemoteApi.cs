using System.Net.Http.Headers;
using System.Text;

namespace Liftoff.Invoking.Http;

/// <summary>A deployed API on AWS, called at its URL (the stack's apiUrl output) with a real HTTP request.</summary>
public sealed class RemoteApi(HttpClient http, Uri baseUrl) : IHttpTarget
{
    public string Description => baseUrl.ToString();

    public async Task<(ApiResponse Response, InvocationResult? Invocation)> SendAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        // The check's path is below the API's URL, stage included (https://…/prod + /health).
        var target = new Uri(baseUrl.ToString().TrimEnd('/') + request.PathAndQuery);
        using var message = new HttpRequestMessage(new HttpMethod(request.Method), target);
        string? contentType = null;
        foreach (var (name, value) in request.HeaderValues)
            if (string.Equals(name, "content-type", StringComparison.OrdinalIgnoreCase)) contentType = value;
            else message.Headers.TryAddWithoutValidation(name, value);
        if (request.Body is not null)
        {
            message.Content = new StringContent(request.Body, Encoding.UTF8);
            message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType ?? "application/json");
        }
        using var response = await http.SendAsync(message, cancellationToken);
        var headers = response.Headers.Concat(response.Content.Headers)
            .ToDictionary(h => h.Key, h => (IReadOnlyList<string>)h.Value.ToList(), StringComparer.OrdinalIgnoreCase);
        return (new ApiResponse((int)response.StatusCode, headers, await response.Content.ReadAsStringAsync(cancellationToken)), null);
    }
}
