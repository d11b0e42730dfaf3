using Stayline.Data;

namespace Stayline.Features.Import;

/// <summary>
/// The search tokens of the people a bulk write stores, computed in order on another thread while the writer
/// stores the person rows (each person row records its tokens in NameIndex, so the writer asks for person i's
/// tokens just before it needs them). With the writer on one core and this on the other, computing the tokens
/// costs almost no time of its own. People with the same names share one array, computed once.
/// </summary>
internal sealed class TokensAhead
{
    private readonly string[][] _byPerson;
    private readonly string?[] _others;
    private readonly Task _work;
    private int _ready;

    public TokensAhead(IReadOnlyList<NewPerson> people, CancellationToken ct)
    {
        _byPerson = new string[people.Count][];
        _others = new string?[people.Count];
        _work = Task.Run(() =>
        {
            var byName = new Dictionary<(string Given, string Family, string? Native), string[]>();
            for (var i = 0; i < people.Count; i++)
            {
                var p = people[i].Person;
                if (!byName.TryGetValue((p.GivenName, p.FamilyName, p.NativeName), out var tokens))
                {
                    tokens = PersonSearch.TokensForPerson(p.GivenName, p.FamilyName, p.NativeName, []);
                    byName[(p.GivenName, p.FamilyName, p.NativeName)] = tokens;
                }

                _byPerson[i] = tokens;
                _others[i] = PersonSearch.OtherWords(p.SortName, tokens);
                if ((i & 255) == 255)
                {
                    ct.ThrowIfCancellationRequested();
                    Volatile.Write(ref _ready, i + 1);
                }
            }

            Volatile.Write(ref _ready, people.Count);
        }, ct);
    }

    /// <summary>Every person's tokens and other words, once all are computed.</summary>
    public async Task<(string[][] ByPerson, string?[] Others)> AllAsync()
    {
        await _work;
        return (_byPerson, _others);
    }

    /// <summary>Person <paramref name="i"/>'s tokens, waiting for them if they are not computed yet.</summary>
    public string[] For(int i)
    {
        if (Volatile.Read(ref _ready) <= i)
        {
            var spin = new SpinWait();
            while (Volatile.Read(ref _ready) <= i)
            {
                if (_work.IsCompleted)
                {
                    _work.GetAwaiter().GetResult(); // rethrows what stopped it
                    break;
                }

                spin.SpinOnce();
            }
        }

        return _byPerson[i];
    }
}
