using Liftoff.Building;
using Liftoff.Engine;
using Liftoff.Invoking.Local;

namespace Liftoff.Components;

/// <summary>
/// node and python3 standing in for Lambda's runtimes, to run released code on this machine for a local AWS
/// (Invoke, SmokeTest). Its per-user cache holds the SDK that Lambda's Node.js runtime provides and the code folders.
/// </summary>
public interface IHazLambdaRuntimes : ILiftoffBuild
{
    LambdaRuntimeCache LambdaRuntimes => Cached(() => new LambdaRuntimeCache(LambdaRuntimeCache.DefaultDirectory, new ConsoleLineWriter(Console)));
}
