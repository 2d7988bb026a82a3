using Liftoff.Packaging;

namespace Liftoff.Tests.Packaging;

/// <summary>Staging folders of node and python functions for tests that load handlers; deleted on dispose.</summary>
public abstract class HandlerStagings : IDisposable
{
    protected readonly HandlerVerifier Verifier = new(timeout: TimeSpan.FromSeconds(30));
    private readonly List<Staging> _stagings = [];

    public void Dispose()
    {
        _stagings.ForEach(s => s.Dispose());
        GC.SuppressFinalize(this);
    }

    protected Staging Node(string handler = "index.handler") => Keep(new Staging(runtime: "nodejs20.x", handler: handler));

    protected Staging Python(string handler = "app.lambda_handler") =>
        Keep(new Staging(function: "worker", runtime: "python3.12", handler: handler));

    private Staging Keep(Staging staging)
    {
        _stagings.Add(staging);
        return staging;
    }
}
