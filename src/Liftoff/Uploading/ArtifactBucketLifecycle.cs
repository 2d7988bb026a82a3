using Amazon.S3;
using Amazon.S3.Model;

namespace Liftoff.Uploading;

/// <summary>
/// The artifact bucket's lifecycle. Artifacts themselves never expire by age: a release record names the
/// S3 keys it deployed, and redeploying or auditing an old release needs them (they are small and
/// content-addressed, so each distinct build is stored once). What does expire is what no one reads back.
/// </summary>
public static class ArtifactBucketLifecycle
{
    /// <summary>Overwritten or deleted versions (release records' in-progress state, lock renewals): a month to look back, then gone.</summary>
    public const int NoncurrentVersionDays = 30;

    /// <summary>Templates are only read while a change set is created; they are re-uploaded by hash when needed again.</summary>
    public const int TemplateDays = 30;

    /// <summary>A crashed multipart upload leaves invisible, billed parts behind.</summary>
    public const int IncompleteMultipartUploadDays = 7;

    public const string TemplatePrefix = "templates/";

    public static LifecycleConfiguration Configuration() => new()
    {
        Rules =
        [
            new LifecycleRule
            {
                Id = "liftoff-noncurrent-versions",
                Status = LifecycleRuleStatus.Enabled,
                Filter = new LifecycleFilter { LifecycleFilterPredicate = new LifecyclePrefixPredicate { Prefix = "" } },
                NoncurrentVersionExpiration = new LifecycleRuleNoncurrentVersionExpiration { NoncurrentDays = NoncurrentVersionDays },
                // Removes a delete marker once no older version is left under it (lock releases leave them).
                Expiration = new LifecycleRuleExpiration { ExpiredObjectDeleteMarker = true },
                AbortIncompleteMultipartUpload = new LifecycleRuleAbortIncompleteMultipartUpload { DaysAfterInitiation = IncompleteMultipartUploadDays },
            },
            new LifecycleRule
            {
                Id = "liftoff-templates",
                Status = LifecycleRuleStatus.Enabled,
                Filter = new LifecycleFilter { LifecycleFilterPredicate = new LifecyclePrefixPredicate { Prefix = TemplatePrefix } },
                Expiration = new LifecycleRuleExpiration { Days = TemplateDays },
            },
        ],
    };
}
