using System.Collections.Concurrent;

namespace Liftoff.Engine;

/// <summary>Replaces every registered secret value with asterisks.</summary>
public sealed class SecretMasker
{
    public const string Mask = "*****";

    // Short values would mask ordinary words ("on", "dev"): AWS and GitHub secrets are far longer.
    private const int MinimumLength = 4;

    private readonly ConcurrentDictionary<string, byte> _secrets = new();

    public void Add(string? secret)
    {
        if (!string.IsNullOrEmpty(secret) && secret.Length >= MinimumLength)
            _secrets.TryAdd(secret, 0);
    }

    public bool IsEmpty => _secrets.IsEmpty;

    public string Apply(string text)
    {
        if (_secrets.IsEmpty || string.IsNullOrEmpty(text)) return text;
        // Longest first, so a secret that contains another is masked whole.
        foreach (var secret in _secrets.Keys.OrderByDescending(s => s.Length))
            text = text.Replace(secret, Mask, StringComparison.Ordinal);
        return text;
    }
}
