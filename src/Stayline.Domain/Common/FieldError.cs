namespace Stayline.Domain.Common;

/// <summary>A validation failure tied to the field (or CSV column) that caused it.</summary>
public sealed record FieldError(string Field, string Message);

/// <summary>Collects field errors; entities return these instead of throwing on bad user input.</summary>
public sealed class Validation
{
    private readonly List<FieldError> _errors = [];

    public IReadOnlyList<FieldError> Errors => _errors;

    public bool IsValid => _errors.Count == 0;

    public Validation Add(string field, string message)
    {
        _errors.Add(new FieldError(field, message));
        return this;
    }

    public Validation Require(bool condition, string field, string message) =>
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
