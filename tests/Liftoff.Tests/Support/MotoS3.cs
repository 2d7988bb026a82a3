using Amazon.Runtime;
using Amazon.S3;

namespace Liftoff.Tests.Support;

/// <summary>An AWSSDK.S3 client pointed at a test's moto (path style, dummy credentials), in any region.</summary>
public static class MotoS3
{
    public static AmazonS3Client Client(MotoFixture moto, string? region = null) => new(
        new BasicAWSCredentials("testing", "testing"),
        new AmazonS3Config
        {
            ServiceURL = moto.Endpoint,
            ForcePathStyle = true,
            AuthenticationRegion = region ?? moto.Region,
        });

    /// <summary>A bucket name no other test in the class uses.</summary>
    public static string UniqueBucket(string purpose) => $"{purpose}-{Guid.NewGuid():N}"[..Math.Min(63, purpose.Length + 33)];
}
