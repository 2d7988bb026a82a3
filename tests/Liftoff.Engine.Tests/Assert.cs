namespace Liftoff.Engine.Tests;

/// <summary>
/// xunit's Assert, found before Liftoff.Engine.Assert (NUKE's shape, in the enclosing namespace) by every test in this
/// project: name lookup reaches this namespace first.
/// </summary>
internal sealed class Assert : Xunit.Assert;
