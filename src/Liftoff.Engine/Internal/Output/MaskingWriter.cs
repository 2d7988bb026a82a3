using System.Text;

namespace Liftoff.Engine.Internal.Output;

/// <summary>
/// Wraps stdout/stderr so no registered secret is ever written, whoever writes (targets, Spectre, child
/// processes' relayed output). It holds back a partial line so a secret split across two writes is still caught.
/// </summary>
internal sealed class MaskingWriter(TextWriter inner, SecretMasker masker) : TextWriter
{
    private readonly StringBuilder _pending = new();
    private readonly Lock _gate = new();

    public override Encoding Encoding => inner.Encoding;

    public override void Write(char value)
    {
        lock (_gate)
        {
            _pending.Append(value);
            if (value == '\n') FlushPending();
        }
    }

    public override void Write(string? value)
    {
        if (string.IsNullOrEmpty(value)) return;
        lock (_gate)
        {
            _pending.Append(value);
            if (value.Contains('\n')) FlushPending();
        }
    }

    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    public override void Flush()
    {
        lock (_gate)
        {
            FlushPending();
            inner.Flush();
        }
    }

    private void FlushPending()
    {
        if (_pending.Length == 0) return;
        inner.Write(masker.Apply(_pending.ToString()));
        _pending.Clear();
        inner.Flush();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) Flush();
        base.Dispose(disposing);
    }
}
