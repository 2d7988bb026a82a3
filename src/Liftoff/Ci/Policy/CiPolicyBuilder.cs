using System.Text.Json.Nodes;
using Liftoff.Configuration;

namespace Liftoff.Ci.Policy;

/// <summary>A selected project as the policy needs it: its resolved environment and its template's resource types.</summary>
public sealed record PolicyProject(ProjectEnvironment Environment, IReadOnlyCollection<string> ResourceTypes, bool UsesSamTransform);

/// <summary>The CI role's policy, and the resource types of the templates it has no rule for.</summary>
public sealed record CiPolicy(IamPolicy Policy, IReadOnlyList<string> Uncovered);

/// <summary>
/// The least-privilege IAM policy for running Upload, Deploy (dry runs too), Rollback, SmokeTest, InvalidateCdn and
/// Releases on the selected projects of one environment: every resource named as the configuration names it
/// (stacks {project}-{env}, functions {project}-{env}-lambda-*, the artifact bucket and its per-project prefixes),
/// plus what CloudFormation needs for the resource types in the templates.
/// </summary>
public static class CiPolicyBuilder
{
    public static CiPolicy Build(IReadOnlyList<PolicyProject> projects, AwsNames aws)
    {
        var (fromTemplates, uncovered) = TemplateStatements(projects, aws);
        var statements = StorageStatements(projects, aws)
            .Concat(StackStatements(projects, aws))
            .Concat(FunctionStatements(projects, aws))
            .Concat(SiteStatements(projects, aws))
            .Concat(fromTemplates)
            .ToList();
        return new CiPolicy(new IamPolicy(statements), uncovered);
    }

    /// <summary>The artifact bucket: artifacts, templates, kept copies and the ledger under each project's prefix, and its lock.</summary>
    private static IEnumerable<PolicyStatement> StorageStatements(IReadOnlyList<PolicyProject> projects, AwsNames aws)
    {
        var bucket = projects[0].Environment.ArtifactBucket;
        var s3 = $"arn:{aws.Partition}:s3:::{bucket}";
        yield return new("ArtifactBucket",
            ["s3:CreateBucket", "s3:ListBucket", "s3:GetBucketLocation", "s3:PutBucketVersioning", "s3:GetBucketVersioning",
             "s3:PutEncryptionConfiguration", "s3:PutBucketPublicAccessBlock", "s3:PutLifecycleConfiguration"],
            [s3],
            "s3:ListBucket on the whole bucket: S3 answers a missing key with 404 only to a caller who may list the bucket, and " +
            "Upload and the ledger ask whether objects exist.");
        yield return new("ArtifactsTemplatesAndLedger", ["s3:GetObject", "s3:PutObject"],
            projects.SelectMany(p => new[]
            {
                $"{s3}/{p.Environment.Project}/*",
                $"{s3}/templates/{p.Environment.Project}/*",
                $"{s3}/kept/templates/{p.Environment.Project}/*",
                $"{s3}/kept/site/{p.Environment.Project}/*",
                $"{s3}/releases/{p.Environment.Project}/{p.Environment.Environment}/*",
            }).ToList());
        yield return new("DeploymentLock", ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"],
            projects.Select(p => $"{s3}/locks/{p.Environment.Project}/{p.Environment.Environment}.json").ToList());
    }

    /// <summary>The projects' stacks and the change sets Liftoff names.</summary>
    private static IEnumerable<PolicyStatement> StackStatements(IReadOnlyList<PolicyProject> projects, AwsNames aws)
    {
        yield return new("Stacks",
            ["cloudformation:CreateChangeSet", "cloudformation:DescribeChangeSet", "cloudformation:ExecuteChangeSet",
             "cloudformation:DeleteChangeSet", "cloudformation:DescribeStacks", "cloudformation:DescribeStackEvents",
             "cloudformation:DescribeStackResources", "cloudformation:GetTemplate", "cloudformation:UpdateTerminationProtection",
             "cloudformation:DeleteStack", "cloudformation:TagResource"],
            projects.Select(p => aws.Arn("cloudformation", $"stack/{p.Environment.StackName}/*")).ToList());
        yield return new("ChangeSetsNamedByLiftoff",
            ["cloudformation:CreateChangeSet", "cloudformation:DescribeChangeSet", "cloudformation:ExecuteChangeSet", "cloudformation:DeleteChangeSet"],
            [aws.Arn("cloudformation", "changeSet/liftoff-*/*")],
            "A change set's ARN holds its own name and id, not its stack's; Liftoff names every change set liftoff-*, and the " +
            "Stacks statement limits which stacks they can change.");
        if (projects.Any(p => p.UsesSamTransform))
            yield return new("SamTransform", ["cloudformation:CreateChangeSet"],
                [$"arn:{aws.Partition}:cloudformation:{aws.Region}:aws:transform/Serverless-2016-10-31"],
                "The SAM transform is AWS's own resource (account 'aws'), the one ARN it has.");
    }

    /// <summary>The projects' functions, the roles they are given and the alarms a rollout watches.</summary>
    private static IEnumerable<PolicyStatement> FunctionStatements(IReadOnlyList<PolicyProject> projects, AwsNames aws)
    {
        yield return new("Functions",
            ["lambda:GetFunction", "lambda:GetFunctionConfiguration", "lambda:CreateFunction", "lambda:DeleteFunction",
             "lambda:UpdateFunctionCode", "lambda:UpdateFunctionConfiguration", "lambda:PublishVersion", "lambda:ListVersionsByFunction",
             "lambda:GetAlias", "lambda:CreateAlias", "lambda:UpdateAlias", "lambda:DeleteAlias", "lambda:AddPermission",
             "lambda:RemovePermission", "lambda:GetPolicy", "lambda:TagResource", "lambda:UntagResource", "lambda:ListTags",
             "lambda:InvokeFunction"],
            projects.SelectMany(p => new[]
            {
                aws.Arn("lambda", $"function:{p.Environment.StackName}-lambda-*"),
                aws.Arn("lambda", $"function:{p.Environment.StackName}-lambda-*:*"),
            }).ToList());
        yield return new("PassRolesToLambda", ["iam:PassRole"],
            projects.Select(p => aws.Arn("iam", $"role/{p.Environment.StackName}-*", regional: false)).ToList(),
            Condition: new JsonObject { ["StringEquals"] = new JsonObject { ["iam:PassedToService"] = "lambda.amazonaws.com" } });
        if (projects.Any(p => p.Environment.Alarms.Count > 0))
            yield return new("RolloutAlarms", ["cloudwatch:DescribeAlarms"],
                projects.SelectMany(p => p.Environment.Alarms).Select(a => aws.Arn("cloudwatch", $"alarm:{a}")).ToList());
    }

    /// <summary>
    /// The front ends' site buckets. s3:GetObject also covers the copy into kept/site/ of a file a release replaces
    /// (CopyObject reads its source; the artifact bucket's statement lets it write the copy).
    /// </summary>
    private static IEnumerable<PolicyStatement> SiteStatements(IReadOnlyList<PolicyProject> projects, AwsNames aws)
    {
        if (projects.Any(p => p.Environment.FrontEnd is not null))
            yield return new("SiteFiles", ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"],
                projects.Where(p => p.Environment.FrontEnd is not null).Select(p => $"arn:{aws.Partition}:s3:::{p.Environment.StackName}-s3-*/*").ToList());
    }

    private static (List<PolicyStatement>, List<string>) TemplateStatements(IReadOnlyList<PolicyProject> projects, AwsNames aws)
    {
        var rules = new Dictionary<string, (ResourceTypeRules.Rule Rule, List<string> Resources)>(StringComparer.Ordinal);
        var uncovered = new List<string>();
        foreach (var project in projects)
        foreach (var type in project.ResourceTypes.Order(StringComparer.Ordinal))
        {
            var rule = ResourceTypeRules.For(type);
            if (rule is null) uncovered.Add($"{type} ({project.Environment.Project})");
            if (rule is null || rule == ResourceTypeRules.Covered) continue;
            if (!rules.TryGetValue(rule.Sid, out var entry)) rules[rule.Sid] = entry = (rule, []);
            entry.Resources.AddRange(rule.Resources(aws, project.Environment.StackName).Where(r => !entry.Resources.Contains(r)));
        }
        return (rules.Values.Select(r => new PolicyStatement(r.Rule.Sid, r.Rule.Actions, r.Resources, r.Rule.Why)).ToList(), uncovered);
    }
}
