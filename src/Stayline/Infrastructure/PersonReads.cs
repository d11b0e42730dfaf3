namespace Stayline.Infrastructure;

/// <summary>
/// The one way a page or an API handler says "this response shows these people's data": it records who (the
/// signed-in user or token), when, and what (the request: method, path and query) in the audit log, one row per
/// person, and returns once the rows are stored. Call it after the data is read and before returning the result,
/// so that nothing is sent for a read the audit log does not hold. Lists that only help find someone (names and
/// A-numbers on the people list, the boards) are not recorded per person; opening anyone's file is.
/// </summary>
public static class PersonReads
{
    /// <summary>Longest "what" stored: a filter's query string is kept, a pasted list of thousands of A-numbers is cut.</summary>
    private const int WhatLength = 1000;

    public static Task AuditReadAsync(this HttpContext http, long personId, CancellationToken ct) =>
        http.AuditReadAsync([personId], "view", ct);

    /// <param name="action">"view" for a page or an API read, "export" for a file.</param>
    public static Task AuditReadAsync(this HttpContext http, IReadOnlyCollection<long> personIds, string action, CancellationToken ct)
    {
        var log = http.RequestServices.GetRequiredService<ReadAuditLog>();
        return log.RecordAsync(HttpAuditActorSource.ActorOf(http.User), personIds, action, What(http), ct);
    }

    private static string What(HttpContext http)
    {
        var what = $"{http.Request.Method} {http.Request.Path}{http.Request.QueryString}";
        return what.Length <= WhatLength ? what : what[..WhatLength] + "...";
    }
}
