using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;

namespace Stayline.Features.Dashboard;

public sealed record ChartItem(string Label, int Value, string? Href = null);

/// <summary>
/// Bar charts drawn on the server as inline SVG: no script, no outside service, and only presentation
/// attributes (the content security policy forbids style attributes). Each chart carries a title and a
/// description for screen readers, and every bar its number in text.
/// </summary>
public static class SvgChart
{
    private const int Width = 480;
    private const int LabelWidth = 180;
    private const int BarHeight = 22;
    private const int Gap = 6;
    private static readonly string[] Palette = ["#1f5f99", "#b03a2e", "#2e7d32", "#8e6c00", "#6a3d9a", "#00796b", "#5d4037", "#455a64"];

    public static IHtmlContent Bars(string id, string title, IReadOnlyList<ChartItem> items)
    {
        var max = Math.Max(1, items.Count == 0 ? 1 : items.Max(i => i.Value));
        var height = Math.Max(1, items.Count) * (BarHeight + Gap) + Gap;
        var sb = Open(id, title, items, height);
        for (var n = 0; n < items.Count; n++)
        {
            var item = items[n];
            var y = Gap + n * (BarHeight + Gap);
            var w = (int)Math.Round((Width - LabelWidth - 60) * (double)item.Value / max);
            Append(sb, item.Href, $"<text x=\"{LabelWidth - 8}\" y=\"{y + 16}\" text-anchor=\"end\" font-size=\"13\" fill=\"#222\">{E(Shorten(item.Label, 22))}</text>");
            sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"{LabelWidth}\" y=\"{y}\" width=\"{Math.Max(w, 1)}\" height=\"{BarHeight}\" rx=\"3\" fill=\"{Palette[n % Palette.Length]}\"><title>{E(item.Label)}: {item.Value}</title></rect>");
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth + Math.Max(w, 1) + 6}\" y=\"{y + 16}\" font-size=\"13\" fill=\"#222\">{item.Value:N0}</text>");
        }

        return Close(sb);
    }

    public static IHtmlContent Columns(string id, string title, IReadOnlyList<ChartItem> items)
    {
        const int chartHeight = 180;
        var max = Math.Max(1, items.Count == 0 ? 1 : items.Max(i => i.Value));
        var slot = items.Count == 0 ? Width : (Width - 20) / items.Count;
        var sb = Open(id, title, items, chartHeight + 50);
        sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"10\" y1=\"{chartHeight + 10}\" x2=\"{Width - 10}\" y2=\"{chartHeight + 10}\" stroke=\"#888\" stroke-width=\"1\"/>");
        for (var n = 0; n < items.Count; n++)
        {
            var item = items[n];
            var h = (int)Math.Round(chartHeight * (double)item.Value / max);
            var x = 10 + n * slot + slot / 6;
            var w = Math.Max(4, slot * 2 / 3);
            sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x}\" y=\"{chartHeight + 10 - h}\" width=\"{w}\" height=\"{Math.Max(h, 1)}\" fill=\"{Palette[0]}\"><title>{E(item.Label)}: {item.Value}</title></rect>");
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + w / 2}\" y=\"{chartHeight + 6 - h}\" text-anchor=\"middle\" font-size=\"12\" fill=\"#222\">{item.Value:N0}</text>");
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + w / 2}\" y=\"{chartHeight + 28}\" text-anchor=\"middle\" font-size=\"11\" fill=\"#444\">{E(item.Label)}</text>");
        }

        return Close(sb);
    }

    private static StringBuilder Open(string id, string title, IReadOnlyList<ChartItem> items, int height)
    {
        var sb = new StringBuilder();
        var description = items.Count == 0 ? "No data." : string.Join(", ", items.Select(i => $"{i.Label}: {i.Value.ToString(CultureInfo.InvariantCulture)}"));
        sb.Append(CultureInfo.InvariantCulture,
            $"<svg class=\"chart\" id=\"{id}\" viewBox=\"0 0 {Width} {height}\" width=\"100%\" role=\"img\" aria-labelledby=\"{id}-t {id}-d\" xmlns=\"http://www.w3.org/2000/svg\">");
        sb.Append(CultureInfo.InvariantCulture, $"<title id=\"{id}-t\">{E(title)}</title><desc id=\"{id}-d\">{E(description)}</desc>");
        if (items.Count == 0)
        {
            sb.Append("<text x=\"10\" y=\"20\" font-size=\"13\" fill=\"#555\">No data yet.</text>");
        }

        return sb;
    }

    private static IHtmlContent Close(StringBuilder sb) => new HtmlString(sb.Append("</svg>").ToString());

    private static void Append(StringBuilder sb, string? href, string content) =>
        sb.Append(href is null ? content : $"<a href=\"{E(href)}\">{content}</a>");

    private static string Shorten(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";

    private static string E(string s) => WebUtility.HtmlEncode(s);
}
