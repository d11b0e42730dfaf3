namespace Stayline.Domain.Matching;

/// <summary>A pair within a cluster that was not itself scored at the threshold, with the score that links it.</summary>
public sealed record ImpliedPair(int Left, int Right, double Score, double DirectScore);

/// <summary>Records of one list grouped into people, and the pairs the grouping implies.</summary>
public sealed class ClusterResult
{
    internal ClusterResult(int[] clusterOf, List<ImpliedPair> implied, int refused)
    {
        ClusterOf = clusterOf;
        Implied = implied;
        RefusedLinks = refused;
    }

    /// <summary>For each record, the index of the first record (in list order) of its cluster.</summary>
    public IReadOnlyList<int> ClusterOf { get; }

    /// <summary>Pairs in one cluster that the linker did not return at the threshold themselves (a to b and b to c give a to c).</summary>
    public IReadOnlyList<ImpliedPair> Implied { get; }

    /// <summary>Links not followed because they would have put two clearly different records in one cluster.</summary>
    public int RefusedLinks { get; }
}

/// <summary>
/// One-file mode clusters: connected components of the pairs at or above a threshold, built strongest link first,
/// with a guard against chaining: two clusters are joined only if no record of one is clearly another person than a
/// record of the other (every cross pair scores at least <see cref="ClearlyDifferent"/>), and no cluster
/// grows beyond <see cref="MaxClusterSize"/>. So Yousif Kassab 1975 and his brother Rami do not end in one cluster
/// because each once looked like a third, vaguer row.
/// </summary>
public static class Clusters
{
    /// <summary>No list holds one person this many times; a larger component is a chain of weak links.</summary>
    public const int MaxClusterSize = 50;

    /// <summary>
    /// A cross pair scoring below this is clearly two people, and keeps their clusters apart. Chosen on half 0 of
    /// fake_1000 (docs/benchmarks/matching.md): at 0.3 the guard refused 130 links there, all of them right; at 0.01, 47.
    /// </summary>
    public const double ClearlyDifferent = 0.01;

    public static ClusterResult Build(int count, IReadOnlyList<MatchPair> pairs, double threshold, Func<int, int, double> score, double clearlyDifferent = ClearlyDifferent)
    {
        var parent = Enumerable.Range(0, count).ToArray();
        var members = new Dictionary<int, List<int>>();
        var known = new Dictionary<(int, int), double>();
        var written = new HashSet<(int, int)>();
        foreach (var p in pairs)
        {
            var key = (Math.Min(p.Left, p.Right), Math.Max(p.Left, p.Right));
            known[key] = p.Score;
            if (p.Score >= threshold)
            {
                written.Add(key);
            }
        }

        int Find(int x)
        {
            while (parent[x] != x)
            {
                parent[x] = parent[parent[x]];
                x = parent[x];
            }

            return x;
        }

        List<int> Members(int root) => members.TryGetValue(root, out var m) ? m : [root];

        double Direct(int x, int y)
        {
            var key = (Math.Min(x, y), Math.Max(x, y));
            if (!known.TryGetValue(key, out var s))
            {
                s = score(key.Item1, key.Item2);
                known[key] = s;
            }

            return s;
        }

        var implied = new List<ImpliedPair>();
        var refused = 0;
        foreach (var p in pairs.Where(p => p.Score >= threshold).OrderByDescending(p => p.Score).ThenBy(p => p.Left).ThenBy(p => p.Right))
        {
            var a = Find(p.Left);
            var b = Find(p.Right);
            if (a == b)
            {
                continue;
            }

            var ma = Members(a);
            var mb = Members(b);
            var ok = ma.Count + mb.Count <= MaxClusterSize;
            var cross = new List<ImpliedPair>();
            for (var i = 0; ok && i < ma.Count; i++)
            {
                for (var j = 0; ok && j < mb.Count; j++)
                {
                    var (x, y) = (Math.Min(ma[i], mb[j]), Math.Max(ma[i], mb[j]));
                    var s = Direct(x, y);
                    if (s < clearlyDifferent)
                    {
                        ok = false;
                    }
                    else if (!written.Contains((x, y)))
                    {
                        // Linked through the cluster at the strength of the link that joins the two parts.
                        cross.Add(new ImpliedPair(x, y, Math.Max(s, p.Score), s));
                    }
                }
            }

            if (!ok)
            {
                refused++;
                continue;
            }

            implied.AddRange(cross);
            var (root, other) = ma.Count >= mb.Count ? (a, b) : (b, a);
            var merged = new List<int>(ma.Count + mb.Count);
            merged.AddRange(ma);
            merged.AddRange(mb);
            parent[other] = root;
            members[root] = merged;
            members.Remove(other);
        }

        var clusterOf = new int[count];
        var first = new Dictionary<int, int>();
        for (var i = 0; i < count; i++)
        {
            var r = Find(i);
            if (!first.TryGetValue(r, out var f))
            {
                f = i;
                first[r] = f;
            }

            clusterOf[i] = f;
        }

        implied.Sort(static (x, y) => x.Left != y.Left ? x.Left.CompareTo(y.Left) : x.Right.CompareTo(y.Right));
        return new ClusterResult(clusterOf, implied, refused);
    }
}
