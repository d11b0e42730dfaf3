namespace Stayline.Data;

/// <summary>
/// One token of one of a person's names, for indexed search (<see cref="PersonSearch.TokensFor"/>): a folded word,
/// a folded word whose spelling keys hold only in its name's context (stored with a trailing space), or a spelling
/// key no single word carries ("~" and the key).
/// </summary>
public sealed class PersonNameToken
{
    public string Token { get; set; } = "";

    /// <summary>The person's <see cref="Stayline.Domain.People.Person.SortName"/>, copied so that the token index returns matches in the
    /// people list's order without reading each person (rewritten with the tokens whenever a name changes).</summary>
    public string SortName { get; set; } = "";

    public long PersonId { get; set; }

    /// <summary>The person's organisation, copied (rewritten with the tokens when it changes) so that a partner's name
    /// search is scoped inside the token row itself instead of reading the person of every row it passes.</summary>
    public long OrganisationId { get; set; }

    /// <summary>The person's folded words that are not in <see cref="SortName"/> (aliases, the name in its own script),
    /// space-separated, or null: a search's second and later words are checked in this row alone.</summary>
    public string? OtherWords { get; set; }
}
