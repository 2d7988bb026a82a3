namespace Liftoff.Tests.Trust;

/// <summary>
/// Every bad input of <see cref="BadInputCorpus"/> ends with a clear message, an exit of 1 or 2, no .NET exception text,
/// and not one mutating AWS call: the proxy in front of moto logs every request the run makes.
/// </summary>
public sealed class BadInputCorpusTests(CorpusFixture fixture) : IClassFixture<CorpusFixture>
{
    public static TheoryData<string> Names() => new(BadInputCorpus.All.Select(c => c.Name));

    [Fact]
    public void The_corpus_holds_at_least_40_bad_inputs_each_named_once()
    {
        Assert.True(BadInputCorpus.All.Count >= 40, $"{BadInputCorpus.All.Count} bad inputs");
        Assert.Equal(BadInputCorpus.All.Count, BadInputCorpus.All.Select(c => c.Name).Distinct().Count());
    }

    [Fact]
    public async Task The_count_sees_the_writes_of_a_deploy_that_works()
    {
        using var repository = new CaseRepository(fixture);
        repository.OwnBucket();
        var before = fixture.Proxy.Log.Count;

        var run = await TrustBuild.RunAsync(repository.Root, "Deploy --env dev", repository.Environment);

        Assert.True(run.ExitCode == 0, run.Output);
        var mutating = fixture.Proxy.Log.Skip(before).Select(r => r.Operation).Where(AwsRequests.IsMutating).ToList();
        Assert.Contains("CreateChangeSet", mutating);
        Assert.Contains("ExecuteChangeSet", mutating);
        Assert.Contains(mutating, o => o.StartsWith("PUT /", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public async Task A_bad_input_gets_a_clear_message_an_exit_of_1_or_2_and_changes_nothing_in_AWS(string name)
    {
        var input = BadInputCorpus.All.Single(c => c.Name == name);
        using var repository = new CaseRepository(fixture);
        input.Break?.Invoke(repository);
        foreach (var arrange in repository.Arrangements) await arrange();
        var before = fixture.Proxy.Log.Count;

        var run = await TrustBuild.RunAsync(repository.Root, input.Command, repository.Environment);

        var requests = fixture.Proxy.Log.Skip(before).ToList();
        Assert.True(run.ExitCode == input.Exit, $"exit {run.ExitCode}, expected {input.Exit}\n{run.Output}");
        foreach (var text in input.Says)
            Assert.True(run.Text.Contains(text, StringComparison.Ordinal), $"Expected: {text}\nOutput:\n{run.Output}");
        foreach (var text in input.Never ?? [])
            Assert.DoesNotContain(text, run.Output);
        Assert.False(DotNetText.IsIn(run.Output), $"A .NET exception text in:\n{run.Output}");
        var mutating = requests.Where(r => AwsRequests.IsMutating(r.Operation)).Select(r => r.Operation).ToList();
        Assert.True(mutating.Count == 0, $"Mutating AWS calls: {string.Join(", ", mutating)}\n{run.Output}");
    }
}
