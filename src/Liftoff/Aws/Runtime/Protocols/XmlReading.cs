using System.Globalization;
using System.Xml.Linq;

namespace Liftoff.Aws.Runtime.Protocols;

/// <summary>Small readers over AWS XML answers; names are matched by local name (namespaces vary).</summary>
public static class XmlReading
{
    public static XElement? Child(this XElement element, string name) =>
        element.Elements().FirstOrDefault(e => e.Name.LocalName == name);

    public static string? Text(this XElement element, string name) => element.Child(name)?.Value;

    public static bool? Bool(this XElement element, string name) =>
        element.Text(name) is { } text ? bool.Parse(text) : null;

    public static int? Int(this XElement element, string name) =>
        element.Text(name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : null;

    public static double? Double(this XElement element, string name) =>
        element.Text(name) is { } text ? double.Parse(text, CultureInfo.InvariantCulture) : null;

    public static DateTime? Date(this XElement element, string name) =>
        element.Text(name) is { } text
            ? DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal)
            : null;

    /// <summary>awsQuery lists: &lt;Name&gt;&lt;member&gt;…&lt;/member&gt;&lt;/Name&gt;.</summary>
    public static IEnumerable<XElement> Members(this XElement element, string name) =>
        element.Child(name)?.Elements().Where(e => e.Name.LocalName == "member") ?? [];

    public static List<string> Strings(this XElement element, string name) =>
        element.Members(name).Select(m => m.Value).ToList();

    /// <summary>restXml lists: &lt;Name&gt;&lt;Quantity/&gt;&lt;Items&gt;&lt;Item&gt;…&lt;/Items&gt;&lt;/Name&gt;.</summary>
    public static IEnumerable<XElement> Items(this XElement element, string name) =>
        element.Child(name)?.Child("Items")?.Elements() ?? [];
}
