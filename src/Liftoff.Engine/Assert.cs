using System.Runtime.CompilerServices;

namespace Liftoff.Engine;

/// <summary>
/// Checks a build states about its own inputs, as NUKE's <c>Assert</c>: a failed check throws, which fails the target
/// with the message (or, without one, the checked expression).
/// </summary>
public static class Assert
{
    public static void Fail(string message, Exception? exception = null) => throw new AssertionException(message, exception);

    public static void True(bool condition, string? message = null, [CallerArgumentExpression(nameof(condition))] string? expression = null)
    {
        if (!condition) Fail(message ?? $"Expected {expression} to be true.");
    }

    public static void False(bool condition, string? message = null, [CallerArgumentExpression(nameof(condition))] string? expression = null)
    {
        if (condition) Fail(message ?? $"Expected {expression} to be false.");
    }

    /// <summary>Returns the value, so checks chain: <c>Solution.GetProject("App").NotNull()</c>.</summary>
    public static T NotNull<T>(this T? value, string? message = null, [CallerArgumentExpression(nameof(value))] string? expression = null)
        where T : class =>
        value ?? throw new AssertionException(message ?? $"Expected {expression} not to be null.");

    public static T NotNull<T>(this T? value, string? message = null, [CallerArgumentExpression(nameof(value))] string? expression = null)
        where T : struct =>
        value ?? throw new AssertionException(message ?? $"Expected {expression} not to be null.");

    public static string NotNullOrEmpty(this string? text, string? message = null, [CallerArgumentExpression(nameof(text))] string? expression = null) =>
        string.IsNullOrEmpty(text) ? throw new AssertionException(message ?? $"Expected {expression} not to be null or empty.") : text;

    public static string NotNullOrWhiteSpace(this string? text, string? message = null, [CallerArgumentExpression(nameof(text))] string? expression = null) =>
        string.IsNullOrWhiteSpace(text) ? throw new AssertionException(message ?? $"Expected {expression} not to be null or white space.") : text;

    public static void NotEmpty<T>(IEnumerable<T>? collection, string? message = null, [CallerArgumentExpression(nameof(collection))] string? expression = null)
    {
        if (!collection.NotNull(message, expression).Any()) Fail(message ?? $"Expected {expression} not to be empty.");
    }

    public static void Empty<T>(IEnumerable<T>? collection, string? message = null, [CallerArgumentExpression(nameof(collection))] string? expression = null)
    {
        if (collection.NotNull(message, expression).Any()) Fail(message ?? $"Expected {expression} to be empty.");
    }

    public static void Count<T>(IEnumerable<T>? collection, int length, string? message = null, [CallerArgumentExpression(nameof(collection))] string? expression = null)
    {
        var count = collection.NotNull(message, expression).Count();
        if (count != length) Fail(message ?? $"Expected {expression} to have {length} item(s), but it has {count}.");
    }

    public static void HasSingleItem<T>(IEnumerable<T>? collection, string? message = null, [CallerArgumentExpression(nameof(collection))] string? expression = null) =>
        Count(collection, 1, message, expression);

    public static void FileExists(string? path, string? message = null, [CallerArgumentExpression(nameof(path))] string? expression = null)
    {
        if (!File.Exists(path.NotNull(message, expression))) Fail(message ?? $"Expected the file {path} to exist.");
    }

    public static void DirectoryExists(string? path, string? message = null, [CallerArgumentExpression(nameof(path))] string? expression = null)
    {
        if (!Directory.Exists(path.NotNull(message, expression))) Fail(message ?? $"Expected the directory {path} to exist.");
    }
}

/// <summary>A failed <see cref="Assert"/>: the target fails with this message.</summary>
public sealed class AssertionException(string message, Exception? inner = null) : Exception(message, inner);
