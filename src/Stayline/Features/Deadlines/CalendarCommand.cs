using System.CommandLine;
using System.Globalization;
using Stayline.Domain.Deadlines;

namespace Stayline.Features.Deadlines;

/// <summary><c>stayline calendar YEAR</c>: the federal legal holidays (observed days) and closures of a year.</summary>
internal static class CalendarCommand
{
    public static Command Create()
    {
        var year = new Argument<string>("year") { Description = $"A year from {CourtCalendar.FirstYear} to {CourtCalendar.LastYear}" };
        var command = new Command("calendar", "List a year's federal legal holidays and court closures") { year };
        command.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var text = parseResult.GetValue(year);
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
                || value < CourtCalendar.FirstYear || value > CourtCalendar.LastYear)
            {
                parseResult.InvocationConfiguration.Error.WriteLine(
                    $"Bad year \"{text}\": expected a year from {CourtCalendar.FirstYear} to {CourtCalendar.LastYear}, e.g. 2026.");
                return 1;
            }

            output.WriteLine($"Court closures in {value}: legal holidays ({FederalHolidays.Citation}) on their observed days, and executive-order closures.");
            output.WriteLine("closed      day  holiday     name");
            // The Board's calendar is the federal one plus its own days (Inauguration Day), marked as such.
            foreach (var entry in CourtCalendar.Federal.Board.EntriesFor(value))
            {
                var holiday = entry.HolidayDate is { } date ? Format(date) : "-         ";
                var day = entry.Day.DayOfWeek.ToString()[..3];
                var only = entry.Court == CourtId.Board ? $" (Board of Immigration Appeals filings only, {entry.Source})" : "";
                output.WriteLine($"{Format(entry.Day)}  {day}  {holiday}  {entry.Name}{only}");
            }

            return 0;
        });
        return command;
    }

    private static string Format(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
