namespace Stayline.Domain.Common;

/// <summary>A validation failure tied to the field (or CSV column) that caused it.</summary>
/// <param name="Sentence">What is wrong, translatable on a page (<see cref="Common.Sentence"/>).</param>
public sealed record FieldError(string Field, Sentence Sentence)
{
    /// <summary>A failure whose text is not translated (it comes from elsewhere: a library, a stored message).</summary>
    public FieldError(string field, string message)
        : this(field, Sentence.Verbatim(message))
    {
    }

    /// <summary>The English sentence (CLI, API, logs).</summary>
    public string Message => Sentence.ToString();
}

/// <summary>Collects field errors; entities return these instead of throwing on bad user input.</summary>
public sealed class Validation
{
    private readonly List<FieldError> _errors = [];

    public IReadOnlyList<FieldError> Errors => _errors;

    public bool IsValid => _errors.Count == 0;

    public Validation Add(string field, FormattableString message)
    {
        return Add(field, Sentence.Of(message));
    }

    public Validation Add(string field, Sentence message)
    {
        _errors.Add(new FieldError(field, message));
        return this;
    }

    public Validation Require(bool condition, string field, FormattableString message) =>
        condition ? this : Add(field, message);

    public Validation Require(bool condition, string field, Sentence message) =>
        condition ? this : Add(field, message);

    public void ThrowIfInvalid()
    {
        if (!IsValid)
        {
            throw new DomainValidationException(_errors);
        }
    }
}

/// <summary>Thrown only when code (not a user) breaks an invariant after validation was skipped.</summary>
public sealed class DomainValidationException(IReadOnlyList<FieldError> errors)
    : Exception(string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}")))
{
    public IReadOnlyList<FieldError> Errors { get; } = errors;
}
