namespace Stayline.Domain.Documents;

/// <summary>
/// The facts a template can use: named text values, nested objects and lists, each with a human label so
/// that a missing value can be shown as "[MISSING: removal order date]" instead of a blank.
/// </summary>
public sealed class MergeObject
{
    private readonly Dictionary<string, object?> _fields = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _labels = new(StringComparer.Ordinal);

    public MergeObject(string label = "")
    {
        Label = label;
    }

    /// <summary>What this object is, in words ("removal order", "conviction"); prefixes its fields' labels.</summary>
    public string Label { get; }

    public IEnumerable<string> Names => _fields.Keys;

    public MergeObject Set(string name, string? value, string? label = null) => Put(name, string.IsNullOrWhiteSpace(value) ? null : value, label);

    public MergeObject Set(string name, MergeObject value) => Put(name, value, null);

    public MergeObject Set(string name, IEnumerable<MergeObject> items) => Put(name, items.ToList(), null);

    public MergeObject Set(string name, bool value, string? label = null) => Put(name, value, label);

    public bool TryGet(string name, out object? value) => _fields.TryGetValue(name, out value);

    /// <summary>The words for a field when it is missing: its own label or "object label + field words".</summary>
    public string LabelOf(string name) =>
        _labels.TryGetValue(name, out var label) ? label : $"{Label} {name.Replace('_', ' ')}".Trim();

    private MergeObject Put(string name, object? value, string? label)
    {
        _fields[name] = value;
        if (label is not null)
        {
            _labels[name] = label;
        }

        return this;
    }
}
