using System.Text.RegularExpressions;

namespace Liftoff.Ci.Policy;

/// <summary>Where an environment's resources live, for building their ARNs: partition, region and account.</summary>
public sealed partial record AwsNames(string Partition, string Region, string Account)
{
    public string Arn(string service, string resource, bool regional = true, bool inAccount = true) =>
        $"arn:{Partition}:{service}:{(regional ? Region : "")}:{(inAccount ? Account : "")}:{resource}";

    /// <summary>The account and partition from the environment's accountId, else from its ciRoleArn.</summary>
    public static AwsNames? For(string region, string? accountId, string? roleArn)
    {
        var role = roleArn is null ? null : RoleArn().Match(roleArn);
        var account = accountId ?? (role is { Success: true } ? role.Groups[2].Value : null);
        return account is null ? null : new AwsNames(role is { Success: true } ? role.Groups[1].Value : "aws", region, account);
    }

    [GeneratedRegex(@"^arn:(aws[a-z-]*):iam::(\d{12}):role/")]
    private static partial Regex RoleArn();
}
