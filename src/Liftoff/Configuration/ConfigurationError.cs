namespace Liftoff.Configuration;

/// <summary>
/// One thing wrong with the configuration, where it is (File relative to the repository root, 1-based
/// Line and Column; 0 when the error has no position, such as an unknown --env) and what to do about it.
/// </summary>
public sealed record ConfigurationError(string File, int Line, int Column, string Message)
{
    public override string ToString() =>
        Line > 0 ? $"{File}:{Line}:{Column}: {Message}" : $"{File}: {Message}";
}
