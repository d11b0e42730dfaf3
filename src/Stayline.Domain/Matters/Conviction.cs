using Stayline.Domain.Common;

namespace Stayline.Domain.Matters;

public sealed class Conviction
{
    public long Id { get; private set; }
    public long PersonId { get; private set; }
    public string Offence { get; private set; } = "";
    public DateOnly? ConvictedOn { get; private set; }
    public string? Sentence { get; private set; }
    public bool SentenceCompleted { get; private set; }

    private Conviction()
    {
    }

    public static (Conviction? Conviction, IReadOnlyList<FieldError> Errors) Create(long personId, string? offence, DateOnly? on,
        string? sentence, bool completed, DateOnly today)
    {
        var v = new Validation();
        v.Require(!string.IsNullOrWhiteSpace(offence), "Offence", $"Name the offence.");
        v.Require(on is null || on <= today, "ConvictedOn", $"Conviction date {on:yyyy-MM-dd} is in the future.");
        return v.IsValid
            ? (new Conviction { PersonId = personId, Offence = offence!.Trim(), ConvictedOn = on, Sentence = sentence?.Trim(), SentenceCompleted = completed }, v.Errors)
            : (null, v.Errors);
    }
}
