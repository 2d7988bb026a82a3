using Xunit;

namespace Greeter.Tests;

public class GreetingTests
{
    [Fact]
    public void Greets_by_name() => Assert.Equal("Hello, Ada!", Greeting.For("Ada"));

    [Theory]
    [InlineData("Grace")]
    [InlineData("Linus")]
    public void Names_the_person(string name) => Assert.Contains(name, Greeting.For(name));
}
