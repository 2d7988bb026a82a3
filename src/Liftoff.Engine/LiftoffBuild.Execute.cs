using System.Runtime.InteropServices;
using Liftoff.Engine.Internal;
using Liftoff.Engine.Internal.Output;
using Liftoff.Engine.Internal.Parameters;
using Liftoff.Engine.IO;

namespace Liftoff.Engine;

/// <summary>The entry points: NUKE's synchronous <c>Execute&lt;Build&gt;(x =&gt; x.Compile)</c>, and an async one taking the arguments.</summary>
public abstract partial class LiftoffBuild
{
    /// <summary>Runs the build for this process, reading its arguments, as NUKE's <c>public static int Main() =&gt; Execute&lt;Build&gt;(x =&gt; x.Compile);</c>.</summary>
    public static int Execute<T>(params Func<T, Target>[] defaultTargets) where T : LiftoffBuild, new() =>
        Execute(Environment.GetCommandLineArgs().Skip(1).ToArray(), defaultTargets).GetAwaiter().GetResult();

    /// <summary>Runs the build for this process: real arguments, environment, console, Ctrl-C and SIGTERM.</summary>
    public static async Task<int> Execute<T>(string[] args, params Func<T, Target>[] defaultTargets)
        where T : LiftoffBuild, new()
    {
        var environment = ParameterSources.ProcessEnvironment();
        // The context exists before the build object, so its field initializers see the run's root and host.
        var root = AbsolutePath.Create(ProcessRootDirectory());
        new BuildContext(root, environment, Internal.Hosts.HostDetector.Detect(environment), new SecretMasker()).Enter();
        var build = new T();

        var masked = new MaskingWriter(System.Console.Out, build.Secrets);
        System.Console.SetOut(masked);
        var maskedErrors = new MaskingWriter(System.Console.Error, build.Secrets);
        System.Console.SetError(maskedErrors);

        using var cancellation = new CancellationTokenSource();
        PosixSignal? received = null;
        void OnSignal(PosixSignalContext context)
        {
            // The first SIGINT (Ctrl-C) or SIGTERM (how CI cancels) cancels the running target, which releases what it holds
            // and lets the summary print; a second one is left to the runtime, which ends the process at once.
            if (cancellation.IsCancellationRequested) return;
            context.Cancel = true;
            received = context.Signal;
            cancellation.Cancel();
        }
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);

        var invocation = new BuildInvocation(args, environment, masked, !System.Console.IsOutputRedirected, root)
        {
            Error = maskedErrors,
            IsErrorTerminal = !System.Console.IsErrorRedirected,
        };
        var exitCode = await build.RunAsync(invocation, defaultTargets.Select(select => select(build)).ToArray(), cancellation.Token);
        masked.Complete();
        maskedErrors.Complete();
        // As shells report a process ended by a signal: 128 + its number (SIGINT 2: 130, SIGTERM 15: 143).
        return exitCode == BuildRunner.Cancelled && received == PosixSignal.SIGTERM ? BuildRunner.Terminated : exitCode;
    }
}
