namespace Liftoff.Aws.Runtime;

/// <summary>Who the credentials belong to (STS GetCallerIdentity), for access-denied messages.</summary>
public interface ICallerIdentity
{
    /// <summary>The caller's ARN, or null when it cannot be found out (never throws).</summary>
    Task<string?> GetCallerArnAsync(CancellationToken cancellationToken);
}
