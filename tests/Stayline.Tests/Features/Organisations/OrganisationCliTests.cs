using Stayline.Cli;
using Stayline.Tests.Infrastructure;

namespace Stayline.Tests.Features.Organisations;

/// <summary>Issue 16 item 1 from the command line: <c>org add --name</c>, <c>user add --org</c> and <c>org list</c>, on
/// both databases; an unknown organisation is refused with the command that adds it.</summary>
public class OrganisationCliTests
{
    private static async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await StaylineCli.RunAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task OrgAdd_UserAddWithOrg_AndOrgList(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        Assert.Equal(0, (await RunAsync("db", "migrate", "--db", db.ConnectionString)).Code);

        var added = await RunAsync("org", "add", "--name", "Partner Clinic", "--db", db.ConnectionString);
        Assert.Equal(0, added.Code);
        Assert.Contains("Added Partner Clinic (id ", added.Out, StringComparison.Ordinal);
        var again = await RunAsync("org", "add", "--name", "partner clinic", "--db", db.ConnectionString);
        Assert.Equal(1, again.Code);
        Assert.Contains("already exists", again.Out + again.Err, StringComparison.Ordinal);

        var user = await RunAsync("user", "add", "--email", "volunteer@example.org", "--role", "attorney", "--org", "Partner Clinic", "--db", db.ConnectionString);
        Assert.Equal(0, user.Code);
        var unknown = await RunAsync("user", "add", "--email", "other@example.org", "--role", "attorney", "--org", "Nobody Firm", "--db", db.ConnectionString);
        Assert.Equal(1, unknown.Code);
        Assert.Contains("./stayline org add --name \"Nobody Firm\"", unknown.Err, StringComparison.Ordinal);

        var list = await RunAsync("org", "list", "--db", db.ConnectionString);
        Assert.Equal(0, list.Code);
        var row = list.Out.Split('\n').Single(l => l.Contains("\tPartner Clinic\t", StringComparison.Ordinal)).Trim().Split('\t');
        Assert.Equal(["Partner Clinic", "no", "1", "0"], row[1..]);
    }
}
