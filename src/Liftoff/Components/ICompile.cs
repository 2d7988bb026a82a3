using Liftoff.Engine;

namespace Liftoff.Components;

public interface ICompile : IHazEnvironment
{
    Target Compile => _ => _
        // The .NET solution is built by Test, which is the only stage that uses it: a deploy needs the
        // serverless projects built, not Liftoff's own test projects.
        .Description("Builds the selected projects (--project) and lints their templates")
        .Executes(async ct =>
        {
            ProjectStages.Validate(this);
            await ProjectStages.CompileAsync(this, ct);
        });
}
