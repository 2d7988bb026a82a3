using System.Globalization;
using Liftoff.Deploying.Stacks;
using Liftoff.Releases;

namespace Liftoff.Deploying.Live;

/// <summary>
/// Whether a deploy may leave its stack alone and make no change set (a front-end-only change, say): CloudFormation would
/// get exactly what the live release gave it, and the stack is still as that release left it. Any doubt makes a change
/// set, which remains the judge of what changed.
/// - The inputs, from the records: the template's hash and every parameter as recorded equal the live release's. A NoEcho
///   value is recorded as a salted fingerprint of the value this run resolved, so equal fingerprints mean the same
///   secret. A parameter of an AWS::SSM::Parameter::Value type is looked up by CloudFormation at each update: its text
///   may stand for a new value, so such a template always gets a change set. (Dynamic references, <c>{{resolve:...}}</c>,
///   are not looked up again while their text is unchanged — AWS's documented behaviour — so they change nothing here.)
///   The capabilities are the same on every deploy and no role is sent, so the stack keeps its own.
/// - The stack, read again under the lock (DescribeStacks and GetTemplate at once: one round trip): a successful
///   status, and the status and last change the live release recorded when it ended (on AWS any update since, ours or
///   anyone's, moves LastUpdatedTime; moto never sets it); the template CloudFormation holds equal to the one we would
///   send (exact on both, and the only way moto shows a template changed behind the ledger's back); every plain
///   parameter as we would send it, those we do not send at their template default; and the tags we would send.
/// </summary>
internal sealed class UnchangedStack(LiveStateReader reader)
{
    /// <summary>Why no change set is needed, for the console and the record; null: make one.</summary>
    public async Task<string?> WhyAsync(StackDeployment planned, Release draft, Release? live, CancellationToken cancellationToken)
    {
        if (live?.Stack is not { ChangedAt: not null } left || !SameInputs(planned, draft, live)) return null;
        var stackRead = reader.ReadStackAsync(planned.StackName, cancellationToken);
        var templateRead = reader.ReadTemplateAsync(planned.StackName, cancellationToken);
        await Task.WhenAll(stackRead, templateRead);
        var stack = stackRead.Result;
        var unchanged = AsLeft(stack, left)
                        && Normalize(templateRead.Result) == Normalize(planned.Template.Body)
                        && SameParameters(stack, planned)
                        && SameEntries(stack.Tags, planned.Tags);
        return unchanged
            ? $"template and parameters as release {live.Id}, stack unchanged since ({stack.Status}, last changed {Utc(stack.ChangedAt!.Value)})"
            : null;
    }

    private static bool SameInputs(StackDeployment planned, Release draft, Release live) =>
        draft.TemplateSha256 is not null
        && draft.TemplateSha256 == live.TemplateSha256
        && SameEntries(draft.StackParameters, live.StackParameters)
        && planned.KeepPreviousValues.Count == 0
        && !planned.Template.ResolvesFromSsm();

    private static bool AsLeft(LiveStack stack, ReleaseStack left) =>
        stack is { Exists: true, Status: { } status }
        && StackStatuses.IsSuccess(status)
        && status == left.Status
        && stack.ChangedAt == left.ChangedAt;

    /// <summary>
    /// Each parameter the stack lists, against what the change set would send. NoEcho ones are shown masked (****) and
    /// cannot be compared here: their fingerprints were, and on AWS an update since would have moved the last change.
    /// </summary>
    private static bool SameParameters(LiveStack stack, StackDeployment planned)
    {
        var template = planned.Template;
        if (template.ParameterDefaults() is not { } defaults) return false;
        var secret = template.NoEchoParameters() ?? planned.Parameters.Keys.ToHashSet(StringComparer.Ordinal);
        var sent = template.Declared(planned.Parameters);
        return stack.Parameters.All(p =>
            secret.Contains(p.Key)
            || (sent.TryGetValue(p.Key, out var value) ? value == p.Value : defaults.GetValueOrDefault(p.Key) == p.Value));
    }

    private static bool SameEntries(IReadOnlyDictionary<string, string> a, IReadOnlyDictionary<string, string> b) =>
        a.Count == b.Count && a.All(p => b.TryGetValue(p.Key, out var value) && value == p.Value);

    private static string? Normalize(string? template) => template?.Replace("\r\n", "\n").Trim();

    private static string Utc(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
}
