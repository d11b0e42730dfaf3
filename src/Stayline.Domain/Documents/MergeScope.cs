namespace Stayline.Domain.Documents;

/// <summary>The missing values of one merge, in the order first met, each once.</summary>
public sealed class MissingFields
{
    private readonly List<string> _labels = [];
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

    public IReadOnlyList<string> Labels => _labels;

    public void Add(string label)
    {
        if (_seen.Add(label))
        {
            _labels.Add(label);
        }
    }

    /// <summary>The visible marker put in a draft where a value is missing; never a silent blank.</summary>
    public static string Marker(string label) => $"[MISSING: {label}]";
}

/// <summary>Resolves dotted paths against the current loop item, then the enclosing ones, then the root.</summary>
public sealed class MergeScope
{
    private readonly MergeObject _current;
    private readonly MergeScope? _parent;
    private readonly int _index;

    private MergeScope(MergeObject current, MergeScope? parent, int index, MissingFields missing)
    {
        _current = current;
        _parent = parent;
        _index = index;
        Missing = missing;
    }

    public MissingFields Missing { get; }

    public static MergeScope Root(MergeObject root, MissingFields? missing = null) => new(root, null, -1, missing ?? new MissingFields());

    public MergeScope Child(MergeObject item, int index) => new(item, this, index, Missing);

    /// <summary>The text for a value tag; a missing value gives the marker and is recorded.</summary>
    public string Text(string path)
    {
        var (value, label) = Resolve(path);
        switch (value)
        {
            case string s:
                return s;
            case bool b:
                return b ? "yes" : "no";
            case int i:
                return i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            case IReadOnlyList<MergeObject> list when list.Count > 0:
                return list.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            default:
                Missing.Add(label);
                return MissingFields.Marker(label);
        }
    }

    /// <summary>For #if: a non-blank text, true, a non-empty list or an object; missing is false and not reported.</summary>
    public bool IsTrue(string path) => Resolve(path).Value switch
    {
        string s => s.Length > 0,
        bool b => b,
        IReadOnlyList<MergeObject> list => list.Count > 0,
        MergeObject => true,
        _ => false,
    };

    /// <summary>For #each: the list's items; a missing list repeats nothing.</summary>
    public IReadOnlyList<MergeObject> Items(string path) => Resolve(path).Value as IReadOnlyList<MergeObject> ?? [];

    private (object? Value, string Label) Resolve(string path)
    {
        if (path is "@index" or "@number")
        {
            var scope = this;
            while (scope is not null && scope._index < 0)
            {
                scope = scope._parent;
            }

            return scope is null ? (null, "item number") : (scope._index + (path == "@number" ? 1 : 0), "");
        }

        var parts = (path.StartsWith("this.", StringComparison.Ordinal) ? path[5..] : path).Split('.');
        var owner = Find(parts[0]);
        if (owner is null)
        {
            return (null, Humanise(path));
        }

        object? value = owner;
        for (var i = 0; i < parts.Length; i++)
        {
            if (value is not MergeObject obj || !obj.TryGet(parts[i], out value))
            {
                return (null, Humanise(path));
            }

            if (value is null)
            {
                return (null, i == parts.Length - 1 ? obj.LabelOf(parts[i]) : Humanise(path));
            }
        }

        return (value, "");
    }

    private MergeObject? Find(string name)
    {
        for (var s = this; s is not null; s = s._parent)
        {
            if (s._current.TryGet(name, out _))
            {
                return s._current;
            }
        }

        return null;
    }

    private static string Humanise(string path) => path.Replace('.', ' ').Replace('_', ' ');
}
