using System.Net;
using Amazon.S3;
using Amazon.S3.Model;

namespace Liftoff.Uploading;

public enum BucketState { AlreadyExisted, Created }

/// <summary>
/// The environment's artifact bucket: artifacts, oversized templates, release records and deployment locks.
/// Created on first use with versioning, SSE-S3 default encryption, every public access path blocked and
/// <see cref="ArtifactBucketLifecycle"/>. An existing bucket is used as it is: it may be managed elsewhere.
/// </summary>
public sealed class ArtifactBucket(IAmazonS3 s3, string bucketName, string region)
{
    public string Name => bucketName;

    public async Task<BucketState> EnsureAsync(CancellationToken cancellationToken)
    {
        if (await ExistsAsync(cancellationToken)) return BucketState.AlreadyExisted;

        try
        {
            await s3.PutBucketAsync(CreateRequest(), cancellationToken);
        }
        catch (AmazonS3Exception e) when (e.ErrorCode == "BucketAlreadyOwnedByYou")
        {
            // Another project of this run (or a parallel run) created it a moment ago; configuring again is idempotent.
        }
        catch (AmazonS3Exception e) when (e.ErrorCode == "BucketAlreadyExists")
        {
            throw TakenByAnotherAccount(e);
        }

        await ConfigureAsync(cancellationToken);
        return BucketState.Created;
    }

    private async Task<bool> ExistsAsync(CancellationToken cancellationToken)
    {
        try
        {
            await s3.HeadBucketAsync(new HeadBucketRequest { BucketName = bucketName }, cancellationToken);
            return true;
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.Forbidden)
        {
            throw TakenByAnotherAccount(e);
        }
    }

    private PutBucketRequest CreateRequest()
    {
        var request = new PutBucketRequest { BucketName = bucketName };
        // AWS rejects LocationConstraint=us-east-1 (InvalidLocationConstraint): the classic region is the default.
        if (region != "us-east-1")
            request.PutBucketConfiguration = new PutBucketConfiguration
            {
                LocationConstraint = new BucketLocationConstraint(region),
            };
        return request;
    }

    private async Task ConfigureAsync(CancellationToken cancellationToken)
    {
        // Public access first, so there is no moment in which the bucket could be opened.
        await s3.PutPublicAccessBlockAsync(new PutPublicAccessBlockRequest
        {
            BucketName = bucketName,
            PublicAccessBlockConfiguration = new PublicAccessBlockConfiguration
            {
                BlockPublicAcls = true,
                IgnorePublicAcls = true,
                BlockPublicPolicy = true,
                RestrictPublicBuckets = true,
            },
        }, cancellationToken);

        await s3.PutBucketEncryptionAsync(new PutBucketEncryptionRequest
        {
            BucketName = bucketName,
            ServerSideEncryptionConfiguration = new ServerSideEncryptionConfiguration
            {
                ServerSideEncryptionRules =
                [
                    new ServerSideEncryptionRule
                    {
                        ServerSideEncryptionByDefault = new ServerSideEncryptionByDefault
                        {
                            ServerSideEncryptionAlgorithm = ServerSideEncryptionMethod.AES256,
                        },
                    },
                ],
            },
        }, cancellationToken);

        await s3.PutBucketVersioningAsync(new PutBucketVersioningRequest
        {
            BucketName = bucketName,
            VersioningConfig = new S3BucketVersioningConfig { Status = VersionStatus.Enabled },
        }, cancellationToken);

        await s3.PutLifecycleConfigurationAsync(new PutLifecycleConfigurationRequest
        {
            BucketName = bucketName,
            Configuration = ArtifactBucketLifecycle.Configuration(),
        }, cancellationToken);
    }

    private InvalidOperationException TakenByAnotherAccount(AmazonS3Exception e) => new(
        $"The artifact bucket '{bucketName}' exists but belongs to another account or denies this one ({e.ErrorCode}). " +
        "Bucket names are global: choose another artifactBucket for this environment in environments.yaml " +
        "(adding the account id makes it unique), or grant these credentials access to it.", e);
}
