using System.Text;

namespace Liftoff.Bench.Package;

/// <summary>
/// A node_modules-like tree from a fixed seed: many small JavaScript, TypeScript declaration, JSON and
/// Markdown files, a few large bundles, and binary assets (native addons, wasm, fonts, images) that do
/// not compress, in roughly the proportions of a real dependency folder. The same seed gives the same
/// tree, so every run and every machine measures the same input.
/// </summary>
internal sealed class TreeGenerator(int seed, int packages)
{
    private readonly Random _random = new(seed);
    private static readonly string[] Keywords =
        ["const", "let", "return", "function", "if", "else", "for", "await", "async", "new", "this", "typeof", "null", "undefined", "true", "false", "module.exports", "require", "throw", "Error"];

    public (int Files, long Bytes) Write(string root)
    {
        int files = 0;
        long bytes = 0;
        void Put(string relative, byte[] content)
        {
            var path = Path.Combine(root, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, content);
            files++;
            bytes += content.Length;
        }

        var taken = new HashSet<string>();
        for (var p = 0; p < packages; p++)
        {
            var name = Identifier(4, 12) + (p % 7 == 0 ? "-" + Identifier(3, 8) : "");
            if (!taken.Add(name)) name += "-" + p;
            taken.Add(name);
            var dir = p % 9 == 0 ? $"node_modules/@{Identifier(3, 7)}/{name}" : $"node_modules/{name}";
            var vocabulary = Enumerable.Range(0, 150).Select(_ => Identifier(3, 14)).ToArray();

            Put($"{dir}/package.json", Encoding.UTF8.GetBytes(PackageJson(name)));
            Put($"{dir}/README.md", Encoding.UTF8.GetBytes(Prose(vocabulary, LogNormal(4_000, 1.0, 200_000))));
            Put($"{dir}/LICENSE", Encoding.UTF8.GetBytes(License(name)));
            Put($"{dir}/index.js", Encoding.UTF8.GetBytes($"'use strict';\nmodule.exports = require('./lib/{vocabulary[0]}.js');\n"));
            var sources = 3 + (int)LogNormal(9, 0.8, 120);
            for (var i = 0; i < sources; i++)
            {
                var file = $"{dir}/lib/{(i % 5 == 4 ? Identifier(3, 8) + "/" : "")}{vocabulary[i % vocabulary.Length]}{i}";
                Put(file + ".js", Encoding.UTF8.GetBytes(Code(vocabulary, LogNormal(2_400, 1.1, 400_000))));
                if (i % 2 == 0) Put(file + ".d.ts", Encoding.UTF8.GetBytes(Declarations(vocabulary, LogNormal(800, 0.8, 40_000))));
            }
            if (_random.NextDouble() < 0.10)
                Put($"{dir}/dist/{name}.min.js", Encoding.UTF8.GetBytes(Minified(vocabulary, LogNormal(250_000, 0.9, 4_000_000))));
            if (_random.NextDouble() < 0.02)
                Put($"{dir}/build/Release/{name}.node", Binary(LogNormal(600_000, 0.7, 5_000_000), compressibleShare: 0.35));
            if (_random.NextDouble() < 0.015)
                Put($"{dir}/dist/{name}.wasm", Binary(LogNormal(400_000, 0.7, 3_000_000), compressibleShare: 0.25));
            if (_random.NextDouble() < 0.03)
                for (var f = 0; f < 4; f++) Put($"{dir}/fonts/{vocabulary[f]}.woff2", Binary(LogNormal(40_000, 0.5, 200_000), 0));
            if (_random.NextDouble() < 0.05)
                for (var f = 0; f < 3; f++) Put($"{dir}/assets/{vocabulary[f + 10]}.png", Binary(LogNormal(20_000, 1.0, 600_000), 0));
        }
        return (files, bytes);
    }

    private int LogNormal(double median, double sigma, int max)
    {
        // Box-Muller: sizes in real packages spread over orders of magnitude around a median.
        var u = 1 - _random.NextDouble();
        var normal = Math.Sqrt(-2 * Math.Log(u)) * Math.Cos(2 * Math.PI * _random.NextDouble());
        return (int)Math.Clamp(median * Math.Exp(sigma * normal), 16, max);
    }

    private string Identifier(int min, int max)
    {
        var chars = new char[_random.Next(min, max + 1)];
        for (var i = 0; i < chars.Length; i++) chars[i] = (char)('a' + _random.Next(26));
        if (chars.Length > 5 && _random.Next(3) == 0) chars[_random.Next(1, chars.Length)] = char.ToUpperInvariant(chars[^1]);
        return new string(chars);
    }

    private string Word(string[] vocabulary) => _random.Next(4) == 0 ? Keywords[_random.Next(Keywords.Length)] : vocabulary[_random.Next(vocabulary.Length)];

    private string Code(string[] v, int size)
    {
        var text = new StringBuilder(size + 200);
        while (text.Length < size)
        {
            switch (_random.Next(6))
            {
                case 0: text.Append($"function {Word(v)}({Word(v)}, {Word(v)}) {{\n"); break;
                case 1: text.Append($"  const {Word(v)} = {Word(v)}.{Word(v)}({Word(v)}, {_random.Next(1000)});\n"); break;
                case 2: text.Append($"  if ({Word(v)} === {Word(v)}) {{\n    return {Word(v)}({Word(v)});\n  }}\n"); break;
                case 3: text.Append($"  // {Word(v)} {Word(v)} {Word(v)} {Word(v)}\n"); break;
                case 4: text.Append($"  {Word(v)}[\"{Word(v)}\"] = '{Word(v)}-{_random.Next(100)}';\n"); break;
                default: text.Append("}\n\n"); break;
            }
        }
        return text.ToString();
    }

    private string Minified(string[] v, int size)
    {
        var text = new StringBuilder(size + 200);
        while (text.Length < size)
            text.Append($"{Word(v)}.{Word(v)}=function({(char)('a' + _random.Next(26))},{(char)('a' + _random.Next(26))}){{return {Word(v)}({_random.Next(10000)})}};");
        return text.ToString();
    }

    private string Declarations(string[] v, int size)
    {
        var text = new StringBuilder(size + 200);
        while (text.Length < size)
            text.Append($"export declare function {Word(v)}({Word(v)}: {Word(v)}, options?: {Word(v)}Options): Promise<{Word(v)}>;\n");
        return text.ToString();
    }

    private string Prose(string[] v, int size)
    {
        var text = new StringBuilder(size + 200).Append("# ").Append(v[0]).Append("\n\n");
        while (text.Length < size)
            text.Append(_random.Next(8) == 0 ? $"\n```js\nconst {Word(v)} = require('{v[0]}');\n```\n\n" : Word(v) + (_random.Next(12) == 0 ? ".\n" : " "));
        return text.ToString();
    }

    private string PackageJson(string name) =>
        $"{{\n  \"name\": \"{name}\",\n  \"version\": \"{_random.Next(10)}.{_random.Next(30)}.{_random.Next(50)}\",\n  \"main\": \"index.js\",\n  \"license\": \"MIT\",\n" +
        $"  \"dependencies\": {{ \"{Identifier(4, 10)}\": \"^{_random.Next(9)}.0.0\" }}\n}}\n";

    private static string License(string name) =>
        $"MIT License\n\nCopyright (c) {name} contributors\n\nPermission is hereby granted, free of charge, to any person obtaining a copy of this software " +
        "and associated documentation files, to deal in the Software without restriction.\n\nTHE SOFTWARE IS PROVIDED \"AS IS\", WITHOUT WARRANTY OF ANY KIND.\n";

    /// <summary>Random bytes with some zero-filled and repeated runs, like section padding in native code.</summary>
    private byte[] Binary(int size, double compressibleShare)
    {
        var bytes = new byte[size];
        _random.NextBytes(bytes);
        var position = 0;
        while (position < size)
        {
            var run = Math.Min(size - position, _random.Next(512, 8192));
            if (_random.NextDouble() < compressibleShare) Array.Fill(bytes, (byte)_random.Next(4), position, run);
            position += run;
        }
        return bytes;
    }
}
