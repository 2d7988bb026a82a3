using System.Text;

namespace Liftoff.Engine.Internal.Output;

/// <summary>
/// Wraps stdout/stderr so no registered secret is ever written, whoever writes (targets, Spectre, child
/// processes' relayed output). Text is passed on at once, except an ending that could be the start of a secret:
/// that is held back until the next write shows whether it is one, so a secret split across writes is caught.
/// </summary>
internal sealed class MaskingWriter(TextWriter inner, SecretMasker masker) : TextWriter
{
    private readonly StringBuilder _pending = new();
    private readonly Lock _lock = new();

    public override Encoding Encoding => inner.Encoding;

    public override void Write(char value) => Write(value.ToString());

    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    public override void Write(string? value)
    {
        if (string.IsNullOrEmpty(value)) return;
        lock (_lock)
        {
            _pending.Append(value);
            Pass(all: false);
        }
    }

    /// <summary>Flushes what is known not to be part of a secret; Spectre flushes after every write.</summary>
    public override void Flush()
    {
        lock (_lock)
        {
            Pass(all: false);
            inner.Flush();
        }
    }

    /// <summary>Passes on everything, a held-back ending too: the run is over, nothing more will follow it.</summary>
    public void Complete()
    {
        lock (_lock)
        {
            Pass(all: true);
            inner.Flush();
        }
    }

    private void Pass(bool all)
    {
        if (_pending.Length == 0) return;
        var text = masker.ApplyAcrossLineBreaks(_pending.ToString());
        var held = all ? 0 : masker.PossibleSecretStart(text);
        inner.Write(text[..^held]);
        _pending.Clear().Append(text[^held..]);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) Complete();
        base.Dispose(disposing);
    }
}
