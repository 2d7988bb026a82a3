using System.Text.Json;
using Liftoff.Invoking;
using Liftoff.Invoking.Local;
using Liftoff.Packaging;
using Liftoff.Tests.Packaging;

namespace Liftoff.Tests.Invoking;

/// <summary>
/// One invocation in a real node or python3 process, as Lambda runs it: the handler styles each runtime allows,
/// Lambda's environment and context, errors as Lambda reports them, and the timeout.
/// </summary>
public sealed class LocalFunctionRunnerTests : IDisposable
{
    private readonly TempTree _code = new();
    private readonly LocalFunctionRunner _runner = new(new LambdaRuntimeCache(LambdaRuntimeCache.DefaultDirectory, TextWriter.Null));

    public void Dispose() => _code.Dispose();

    private LocalFunction Function(string runtime, string handler, int timeoutSeconds = 5)
    {
        var environment = new LambdaEnvironment("shop-local-lambda-api", "eu-west-1", runtime, handler, 256,
            new Dictionary<string, string> { ["TABLE_NAME"] = "shop-local-dynamodb-orders" }) { Version = "7" };
        return new LocalFunction(
            environment with { Session = LocalSession.For(environment, "http://127.0.0.1:4599", LambdaRuntimeCache.DefaultDirectory) },
            _code.Root, TimeSpan.FromSeconds(timeoutSeconds), "arn:aws:lambda:eu-west-1:123456789012:function:shop-local-lambda-api:live");
    }

    private Task<InvocationResult> InvokeAsync(LocalFunction function, string eventJson = """{"name":"ada"}""") =>
        _runner.InvokeAsync(function, eventJson, CancellationToken.None);

    [Fact]
    public async Task An_async_node_handler_sees_lambdas_environment_and_context_and_its_result_comes_back()
    {
        _code.File("index.js", """
            exports.handler = async (event, context) => {
              console.log('hello', event.name);
              const env = {};
              for (const name of ['AWS_REGION', 'AWS_DEFAULT_REGION', 'AWS_LAMBDA_FUNCTION_NAME', 'AWS_LAMBDA_FUNCTION_VERSION',
                'AWS_LAMBDA_FUNCTION_MEMORY_SIZE', '_HANDLER', 'LAMBDA_TASK_ROOT', 'TABLE_NAME', 'AWS_ENDPOINT_URL', 'AWS_ACCESS_KEY_ID', 'HOME_SECRET'])
                env[name] = process.env[name] ?? null;
              return { env, name: event.name, functionName: context.functionName, memory: context.memoryLimitInMB,
                arn: context.invokedFunctionArn, requestId: context.awsRequestId, remaining: context.getRemainingTimeInMillis() };
            };
            """);
        Environment.SetEnvironmentVariable("HOME_SECRET", "must-not-leak");

        var result = await InvokeAsync(Function("nodejs22.x", "index.handler"));

        Assert.False(result.Failed, result.Payload);
        var answer = JsonDocument.Parse(result.Payload).RootElement;
        var env = answer.GetProperty("env");
        Assert.Equal("eu-west-1", env.GetProperty("AWS_REGION").GetString());
        Assert.Equal("eu-west-1", env.GetProperty("AWS_DEFAULT_REGION").GetString());
        Assert.Equal("shop-local-lambda-api", env.GetProperty("AWS_LAMBDA_FUNCTION_NAME").GetString());
        Assert.Equal("7", env.GetProperty("AWS_LAMBDA_FUNCTION_VERSION").GetString());
        Assert.Equal("256", env.GetProperty("AWS_LAMBDA_FUNCTION_MEMORY_SIZE").GetString());
        Assert.Equal("index.handler", env.GetProperty("_HANDLER").GetString());
        Assert.Equal(_code.Root, env.GetProperty("LAMBDA_TASK_ROOT").GetString());
        Assert.Equal("shop-local-dynamodb-orders", env.GetProperty("TABLE_NAME").GetString());
        Assert.Equal("http://127.0.0.1:4599", env.GetProperty("AWS_ENDPOINT_URL").GetString());
        Assert.Equal(LocalSession.AccessKeyId, env.GetProperty("AWS_ACCESS_KEY_ID").GetString());
        Assert.Equal(JsonValueKind.Null, env.GetProperty("HOME_SECRET").ValueKind);
        Assert.Equal("ada", answer.GetProperty("name").GetString());
        Assert.Equal("shop-local-lambda-api", answer.GetProperty("functionName").GetString());
        Assert.Equal("256", answer.GetProperty("memory").GetString());
        Assert.EndsWith(":function:shop-local-lambda-api:live", answer.GetProperty("arn").GetString());
        Assert.Equal(result.RequestId, answer.GetProperty("requestId").GetString());
        Assert.InRange(answer.GetProperty("remaining").GetInt32(), 1, 5000);
        Assert.Contains(result.Logs, l => l.EndsWith("\tINFO\thello ada", StringComparison.Ordinal) && l.Contains(result.RequestId));
    }

    [Fact]
    public async Task A_callback_style_node_handler_answers_through_the_callback()
    {
        _code.File("handlers/orders.js", """
            module.exports.list = (event, context, callback) => {
              setTimeout(() => callback(null, { orders: [event.name] }), 10);
            };
            """);

        var result = await InvokeAsync(Function("nodejs20.x", "handlers/orders.list"));

        Assert.False(result.Failed, result.Payload);
        Assert.Equal("""{"orders":["ada"]}""", result.Payload);
    }

    [Fact]
    public async Task Es_modules_load_as_mjs_files_and_as_js_in_a_module_package()
    {
        _code.File("app.mjs", "export const handler = async (event) => ({ kind: 'mjs', name: event.name });\n");
        _code.File("pkg/package.json", """{ "type": "module" }""");
        _code.File("pkg/main.js", "export async function handler(event) { return { kind: 'module js', name: event.name }; }\n");

        var mjs = await InvokeAsync(Function("nodejs22.x", "app.handler"));
        var moduleJs = await InvokeAsync(Function("nodejs22.x", "pkg/main.handler"));

        Assert.Equal("""{"kind":"mjs","name":"ada"}""", mjs.Payload);
        Assert.Equal("""{"kind":"module js","name":"ada"}""", moduleJs.Payload);
    }

    [Fact]
    public async Task A_node_handler_error_comes_back_as_lambda_reports_it()
    {
        _code.File("index.js", """
            class PaymentDeclined extends Error { constructor(m) { super(m); this.name = 'PaymentDeclined'; } }
            exports.handler = async () => { throw new PaymentDeclined('card 4242 declined'); };
            """);

        var result = await InvokeAsync(Function("nodejs22.x", "index.handler"));

        Assert.Equal("Unhandled", result.FunctionError);
        Assert.Equal("PaymentDeclined", result.Error!.ErrorType);
        Assert.Equal("card 4242 declined", result.Error.ErrorMessage);
        Assert.Contains(result.Error.StackTrace, frame => frame.Contains("index.js:2"));
        Assert.Equal("PaymentDeclined", JsonDocument.Parse(result.Payload).RootElement.GetProperty("errorType").GetString());
    }

    [Theory]
    [InlineData("nodejs22.x", "index.handler", "index.js", "exports.other = async () => 1;\n",
        "Runtime.HandlerNotFound", "index.handler is undefined or not exported")]
    [InlineData("python3.12", "app.handler", "app.py", "import not_installed_anywhere\n\ndef handler(event, context):\n    return 1\n",
        "Runtime.ImportModuleError", "Unable to import module 'app'")]
    public async Task A_handler_that_cannot_be_loaded_is_reported_as_lambda_does(
        string runtime, string handler, string file, string code, string errorType, string message)
    {
        _code.File(file, code);

        var result = await InvokeAsync(Function(runtime, handler));

        Assert.Equal(errorType, result.Error!.ErrorType);
        Assert.Contains(message, result.Error.ErrorMessage);
    }

    [Theory]
    [InlineData("nodejs22.x", "index.handler", "index.js", "exports.handler = async () => { while (true) { } };\n")]
    [InlineData("python3.12", "app.handler", "app.py", "import time\n\ndef handler(event, context):\n    time.sleep(60)\n")]
    public async Task Past_its_timeout_a_busy_or_sleeping_function_is_killed_and_the_result_says_it_timed_out(
        string runtime, string handler, string file, string code)
    {
        _code.File(file, code);

        var result = await InvokeAsync(Function(runtime, handler, timeoutSeconds: 1));

        Assert.True(result.TimedOut);
        Assert.Equal("Unhandled", result.FunctionError);
        Assert.Equal("Sandbox.Timedout", result.Error!.ErrorType);
        Assert.EndsWith("Task timed out after 1.00 seconds", result.Error.ErrorMessage);
    }

    [Fact]
    public async Task A_python_handler_sees_lambdas_environment_and_context_and_logs_through_lambdas_logger()
    {
        _code.File("app.py", """
            import logging, os
            logger = logging.getLogger()
            logger.setLevel(logging.INFO)

            def handler(event, context):
                logger.info("registering %s", event["name"])
                print("plain print")
                names = ["AWS_REGION", "AWS_DEFAULT_REGION", "AWS_LAMBDA_FUNCTION_NAME", "_HANDLER", "LAMBDA_TASK_ROOT", "TABLE_NAME", "AWS_ENDPOINT_URL"]
                return {"env": {n: os.environ.get(n) for n in names}, "remaining": context.get_remaining_time_in_millis(),
                        "requestId": context.aws_request_id, "memory": context.memory_limit_in_mb}
            """);

        var result = await InvokeAsync(Function("python3.12", "app.handler"));

        Assert.False(result.Failed, result.Payload);
        var answer = JsonDocument.Parse(result.Payload).RootElement;
        Assert.Equal("eu-west-1", answer.GetProperty("env").GetProperty("AWS_DEFAULT_REGION").GetString());
        Assert.Equal("app.handler", answer.GetProperty("env").GetProperty("_HANDLER").GetString());
        Assert.Equal("shop-local-dynamodb-orders", answer.GetProperty("env").GetProperty("TABLE_NAME").GetString());
        Assert.Equal("http://127.0.0.1:4599", answer.GetProperty("env").GetProperty("AWS_ENDPOINT_URL").GetString());
        Assert.Equal(256, answer.GetProperty("memory").GetInt32());
        Assert.InRange(answer.GetProperty("remaining").GetInt32(), 1, 5000);
        Assert.Contains(result.Logs, l => l.StartsWith("[INFO]\t", StringComparison.Ordinal) && l.EndsWith($"\t{result.RequestId}\tregistering ada", StringComparison.Ordinal));
        Assert.Contains("plain print", result.Logs);
    }

    [Fact]
    public async Task A_python_handler_error_comes_back_with_its_own_frames()
    {
        _code.File("app.py", """
            def handler(event, context):
                raise ValueError("no media item " + event["name"])
            """);

        var result = await InvokeAsync(Function("python3.12", "app.handler"));

        Assert.Equal("ValueError", result.Error!.ErrorType);
        Assert.Equal("no media item ada", result.Error.ErrorMessage);
        var frame = Assert.Single(result.Error.StackTrace);
        Assert.Contains("app.py\", line 2, in handler", frame);
    }
}
