using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stayline.Data;

namespace Stayline.Features.Deadlines;

[Authorize(Policy = Permissions.Administer)]
public sealed class OutboxModel(ReminderSender sender) : PageModel
{
    public string Folder => sender.OutboxFolder;
    public IReadOnlyList<(string File, DateTimeOffset Date, string To, string Subject)> Messages { get; private set; } = [];
    public string? FileName { get; private set; }
    public string? Text { get; private set; }

    public void OnGet(string? file)
    {
        Messages = sender.Outbox();
        if (file is not null && sender.ReadOutbox(file) is { } text)
        {
            (FileName, Text) = (file, text);
        }
    }
}
