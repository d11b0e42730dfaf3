using System.Diagnostics;

namespace Stayline.Features.Documents;

/// <summary>PDF through LibreOffice, when it is installed; Stayline itself never needs it.</summary>
internal static class PdfConverter
{
    public const string NotInstalled = "PDF not produced: LibreOffice is not installed (no `libreoffice` or `soffice` on PATH). Install it (apt-get install libreoffice-writer) or convert the DOCX files in Word.";

    public static string? Executable() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(dir => new[] { Path.Combine(dir, "libreoffice"), Path.Combine(dir, "soffice") })
            .FirstOrDefault(File.Exists);

    /// <summary>Converts the files into <paramref name="outDir"/>; returns an error message, or null on success.</summary>
    public static async Task<string?> ConvertAsync(IReadOnlyList<string> docxFiles, string outDir, CancellationToken ct)
    {
        if (Executable() is not { } exe)
        {
            return NotInstalled;
        }

        var psi = new ProcessStartInfo(exe) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "--headless", "--convert-to", "pdf", "--outdir", outDir }.Concat(docxFiles))
        {
            psi.ArgumentList.Add(arg);
        }

        using var process = Process.Start(psi)!;
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.StandardOutput.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        return process.ExitCode == 0 ? null : $"LibreOffice failed (exit {process.ExitCode}): {await stderr}";
    }
}
