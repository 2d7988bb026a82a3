using Amazon.Runtime;
using Amazon.S3;

namespace Liftoff.Tests.Support;

/// <summary>An AWSSDK.S3 client pointed at a test's moto (or a proxy in front of it) (path style, dummy credentials), in any region.</summary>
public static class MotoS3
{
    /// <param name="endpoint">Where to send requests instead of moto itself (a fault proxy in front of it).</param>
    public static AmazonS3Client Client(MotoFixture moto, string? region = null, string? endpoint = null) => new(
        new BasicAWSCredentials("testing", "testing"),
        new AmazonS3Config
        {
            ServiceURL = endpoint ?? moto.Endpoint,
            ForcePathStyle = true,
            AuthenticationRegion = region ?? moto.Region,
        });

    /// <summary>A bucket name no other test in the class uses.</summary>
    public static string UniqueBucket(string purpose) => $"{purpose}-{Guid.NewGuid():N}"[..Math.Min(63, purpose.Length + 33)];
}
