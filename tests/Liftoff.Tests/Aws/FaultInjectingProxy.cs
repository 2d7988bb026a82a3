using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Liftoff.Aws.Local;

namespace Liftoff.Tests.Aws;

/// <summary>What the proxy does with one request.</summary>
internal enum Fault
{
    /// <summary>Forward to moto and relay its answer.</summary>
    None,
    /// <summary>Answer a throttling error without forwarding (429 ThrottlingException; awsQuery: 400 Throttling).</summary>
    Throttle,
    /// <summary>Answer 500 without forwarding.</summary>
    InternalError,
    /// <summary>Answer 503 without forwarding.</summary>
    Unavailable,
    /// <summary>Forward to moto (so the call takes effect), then answer 503 as if the response were lost.</summary>
    LoseResponse,
    /// <summary>Drop the connection part way through the answer (a reset), without forwarding.</summary>
    Reset,
    /// <summary>Stop listening, as a local AWS that was stopped: this request's connection is dropped, later ones are refused.</summary>
    StopListening,
}

/// <summary>One request as the proxy saw it; <see cref="Status"/> is moto's answer when it reached moto (0 otherwise).</summary>
internal sealed record ProxiedRequest(int Sequence, string Operation, Fault Fault, bool ReachedMoto)
{
    public int Status { get; init; }

    /// <summary>The request's method and path (S3: /bucket/key), whatever its operation is named.</summary>
    public string Target { get; init; } = "";

    /// <summary>The service the request was signed for (s3, lambda, cloudformation, ...), from its credential scope.</summary>
    public string Service { get; init; } = "";
}

/// <summary>
/// A loopback HTTP proxy in front of moto that answers chosen requests with throttling and server
/// errors in each protocol's wire format, and logs which requests reached moto.
/// </summary>
internal sealed class FaultInjectingProxy : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly HttpClient _moto;
    private readonly Func<int, string, Fault> _decide;
    private readonly ConcurrentQueue<ProxiedRequest> _log = new();
    private readonly Task _loop;
    private int _sequence;

    /// <param name="port">Where to listen (bench/reliability puts it on the local AWS's port); a free one when null.</param>
    public FaultInjectingProxy(string motoEndpoint, Func<int, string, Fault> decide, int? port = null)
    {
        _decide = decide;
        _moto = new HttpClient { BaseAddress = new Uri(motoEndpoint) };
        port ??= MotoServer.FreePort();
        Endpoint = $"http://127.0.0.1:{port}";
        _listener.Prefixes.Add(Endpoint + "/");
        _listener.Start();
        _loop = Task.Run(AcceptAsync);
    }

    /// <summary>
    /// Fails <paramref name="percent"/>% of requests with the given faults in turn, spread by a hash of the request's number
    /// so that the pattern does not follow the protocol's rhythm (a retry is a new number, so it may fail again).
    /// </summary>
    public static Func<int, string, Fault> Spread(int percent, params Fault[] kinds) => (sequence, _) =>
    {
        var hash = (uint)sequence * 2654435761u;
        return hash % 100 < percent ? kinds[hash / 100 % (uint)kinds.Length] : Fault.None;
    };

    public string Endpoint { get; }
    public IReadOnlyList<ProxiedRequest> Log => _log.ToList();

    public int ReachedMoto(string operation) => Log.Count(r => r.Operation == operation && r.ReachedMoto);

    private async Task AcceptAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }
            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        using var body = new MemoryStream();
        await context.Request.InputStream.CopyToAsync(body);
        var text = Encoding.UTF8.GetString(body.ToArray());
        var operation = Operation(context.Request, text);
        var sequence = Interlocked.Increment(ref _sequence);
        var fault = _decide(sequence, operation);
        var query = context.Request.Headers["X-Amz-Target"] is null && !text.Contains("Action=") ? Protocol.RestJson
            : context.Request.Headers["X-Amz-Target"] is null ? Protocol.Query : Protocol.Json;

        var service = Service(context.Request);
        if (service == "s3") query = Protocol.RestXml;

        var reached = fault is Fault.None or Fault.LoseResponse;
        var logged = new ProxiedRequest(sequence, operation, fault, reached)
        {
            Target = $"{context.Request.HttpMethod} {context.Request.Url!.AbsolutePath}",
            Service = service,
        };
        if (fault == Fault.StopListening)
        {
            _log.Enqueue(logged);
            _listener.Stop();
            context.Response.Abort();
            return;
        }
        if (fault == Fault.Reset)
        {
            _log.Enqueue(logged);
            await ResetAsync(context.Response);
            return;
        }
        if (reached)
        {
            var answer = await ForwardAsync(context.Request, body.ToArray());
            _log.Enqueue(logged with { Status = (int)answer.StatusCode });
            if (fault == Fault.None)
            {
                await RelayAsync(answer, context.Response);
                return;
            }
            answer.Dispose();
        }
        else
        {
            _log.Enqueue(logged);
        }
        await FailAsync(context.Response, fault == Fault.Throttle ? Fault.Throttle : fault == Fault.InternalError ? Fault.InternalError : Fault.Unavailable, query,
            context.Request.HttpMethod == "HEAD");
    }

    /// <summary>
    /// The connection drops before the answer is whole. HttpListener cannot reset a connection outright (Abort sends an
    /// empty 200, which a PUT takes for success), so a load balancer's 502 promises a body and breaks off: the client
    /// reads an I/O error ("the response ended prematurely"), as it does when a connection is reset.
    /// </summary>
    private static async Task ResetAsync(HttpListenerResponse response)
    {
        response.StatusCode = 502;
        response.ContentLength64 = 1024;
        await response.OutputStream.WriteAsync(new byte[16]);
        await response.OutputStream.FlushAsync();
        response.Abort();
    }

    /// <summary>The signing name in the Authorization header's credential scope (.../us-east-1/s3/aws4_request).</summary>
    private static string Service(HttpListenerRequest request) =>
        request.Headers["Authorization"] is { } authorization && authorization.Split('/') is { Length: > 3 } parts ? parts[3] : "";

    private static string Operation(HttpListenerRequest request, string body)
    {
        if (request.Headers["X-Amz-Target"] is { } target)
            return target.Split('.').Last();
        var action = body.Split('&').FirstOrDefault(p => p.StartsWith("Action=", StringComparison.Ordinal));
        return action is not null ? action["Action=".Length..] : $"{request.HttpMethod} {request.Url!.AbsolutePath}";
    }

    private async Task<HttpResponseMessage> ForwardAsync(HttpListenerRequest request, byte[] body)
    {
        var forward = new HttpRequestMessage(new HttpMethod(request.HttpMethod), request.Url!.PathAndQuery);
        if (body.Length > 0 || request.HttpMethod is "POST" or "PUT")
            forward.Content = new ByteArrayContent(body);
        foreach (var name in request.Headers.AllKeys.OfType<string>())
        {
            if (name is "Host" or "Content-Length" or "Connection" or "Expect") continue;
            var value = request.Headers[name]!;
            if (!forward.Headers.TryAddWithoutValidation(name, value))
                forward.Content?.Headers.TryAddWithoutValidation(name, value);
        }
        return await _moto.SendAsync(forward);
    }

    private static async Task RelayAsync(HttpResponseMessage answer, HttpListenerResponse response)
    {
        using (answer)
        {
            response.StatusCode = (int)answer.StatusCode;
            foreach (var (name, values) in answer.Headers.Concat(answer.Content.Headers))
                if (name is not ("Transfer-Encoding" or "Content-Length" or "Connection" or "Server" or "Date"))
                    response.Headers[name] = string.Join(",", values);
            var bytes = await answer.Content.ReadAsByteArrayAsync();
            // A HEAD answer has no body but says the object's length, as S3 does.
            response.ContentLength64 = answer.RequestMessage?.Method == HttpMethod.Head ? answer.Content.Headers.ContentLength ?? 0 : bytes.Length;
            if (bytes.Length > 0) await response.OutputStream.WriteAsync(bytes);
            response.Close();
        }
    }

    private enum Protocol { RestJson, Json, Query, RestXml }

    private static async Task FailAsync(HttpListenerResponse response, Fault fault, Protocol protocol, bool head)
    {
        var (status, code, message) = fault switch
        {
            Fault.Throttle => (protocol == Protocol.Query ? 400 : 429, protocol == Protocol.Query ? "Throttling" : "ThrottlingException", "Rate exceeded"),
            Fault.InternalError => (500, protocol == Protocol.Query ? "InternalFailure" : "ServiceException", "We encountered an internal error. Please try again."),
            _ => (503, "ServiceUnavailable", "Service is unavailable. Please try again."),
        };
        response.StatusCode = status;
        response.Headers["x-amzn-RequestId"] = Guid.NewGuid().ToString();
        string body;
        if (protocol == Protocol.RestXml)
        {
            // S3 says "slow down" with 503 SlowDown (it has no 429), and a server error is InternalError.
            (response.StatusCode, code) = fault switch
            {
                Fault.Throttle => (503, "SlowDown"),
                Fault.InternalError => (500, "InternalError"),
                _ => (503, "ServiceUnavailable"),
            };
            response.ContentType = "application/xml";
            body = $"<Error><Code>{code}</Code><Message>{message}</Message><RequestId>fault</RequestId></Error>";
        }
        else if (protocol == Protocol.Query)
        {
            response.ContentType = "text/xml";
            body = $"<ErrorResponse><Error><Type>{(status < 500 ? "Sender" : "Receiver")}</Type><Code>{code}</Code><Message>{message}</Message></Error><RequestId>fault</RequestId></ErrorResponse>";
        }
        else
        {
            response.ContentType = protocol == Protocol.Json ? "application/x-amz-json-1.1" : "application/json";
            response.Headers["X-Amzn-ErrorType"] = code;
            body = $$"""{"__type":"{{code}}","message":"{{message}}"}""";
        }
        // A HEAD's answer has no body, errors included.
        var bytes = head ? [] : Encoding.UTF8.GetBytes(body);
        response.ContentLength64 = bytes.Length;
        await response.OutputStream.WriteAsync(bytes);
        response.Close();
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _loop;
        _moto.Dispose();
    }
}
