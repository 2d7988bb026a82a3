using Amazon.Runtime;
using Liftoff.Aws.Lambda;
using Liftoff.Aws.Lambda.Model;
using Liftoff.Configuration;
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
                plans.Add(new(function.FunctionName, false, true, null, $"created by the stack; {function.AliasName} created on its first version"));
                continue;
            }
            var alias = await GetAliasAsync(function.FunctionName, function.AliasName, cancellationToken);
            var codeChanges = config.CodeSha256 != function.CodeSha256;
            var action = function.AliasOwner switch
            {
                AliasOwner.CodeDeploy => $"the stack publishes; CodeDeploy shifts {function.AliasName} (DeploymentPreference)",
                AliasOwner.Template => $"the stack publishes and moves {function.AliasName} (AutoPublishAlias)",
                _ => LiftoffAction(request, function, codeChanges, alias?.FunctionVersion),
            };
            plans.Add(new(function.FunctionName, true, codeChanges, alias?.FunctionVersion, action));
        }
        return plans;
    }

    private static string LiftoffAction(RolloutRequest request, FunctionDeployment function, bool codeChanges, string? live)
    {
        var aliasName = function.AliasName;
        return (codeChanges, live) switch
        {
            (true, null) => $"update code, publish, create {aliasName}",
            (true, "$LATEST") => $"update code, publish, move {aliasName} from $LATEST",
            (true, var version) => $"update code, publish, move {aliasName} from {version}: {request.Rollout}",
            (false, null) => $"publish (if not yet), create {aliasName}",
            (false, var version) => $"publish (if not yet); {aliasName} stays on {version} if that is this code",
        };
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
