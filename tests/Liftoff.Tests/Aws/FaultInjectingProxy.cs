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
    /// <summary>Stop listening, as a local AWS that was stopped: this request's connection is dropped, later ones are refused.</summary>
    StopListening,
}

internal sealed record ProxiedRequest(int Sequence, string Operation, Fault Fault, bool ReachedMoto);

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

    public FaultInjectingProxy(string motoEndpoint, Func<int, string, Fault> decide)
    {
        _decide = decide;
        _moto = new HttpClient { BaseAddress = new Uri(motoEndpoint) };
        var port = MotoServer.FreePort();
        Endpoint = $"http://127.0.0.1:{port}";
        _listener.Prefixes.Add(Endpoint + "/");
        _listener.Start();
        _loop = Task.Run(AcceptAsync);
    }

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

        var reached = fault is Fault.None or Fault.LoseResponse;
        _log.Enqueue(new ProxiedRequest(sequence, operation, fault, reached));
        if (fault == Fault.StopListening)
        {
            _listener.Stop();
            context.Response.Abort();
            return;
        }
        if (reached)
        {
            var answer = await ForwardAsync(context.Request, body.ToArray());
            if (fault == Fault.None)
            {
                await RelayAsync(answer, context.Response);
                return;
            }
        }
        await FailAsync(context.Response, fault == Fault.Throttle ? Fault.Throttle : fault == Fault.InternalError ? Fault.InternalError : Fault.Unavailable, query);
    }

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

    private enum Protocol { RestJson, Json, Query }

    private static async Task FailAsync(HttpListenerResponse response, Fault fault, Protocol protocol)
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
        if (protocol == Protocol.Query)
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
        var bytes = Encoding.UTF8.GetBytes(body);
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
