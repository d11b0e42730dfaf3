namespace Stayline.Features.Import;

/// <summary>
/// Token rows in index order (token, then person): written in this order every index page of the token key is
/// filled once, left to right. Distinct tokens are few (names repeat), so they are sorted once and the rows are
/// placed by a counting sort, which keeps the person order within a token.
/// </summary>
internal readonly record struct TokenOrder(string[] Tokens, int[] Persons)
{
    public static TokenOrder Of(string[][] tokensByPerson)
    {
        var total = 0;
        foreach (var t in tokensByPerson)
        {
            total += t.Length;
        }

        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var distinct = new List<string>();
        var tokenIds = new int[total];
        var k = 0;
        foreach (var tokens in tokensByPerson)
        {
            foreach (var t in tokens)
            {
                if (!ids.TryGetValue(t, out var id))
                {
                    id = distinct.Count;
                    ids.Add(t, id);
                    distinct.Add(t);
                }

                tokenIds[k++] = id;
            }
        }

        var sorted = distinct.ToArray();
        var byRank = Enumerable.Range(0, sorted.Length).ToArray();
        Array.Sort(sorted, byRank, StringComparer.Ordinal);
        var rank = new int[sorted.Length];
        for (var r = 0; r < byRank.Length; r++)
        {
            rank[byRank[r]] = r;
        }

        var start = new int[sorted.Length + 1];
        foreach (var id in tokenIds)
        {
            start[rank[id] + 1]++;
        }

        for (var r = 1; r < start.Length; r++)
        {
            start[r] += start[r - 1];
        }

        var tokensOut = new string[total];
        var persons = new int[total];
        k = 0;
        for (var person = 0; person < tokensByPerson.Length; person++)
        {
            for (var j = 0; j < tokensByPerson[person].Length; j++)
            {
                var r = rank[tokenIds[k++]];
                var at = start[r]++;
                tokensOut[at] = sorted[r];
                persons[at] = person;
            }
        }

        return new TokenOrder(tokensOut, persons);
    }
}
