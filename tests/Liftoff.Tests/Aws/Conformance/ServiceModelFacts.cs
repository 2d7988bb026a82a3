namespace Liftoff.Tests.Aws.Conformance;

/// <summary>Why a conformance test cannot run here, or null: the models come with the AWS CLI.</summary>
internal static class ServiceModelAvailability
{
    public static string? SkipReason { get; } = BotocoreData.FindCli() is null
        ? "No AWS CLI on PATH: the AWS service models (botocore's service-2.json files) that the clients are checked against " +
          "come with it. Install the AWS CLI (v1 or v2) to run this check."
        : null;
}

/// <summary>A fact that needs AWS's service models; skipped, with the reason, where no AWS CLI is installed.</summary>
public sealed class ServiceModelFactAttribute : FactAttribute
{
    public ServiceModelFactAttribute() => Skip = ServiceModelAvailability.SkipReason;
}

/// <summary>A theory that needs AWS's service models; skipped, with the reason, where no AWS CLI is installed.</summary>
public sealed class ServiceModelTheoryAttribute : TheoryAttribute
{
    public ServiceModelTheoryAttribute() => Skip = ServiceModelAvailability.SkipReason;
}

/// <summary>Locates the models once per test class.</summary>
public sealed class BotocoreFixture : IAsyncLifetime
{
    private BotocoreData? _data;

    public BotocoreData Data => _data ?? throw new InvalidOperationException(ServiceModelAvailability.SkipReason ?? "not located yet");

    public async Task InitializeAsync()
    {
        if (ServiceModelAvailability.SkipReason is null)
            _data = await BotocoreData.LocateAsync(CancellationToken.None);
    }

    public Task DisposeAsync() => Task.CompletedTask;
}
