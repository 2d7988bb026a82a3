using Liftoff.Tests.Configuration;

namespace Liftoff.Tests.Trust;

/// <summary>
/// One corpus case's copy of the golden repository, what it breaks in it, the environment it runs with, and the AWS
/// state it arranges directly in moto (not through the counting proxy).
/// </summary>
public sealed class CaseRepository : IDisposable
{
    private readonly TempRepository _repository = new();
    private readonly TempRepository _outside = new();
    private readonly CorpusFixture _fixture;

    internal CaseRepository(CorpusFixture fixture)
    {
        _fixture = fixture;
        Copy(fixture.Golden.Root, _repository.Root);
    }

    public string Root => _repository.Root;

    /// <summary>A folder outside the repository, for links that lead out of it.</summary>
    public string Outside => _outside.Root;

    public Dictionary<string, string> Environment { get; } = CorpusFixture.Variables();

    /// <summary>Work done in moto before the run, straight to it: not counted.</summary>
    public List<Func<Task>> Arrangements { get; } = [];

    public string Path(string relative) => System.IO.Path.Combine(Root, relative);

    public CaseRepository Write(string relative, string text)
    {
        _repository.Write(relative, text);
        return this;
    }

    public CaseRepository Edit(string relative, string find, string replace)
    {
        var text = File.ReadAllText(Path(relative));
        if (!text.Contains(find, StringComparison.Ordinal)) throw new InvalidOperationException($"'{find}' is not in {relative}");
        return Write(relative, text.Replace(find, replace, StringComparison.Ordinal));
    }

    public CaseRepository WriteOutside(string relative, string text)
    {
        _outside.Write(relative, text);
        return this;
    }

    /// <summary>Points the case at a bucket of its own, so what it puts there leaves the other cases alone.</summary>
    public string OwnBucket()
    {
        var bucket = $"corpus-case-{Guid.NewGuid():N}"[..36];
        Edit("environments.yaml", _fixture.Bucket, bucket);
        return bucket;
    }

    public void PutObject(string bucket, string key, string text) => Arrangements.Add(() => _fixture.PutAsync(bucket, key, text));

    public void Dispose()
    {
        _repository.Dispose();
        _outside.Dispose();
    }

    private static void Copy(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(source)) File.Copy(file, System.IO.Path.Combine(target, System.IO.Path.GetFileName(file)));
        foreach (var directory in Directory.GetDirectories(source)) Copy(directory, System.IO.Path.Combine(target, System.IO.Path.GetFileName(directory)));
    }
}
