namespace Liftoff.Engine.Tooling;

/// <summary>A fluent settings change: <c>_ =&gt; _.SetConfiguration("Release")</c>.</summary>
public delegate T Configure<T>(T settings);

/// <summary>A settings change that fans out into several invocations: <c>_ =&gt; _.CombineWith(projects, (_, p) =&gt; _.SetProjectFile(p))</c>.</summary>
public delegate IEnumerable<T> CombinatorialConfigure<T>(T settings);
