using Spectre.Console;

namespace Liftoff.Deploying;

/// <summary>
/// Decides whether a change set in an environment that needs approval may be executed: --approve says yes;
/// otherwise a person at a terminal is asked; in CI (or with no terminal) the deploy stops and says how to approve.
/// One instance per run: questions from projects deploying in parallel are asked one at a time.
/// </summary>
public sealed class ApprovalGate(IAnsiConsole console, bool approve, bool canPrompt)
{
    private readonly SemaphoreSlim _oneQuestionAtATime = new(1, 1);

    public bool Approve { get; } = approve;
    public bool CanPrompt { get; } = canPrompt;

    /// <summary>Prompts only when stdin is a terminal, the console is interactive and this is not CI.</summary>
    public static ApprovalGate ForHost(IAnsiConsole console, bool approve, bool isCi) =>
        new(console, approve, !isCi && !Console.IsInputRedirected && console.Profile.Capabilities.Interactive);

    /// <summary>Returns when approved; throws <see cref="ApprovalRequiredException"/> otherwise.</summary>
    public async Task EnsureApprovedAsync(string stackName, string environment, CancellationToken cancellationToken)
    {
        if (Approve) return;
        if (!CanPrompt)
            throw new ApprovalRequiredException(
                $"Environment {environment} requires approval to change stack {stackName}, and none was given. " +
                "Review the changes above, then run again with --approve (or LIFTOFF_APPROVE=true). Nothing was changed.");

        await _oneQuestionAtATime.WaitAsync(cancellationToken);
        try
        {
            var question = new ConfirmationPrompt(
                $"Execute these changes to [bold]{Markup.Escape(stackName)}[/] in {Markup.Escape(environment)}?") { DefaultValue = false };
            var yes = await question.ShowAsync(console, cancellationToken);
            if (!yes)
                throw new ApprovalRequiredException($"Deploy of {stackName} to {environment} was not approved at the prompt. Nothing was changed.");
        }
        finally
        {
            _oneQuestionAtATime.Release();
        }
    }
}
