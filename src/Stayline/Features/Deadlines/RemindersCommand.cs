using System.CommandLine;
using Stayline.Cli;
using Stayline.Data;

namespace Stayline.Features.Deadlines;

/// <summary>`stayline reminders send`: emails (or writes to the outbox) the reminders that are due and not yet sent.</summary>
internal static class RemindersCommand
{
    public static Command Create()
    {
        var send = new Command("send", "Send deadline reminders that are due (SMTP when Stayline:Smtp:Host is set, else the outbox folder)");
        send.SetAction((parse, ct) => CliHost.RunAsync(parse, async (services, output, error, ct2) =>
        {
            await using var scope = services.CreateAsyncScope();
            var sender = services.GetRequiredService<ReminderSender>();
            var run = await sender.SendDueAsync(scope.ServiceProvider.GetRequiredService<StaylineDbContext>(), ct2);
            await output.WriteLineAsync($"Sent {run.Sent} reminders via {run.Via}; {run.AlreadySent} were sent before."
                + (run.Via == "outbox" ? $" Outbox: {sender.OutboxFolder}" : ""));
            return 0;
        }, ct: ct));
        return new Command("reminders", "Deadline reminders") { send };
    }
}
