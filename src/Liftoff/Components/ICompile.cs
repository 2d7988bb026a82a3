using Liftoff.Engine;
using Liftoff.Testing;

namespace Liftoff.Components;

public interface ICompile : IHazEnvironment
{
    Target Compile => _ => _
        .Description("Builds the .NET solution and the selected projects (--project), and lints their templates")
        .Executes(async ct =>
        {
            ProjectStages.Validate(this);
            var solution = new DotNetSolution(RootDirectory, Console);
            if (solution.Exists) await solution.BuildAsync(ct);
            await ProjectStages.CompileAsync(this, ct);
        });
}
