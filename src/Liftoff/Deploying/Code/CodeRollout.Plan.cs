using Amazon.Runtime;
using Liftoff.Aws.Lambda;
using Liftoff.Aws.Lambda.Model;
using Spectre.Console;

namespace Liftoff.Deploying.Code;

/// <summary>What a rollout would do to one function, read without changing anything (for --dry-run and approval).</summary>
public sealed record FunctionRolloutPlan(string FunctionName, bool Exists, bool CodeChanges, string? LiveVersion, string Action);

public sealed partial class CodeRollout
{
    public async Task<IReadOnlyList<FunctionRolloutPlan>> PlanAsync(RolloutRequest request, CancellationToken cancellationToken)
    {
        var plans = new List<FunctionRolloutPlan>();
        foreach (var function in request.Functions)
        {
            GetFunctionConfigurationResponse? config;
            try
            {
                config = await lambda.GetFunctionConfigurationAsync(
                    new GetFunctionConfigurationRequest { FunctionName = function.FunctionName }, cancellationToken);
            }
            catch (AmazonServiceException e) when (e.ErrorCode == "ResourceNotFoundException")
            {
                config = null;
            }
            if (config is null)
            {
                plans.Add(new(function.FunctionName, false, true, null, $"created by the stack; {request.AliasName} created on its first version"));
                continue;
            }
            var alias = await GetAliasAsync(function.FunctionName, request.AliasName, cancellationToken);
            var codeChanges = config.CodeSha256 != function.CodeSha256;
            var action = (codeChanges, alias?.FunctionVersion) switch
            {
                (true, null) => $"update code, publish, create {request.AliasName}",
                (true, "$LATEST") => $"update code, publish, move {request.AliasName} from $LATEST",
                (true, var live) => $"update code, publish, move {request.AliasName} from {live}: {request.Rollout}",
                (false, null) => $"publish (if not yet), create {request.AliasName}",
                (false, var live) => $"publish (if not yet); {request.AliasName} stays on {live} if that is this code",
            };
            plans.Add(new(function.FunctionName, true, codeChanges, alias?.FunctionVersion, action));
        }
        return plans;
    }

    public static void Write(IAnsiConsole console, IReadOnlyList<FunctionRolloutPlan> plans)
    {
        var table = new Table().Title("[bold]Code rollout[/]").AddColumn("Function").AddColumn("Live").AddColumn("Code").AddColumn("Plan");
        foreach (var p in plans)
            table.AddRow(
                new Text(p.FunctionName),
                new Text(p.LiveVersion ?? "-"),
                new Markup(p.CodeChanges ? "[yellow]changes[/]" : "same"),
                new Text(p.Action));
        console.Write(table);
    }
}
