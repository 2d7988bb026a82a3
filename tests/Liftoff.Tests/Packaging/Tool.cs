using CliWrap;
using CliWrap.Buffered;

namespace Liftoff.Tests.Packaging;

/// <summary>Info-ZIP's own tools: an independent reader of the archives Liftoff writes.</summary>
public static class Tool
{
    public static async Task<BufferedCommandResult> RunAsync(string program, params string[] args)
    {
        return await Cli.Wrap(program).WithArguments(args).WithValidation(CommandResultValidation.None).ExecuteBufferedAsync();
    }

    public static async Task<string> OkAsync(string program, params string[] args)
    {
        var result = await RunAsync(program, args);
        Assert.True(result.ExitCode == 0, $"{program} {string.Join(' ', args)} exited {result.ExitCode}:\n{result.StandardOutput}\n{result.StandardError}");
        return result.StandardOutput;
    }
}
