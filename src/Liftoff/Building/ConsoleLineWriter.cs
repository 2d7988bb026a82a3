using System.Text;
using Spectre.Console;

namespace Liftoff.Building;

/// <summary>
/// A TextWriter over the build's console, one line at a time, so tools' output (which may contain
/// [brackets]) is written as plain text and through the console's secret masking.
/// </summary>
internal sealed class ConsoleLineWriter(IAnsiConsole console) : TextWriter
{
    private readonly StringBuilder _line = new();
    private readonly Lock _lock = new();

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value)
    {
        lock (_lock)
        {
            if (value == '\n')
            {
                console.WriteLine(_line.ToString().TrimEnd('\r'));
                _line.Clear();
            }
            else _line.Append(value);
        }
    }

    public override void WriteLine(string? value)
    {
        lock (_lock)
        {
            console.WriteLine(_line.Append(value).ToString());
            _line.Clear();
        }
    }
}
