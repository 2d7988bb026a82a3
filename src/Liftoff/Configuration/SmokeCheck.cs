namespace Liftoff.Configuration;

public sealed record SmokeCheck(string Name, string Method, string Path, int ExpectedStatus, string? BodyContains, string? Body);
