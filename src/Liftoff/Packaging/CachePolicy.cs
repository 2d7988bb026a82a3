using System.Text.RegularExpressions;

namespace Liftoff.Packaging;

/// <summary>
/// Cache-Control for a front-end file, chosen so a deploy is seen at once yet unchanged files are never
/// fetched twice:
/// <list type="bullet">
/// <item>fingerprinted names (a content hash in the name, as webpack, Vite/Rollup, esbuild and Next.js emit:
/// app.3f2a9c1b.js, index-DiwrgTda.css, chunk-5XJ3Q2ZK.js): <see cref="Immutable"/>, a year, since a new
/// content always gets a new name;</item>
/// <item>HTML: <see cref="NoCache"/>, revalidated on every request, because it names the fingerprinted files
/// and must change the moment a deploy does;</item>
/// <item>everything else (favicon.ico, robots.txt, images referenced by a fixed name):
/// <see cref="Short"/>, five minutes, which bounds how stale a browser can be while sparing the origin;
/// InvalidateCdn clears CloudFront's copy at deploy time regardless.</item>
/// </list>
/// </summary>
public static partial class CachePolicy
{
    public const string Immutable = "public, max-age=31536000, immutable";
    public const string NoCache = "no-cache";
    public const string Short = "public, max-age=300";

    public static string For(string path)
    {
        var name = Path.GetFileName(path);
        var extension = Path.GetExtension(name);
        if (extension.Equals(".html", StringComparison.OrdinalIgnoreCase) || extension.Equals(".htm", StringComparison.OrdinalIgnoreCase))
            return NoCache;
        return IsFingerprinted(name) ? Immutable : Short;
    }

    /// <summary>
    /// A hash in the name: a part between '.', '-' or '_' of 8 or more hex digits with at least one digit
    /// (webpack's [contenthash], Next.js, CRA's main.3f2a9c1b.chunk.js), or a last part of exactly 8
    /// base64url characters after '-' or '.' that mixes cases or letters and digits (Vite/Rollup's
    /// index-DiwrgTda, esbuild's chunk-5XJ3Q2ZK). Plain words ("datepicker", "polyfills") are neither.
    /// </summary>
    public static bool IsFingerprinted(string fileName)
    {
        var stem = Path.GetFileNameWithoutExtension(fileName);
        if (stem.Split('.', '-', '_').Skip(1).Any(part => part.Length >= 8 && HexHash().IsMatch(part) && part.Any(char.IsAsciiDigit)))
            return true;
        var suffix = Base64UrlSuffix().Match(stem);
        return suffix.Success && MixesKinds(suffix.Value);
    }

    private static bool MixesKinds(string part) =>
        (part.Any(char.IsAsciiLetterUpper) && part.Any(char.IsAsciiLetterLower)) ||
        (part.Any(char.IsAsciiDigit) && part.Any(char.IsAsciiLetter));

    [GeneratedRegex("^[0-9a-f]+$")]
    private static partial Regex HexHash();

    [GeneratedRegex("(?<=.[.-])[A-Za-z0-9_-]{8}$")]
    private static partial Regex Base64UrlSuffix();
}
