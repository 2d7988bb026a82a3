using System.Text.Json;
using System.Text.Json.Nodes;

namespace Liftoff.Ci.Policy;

/// <summary>
/// One IAM policy statement. <see cref="Why"/> is not part of IAM's grammar (a Sid is letters and digits only): it is
/// printed beside the statement, and says why a resource is wider than one name where AWS allows nothing narrower.
/// </summary>
public sealed record PolicyStatement(
    string Sid,
    IReadOnlyList<string> Actions,
    IReadOnlyList<string> Resources,
    string? Why = null,
    JsonObject? Condition = null)
{
    public JsonObject ToJson()
    {
        var json = new JsonObject
        {
            ["Sid"] = Sid,
            ["Effect"] = "Allow",
            ["Action"] = new JsonArray(Actions.Order(StringComparer.Ordinal).Select(a => (JsonNode)a).ToArray()),
            ["Resource"] = new JsonArray(Resources.Select(r => (JsonNode)r).ToArray()),
        };
        if (Condition is not null) json["Condition"] = Condition.DeepClone();
        return json;
    }
}

/// <summary>An IAM policy document (version 2012-10-17).</summary>
public sealed record IamPolicy(IReadOnlyList<PolicyStatement> Statements)
{
    public JsonObject ToJson() => new()
    {
        ["Version"] = "2012-10-17",
        ["Statement"] = new JsonArray(Statements.Select(s => (JsonNode)s.ToJson()).ToArray()),
    };

    public override string ToString() => ToJson().ToJsonString(new JsonSerializerOptions { WriteIndented = true });
}
