namespace Stayline.Features.Import;

/// <summary>
/// Token rows in the order of the token table's key (token, sort name, person id): written in this order every
/// page of the key is filled once, left to right. Distinct tokens and names are fewer than rows (names repeat),
/// so each distinct value is sorted once and rows are placed by counting sorts, which are stable: people with the
/// same sort name stay in person order, which is id order (ids grow with the person index).
/// </summary>
/// <param name="Distinct">The distinct tokens, in order.</param>
/// <param name="TokenIds">Each row's token, as an index into <paramref name="Distinct"/>.</param>
/// <param name="Persons">Each row's person, as an index into the people written.</param>
internal readonly record struct TokenOrder(string[] Distinct, int[] TokenIds, int[] Persons)
{
    public string Token(int row) => Distinct[TokenIds[row]];

    public IEnumerable<string> Tokens
    {
        get
        {
            var distinct = Distinct;
            return TokenIds.Select(t => distinct[t]);
        }
    }

    /// <param name="tokensByPerson">Each person's tokens.</param>
    /// <param name="sortNames">Each person's sort name, the key's second column.</param>
    public static TokenOrder Of(string[][] tokensByPerson, IReadOnlyList<string> sortNames)
    {
        var n = tokensByPerson.Length;
        var first = new int[n + 1];
        for (var p = 0; p < n; p++)
        {
            first[p + 1] = first[p] + tokensByPerson[p].Length;
        }

        var all = new string[first[n]];
        for (var p = 0; p < n; p++)
        {
            tokensByPerson[p].CopyTo(all, first[p]);
        }

        // People in sort-name order first (stable: ties stay in person order); the tokens' counting sort, fed
        // people in that order, keeps it within each token.
        var (nameRank, names) = Rank(sortNames);
        var nameStart = Starts(nameRank, names.Length);
        var byName = new int[n];
        for (var p = 0; p < n; p++)
        {
            byName[nameStart[nameRank[p]]++] = p;
        }

        var (tokenRank, tokens) = Rank(all);
        var start = Starts(tokenRank, tokens.Length);
        var tokensOut = new int[all.Length];
        var persons = new int[all.Length];
        foreach (var person in byName)
        {
            for (var k = first[person]; k < first[person + 1]; k++)
            {
                var at = start[tokenRank[k]]++;
                tokensOut[at] = tokenRank[k];
                persons[at] = person;
            }
        }

        return new TokenOrder(tokens, tokensOut, persons);
    }

    /// <summary>The rank of each value among the distinct values in ordinal order (the order of SQLite's BINARY
    /// collation and PostgreSQL's "C" for text without surrogate pairs), and those values sorted.</summary>
    private static (int[] Rank, string[] Sorted) Rank(IReadOnlyList<string> values)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var distinct = new List<string>();
        var rankOf = new int[values.Count];
        for (var i = 0; i < values.Count; i++)
        {
            if (!ids.TryGetValue(values[i], out var id))
            {
                id = distinct.Count;
                ids.Add(values[i], id);
                distinct.Add(values[i]);
            }

            rankOf[i] = id;
        }

        var sorted = distinct.ToArray();
        var byRank = Enumerable.Range(0, sorted.Length).ToArray();
        Array.Sort(sorted, byRank, StringComparer.Ordinal);
        var rank = new int[sorted.Length];
        for (var r = 0; r < byRank.Length; r++)
        {
            rank[byRank[r]] = r;
        }

        for (var i = 0; i < rankOf.Length; i++)
        {
            rankOf[i] = rank[rankOf[i]];
        }

        return (rankOf, sorted);
    }

    /// <summary>Where each rank's run starts in the sorted output.</summary>
    private static int[] Starts(int[] rank, int count)
    {
        var start = new int[count + 1];
        foreach (var r in rank)
        {
            start[r + 1]++;
        }

        for (var r = 1; r < start.Length; r++)
        {
            start[r] += start[r - 1];
        }

        return start;
    }
}
