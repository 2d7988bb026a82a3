namespace Liftoff.Deploying.Code;

/// <summary>One function's code as packaged and uploaded: where Lambda fetches it, and its CodeSha256 (base64 sha256 of the zip).</summary>
public sealed record FunctionDeployment(string FunctionName, string CodeBucket, string CodeKey, string CodeSha256);
