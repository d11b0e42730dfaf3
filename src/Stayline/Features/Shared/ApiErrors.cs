using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Stayline.Domain.Common;

namespace Stayline.Features.Shared;

public static class ApiErrors
{
    public static ValidationProblem Validation(IEnumerable<FieldError> errors) =>
        TypedResults.ValidationProblem(errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()));

    public static ProblemHttpResult Conflict(string what, int currentVersion) =>
        TypedResults.Problem(
            $"{what} was changed by someone else (it is now at version {currentVersion}). Nothing was saved: reload it, then apply your change again.",
            statusCode: StatusCodes.Status409Conflict, title: "Edit conflict");

    /// <summary>Copies domain field errors next to the form fields ("Input.Field"), in the reader's language.</summary>
    public static void AddTo(ModelStateDictionary modelState, IEnumerable<FieldError> errors, string prefix = "Input")
    {
        foreach (var e in errors)
        {
            modelState.AddModelError(string.IsNullOrEmpty(prefix) ? e.Field : $"{prefix}.{e.Field}", Resources.Strings.Say(e.Sentence));
        }
    }

    public const string ConflictMessage =
        "Someone else saved a change to this record while you were editing it. Nothing you typed was saved. " +
        "The form now shows their version; apply your change again.";
}
