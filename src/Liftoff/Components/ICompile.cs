using Liftoff.Engine;
using Liftoff.Testing;

namespace Liftoff.Components;

public interface ICompile : ILiftoffBuild
{
    Target Compile => _ => _
        .Description("Builds the .NET solution")
        .Executes(async ct =>
        {
            var solution = new DotNetSolution(RootDirectory, Console);
            if (solution.Exists) await solution.BuildAsync(ct);
        });
}
