using System.Collections;
using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Liftoff.Ci.Yaml;

/// <summary>
/// Writes a <see cref="YamlMap"/> as block YAML through YamlDotNet's emitter, which quotes whatever needs it.
/// Strings a YAML reader would take for something else (true, on, null, 1.0) are quoted here, because the
/// emitter only knows the text, not that it must stay a string; multi-line strings become literal blocks.
/// </summary>
public static partial class YamlText
{
    public static string Write(YamlMap document, string? headerComment = null)
    {
        var text = new StringWriter { NewLine = "\n" };
        if (headerComment is not null)
            foreach (var line in headerComment.Split('\n')) text.WriteLine("# " + line);
        var emitter = new Emitter(text, new EmitterSettings(bestIndent: 2, bestWidth: int.MaxValue, isCanonical: false, maxSimpleKeyLength: 1024, indentSequences: true));
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart(null, null, isImplicit: true));
        Emit(emitter, document);
        emitter.Emit(new DocumentEnd(isImplicit: true));
        emitter.Emit(new StreamEnd());
        return text.ToString().ReplaceLineEndings("\n");
    }

    private static void Emit(IEmitter emitter, object value)
    {
        switch (value)
        {
            case YamlMap map:
                emitter.Emit(new MappingStart(null, null, isImplicit: true, map.Count == 0 ? MappingStyle.Flow : MappingStyle.Block));
                foreach (var (key, item) in map)
                {
                    // Keys are names (GitHub's `on:` among them), never read as booleans by these files' readers.
                    emitter.Emit(new Scalar(null, null, key, ScalarStyle.Any, isPlainImplicit: true, isQuotedImplicit: true));
                    Emit(emitter, item);
                }
                emitter.Emit(new MappingEnd());
                break;
            case bool flag:
                emitter.Emit(new Scalar(null, null, flag ? "true" : "false", ScalarStyle.Plain, isPlainImplicit: true, isQuotedImplicit: false));
                break;
            case int or long or uint:
                emitter.Emit(new Scalar(null, null, Convert.ToString(value, CultureInfo.InvariantCulture)!, ScalarStyle.Plain, true, false));
                break;
            case string text:
                EmitString(emitter, text);
                break;
            case IEnumerable list:
                var items = list.Cast<object>().ToList();
                emitter.Emit(new SequenceStart(null, null, isImplicit: true, items.Count == 0 ? SequenceStyle.Flow : SequenceStyle.Block));
                foreach (var item in items) Emit(emitter, item);
                emitter.Emit(new SequenceEnd());
                break;
            default:
                throw new ArgumentException($"Cannot write a {value.GetType().Name} as YAML.");
        }
    }

    private static void EmitString(IEmitter emitter, string text)
    {
        var style = text.Contains('\n') ? ScalarStyle.Literal
            : NotAString().IsMatch(text) || text.Length == 0 ? ScalarStyle.SingleQuoted
            : ScalarStyle.Any;
        emitter.Emit(new Scalar(null, null, text, style, isPlainImplicit: style == ScalarStyle.Any, isQuotedImplicit: true));
    }

    // YAML 1.1 booleans and nulls (GitHub's and CodeBuild's parsers differ, so take the wider set) and numbers.
    [GeneratedRegex(@"^(?i:y|n|yes|no|true|false|on|off|null|~)$|^[-+]?(\.?[0-9][0-9_.]*([eE][-+]?[0-9]+)?|\.inf|\.nan|0x[0-9a-fA-F]+|0o?[0-7]+)$")]
    private static partial Regex NotAString();
}
