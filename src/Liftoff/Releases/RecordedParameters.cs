using System.Security.Cryptography;
using System.Text;

namespace Liftoff.Releases;

/// <summary>
/// The stack parameters as the release record keeps them. The record is plain JSON in the artifact bucket and is
/// printed by Releases, so a NoEcho parameter's value is replaced by a masked fingerprint: "****" and a SHA-256
/// of the value salted with project, environment and parameter name. The fingerprint is deterministic, so the
/// no-op comparison (<see cref="ReleaseDifference"/>) still sees a changed value; the salt keeps equal secrets
/// in different projects or environments from showing as equal and defeats precomputed tables. It does not stop
/// a dictionary attack on a weak secret by someone who can read the ledger: the bucket's access is that control.
/// </summary>
public static class RecordedParameters
{
    public const string MaskPrefix = "****";

    /// <summary>
    /// The parameters with every NoEcho one fingerprinted; <paramref name="noEcho"/> null (the template could not
    /// be read) fingerprints them all, as nothing can be known to be safe to keep in plain text.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Of(
        IReadOnlyDictionary<string, string> parameters, IReadOnlySet<string>? noEcho, string project, string environment) =>
        parameters.ToDictionary(
            p => p.Key,
            p => noEcho is null || noEcho.Contains(p.Key) ? Fingerprint(project, environment, p.Key, p.Value) : p.Value,
            StringComparer.Ordinal);

    public static string Fingerprint(string project, string environment, string name, string value)
    {
        // Newlines cannot occur in the names, so no two different inputs give the same salted text.
        var salted = $"liftoff-noecho\n{project}\n{environment}\n{name}\n{value}";
        return $"{MaskPrefix}sha256:{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(salted)))}";
    }

    public static bool IsMasked(string value) => value.StartsWith(MaskPrefix, StringComparison.Ordinal);
}
