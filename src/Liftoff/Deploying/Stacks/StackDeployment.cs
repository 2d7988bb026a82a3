using Liftoff.Aws.CloudFormation.Model;

namespace Liftoff.Deploying.Stacks;

/// <summary>What one stack deploy sends: the template, its parameters and tags, and the environment's rules.</summary>
public sealed record StackDeployment(
    string StackName,
    string Environment,
    StackTemplate Template,
    IReadOnlyDictionary<string, string> Parameters,
    IReadOnlyDictionary<string, string> Tags)
{
    /// <summary>The environment wants a person's yes (or --approve) before the change set is executed.</summary>
    public bool RequiresApproval { get; init; }

    /// <summary>Turn termination protection on after a successful deploy (never turned off by Liftoff).</summary>
    public bool TerminationProtection { get; init; }

    /// <summary>
    /// Templates create IAM roles (named ones too) and may use transforms such as SAM's, which CloudFormation
    /// refuses without these acknowledgements.
    /// </summary>
    public IReadOnlyList<string> Capabilities { get; init; } = ["CAPABILITY_IAM", "CAPABILITY_NAMED_IAM", "CAPABILITY_AUTO_EXPAND"];

    /// <summary>
    /// Parameters sent as UsePreviousValue: the stack keeps the value it has. A rollback sends this for a NoEcho
    /// parameter, whose value the ledger keeps only as a fingerprint (never as the mask). Not in <see cref="Parameters"/>.
    /// </summary>
    public IReadOnlySet<string> KeepPreviousValues { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>What CreateChangeSet sends: the declared parameters with their values, then those kept as they are.</summary>
    public List<Parameter> ChangeSetParameters() =>
    [
        .. Template.Declared(Parameters)
            .Where(p => !KeepPreviousValues.Contains(p.Key))
            .Select(p => new Parameter { ParameterKey = p.Key, ParameterValue = p.Value }),
        .. KeepPreviousValues.Order(StringComparer.Ordinal)
            .Select(name => new Parameter { ParameterKey = name, UsePreviousValue = true }),
    ];
}
