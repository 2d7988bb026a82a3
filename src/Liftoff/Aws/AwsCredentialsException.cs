namespace Liftoff.Aws;

/// <summary>No usable AWS credentials: says where Liftoff looked and what to do.</summary>
public sealed class AwsCredentialsException(string message, Exception? innerException = null)
    : Exception(message, innerException);
