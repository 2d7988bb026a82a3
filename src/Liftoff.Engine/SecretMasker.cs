using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace Liftoff.Engine;

/// <summary>Replaces every registered secret value with asterisks.</summary>
public sealed class SecretMasker
{
    public const string Mask = "*****";

    // Short values would mask ordinary words ("on", "dev"): AWS and GitHub secrets are far longer.
    private const int MinimumLength = 4;

    private readonly ConcurrentDictionary<string, byte> _secrets = new();
    private volatile Regex? _wrapped;

    public void Add(string? secret)
    {
        if (!string.IsNullOrEmpty(secret) && secret.Length >= MinimumLength && _secrets.TryAdd(secret, 0))
            _wrapped = null;
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

    /// <summary>
    /// Like <see cref="Apply"/>, but also masks a secret that a console broke over lines: Spectre wraps text at
    /// the console's width, and a session token is longer than any terminal is wide.
    /// </summary>
    internal string ApplyAcrossLineBreaks(string text)
    {
        if (_secrets.IsEmpty || string.IsNullOrEmpty(text)) return text;
        var pattern = _wrapped ??= new Regex(
            string.Join("|", _secrets.Keys.OrderByDescending(s => s.Length)
                .Select(s => string.Join(@"(?:\r?\n)?", s.Select(c => Regex.Escape(c.ToString()))))),
            RegexOptions.CultureInvariant);
        return pattern.Replace(text, Mask);
    }

    /// <summary>
    /// How many characters at the end of the text could be the start of a secret whose rest has not been written
    /// yet; a writer holds them back until it knows.
    /// </summary>
    internal int PossibleSecretStart(string text)
    {
        if (_secrets.IsEmpty) return 0;
        var longest = _secrets.Keys.Max(s => s.Length);
        var held = 0;
        var visible = 0;
        for (var i = text.Length - 1; i >= 0 && visible < longest; i--)
        {
            if (text[i] is '\r' or '\n') continue;
            visible++;
            if (!_secrets.Keys.Any(s => s[0] == text[i])) continue;
            var start = text[i..].Replace("\r", "").Replace("\n", "");
            if (_secrets.Keys.Any(s => s.Length > start.Length && s.StartsWith(start, StringComparison.Ordinal)))
                held = text.Length - i;
        }
        return held;
    }
}
