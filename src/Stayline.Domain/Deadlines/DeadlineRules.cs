using Stayline.Domain.Common;

namespace Stayline.Domain.Deadlines;

/// <summary>The deadline rule table. Every rule carries its citation; explanations are for clients and volunteers.</summary>
public static class DeadlineRules
{
    /// <summary>Roll-forward for filings with the immigration court or the Board ("day" in 8 CFR chapter V).</summary>
    public const string MotionCounting = "8 CFR 1001.1(h); Monsalvo Velázquez v. Bondi (U.S. 2025)";

    /// <summary>8 CFR 1003.38(b) itself extends a Board appeal due on a weekend or legal holiday to the next business day.</summary>
    public const string BoardAppealCounting = "8 CFR 1003.38(b)";

    public static readonly DeadlineRule BiaAppeal = Statutory(
        "bia-appeal",
        Forum.Board,
        Sentence.Of($"Appeal to the Board of Immigration Appeals"),
        Sentence.Of($"the immigration judge's decision: for an oral decision the day it was stated, for a written one the day it was mailed or notified electronically"),
        30,
        "8 CFR 1003.38(b),(c)",
        BoardAppealCounting,
        Sentence.Of($"To appeal an immigration judge's decision, the notice of appeal must reach the Board within 30 days. The Board counts the day it receives the notice, not the day it was sent. For a decision announced in court the count starts that day; for a written decision it starts when the decision was mailed or notified electronically."));

    public static readonly DeadlineRule ReconsiderIj = Statutory(
        "reconsider-ij",
        Forum.ImmigrationCourt,
        Sentence.Of($"Motion to reconsider (immigration judge)"),
        Sentence.Of($"the immigration judge's final order"),
        30,
        "8 CFR 1003.23(b)(1)",
        MotionCounting,
        Sentence.Of($"A motion asking the immigration judge to look again at a decision because of an error of law or fact in it must be filed within 30 days of the final order. Usually only one such motion is allowed."));

    public static readonly DeadlineRule ReconsiderBia = Statutory(
        "reconsider-bia",
        Forum.Board,
        Sentence.Of($"Motion to reconsider (Board of Immigration Appeals)"),
        Sentence.Of($"the Board's decision (the day it was mailed)"),
        30,
        "8 CFR 1003.2(b)(2)",
        MotionCounting,
        Sentence.Of($"A motion asking the Board to look again at its own decision because of an error in it must be filed with the Board within 30 days after the decision was mailed. Usually only one such motion is allowed."));

    public static readonly DeadlineRule MtrIj = Statutory(
        "mtr-ij",
        Forum.ImmigrationCourt,
        Sentence.Of($"Motion to reopen (immigration judge)"),
        Sentence.Of($"the final administrative order of removal"),
        90,
        "8 CFR 1003.23(b)(1); INA 240(c)(7)(C)(i)",
        MotionCounting,
        Sentence.Of($"A motion asking the immigration judge to reopen the case, usually because of new facts or evidence, must be filed within 90 days of the final order. Usually only one such motion is allowed. Some motions have no time limit at all (see the exemptions)."),
        ChangedCountryConditions("8 CFR 1003.23(b)(4)(i)"),
        JointMotion("8 CFR 1003.23(b)(4)(iv)"));

    public static readonly DeadlineRule MtrBia = Statutory(
        "mtr-bia",
        Forum.Board,
        Sentence.Of($"Motion to reopen (Board of Immigration Appeals)"),
        Sentence.Of($"the Board's final decision"),
        90,
        "8 CFR 1003.2(c)(2)",
        MotionCounting,
        Sentence.Of($"A motion asking the Board to reopen a case it decided, usually because of new facts or evidence, must be filed within 90 days of the Board's final decision. Usually only one such motion is allowed. Some motions have no time limit at all (see the exemptions)."),
        ChangedCountryConditions("8 CFR 1003.2(c)(3)(ii)"),
        JointMotion("8 CFR 1003.2(c)(3)(iii)"));

    public static readonly DeadlineRule MtrInAbsentia = Statutory(
        "mtr-in-absentia",
        Forum.ImmigrationCourt,
        Sentence.Of($"Motion to reopen an in absentia order (exceptional circumstances)"),
        Sentence.Of($"the removal order entered in absentia"),
        180,
        "8 CFR 1003.23(b)(4)(ii); INA 240(b)(5)(C)(i)",
        MotionCounting,
        Sentence.Of($"When someone was ordered removed because they did not come to the hearing, they can ask the immigration judge to reopen within 180 days by showing that exceptional circumstances beyond their control kept them away. Filing this motion stops removal while the judge decides it. If they never received notice of the hearing, or were held in custody and missed it through no fault of their own, there is no time limit."),
        new TimeLimitExemption(
            "lack-of-notice",
            Sentence.Of($"Did not receive notice of the hearing"),
            "8 CFR 1003.23(b)(4)(ii); INA 240(b)(5)(C)(ii)",
            Sentence.Of($"A motion showing that the person did not receive notice of the hearing may be filed at any time.")),
        new TimeLimitExemption(
            "in-custody",
            Sentence.Of($"In federal or state custody at the time of the hearing"),
            "8 CFR 1003.23(b)(4)(ii); INA 240(b)(5)(C)(ii)",
            Sentence.Of($"A motion showing that the person was in federal or state custody and missed the hearing through no fault of their own may be filed at any time.")));

    public static readonly DeadlineRule Pfr = Statutory(
        "pfr",
        Forum.CourtOfAppeals,
        Sentence.Of($"Petition for review (court of appeals)"),
        Sentence.Of($"the final order of removal"),
        30,
        "8 U.S.C. 1252(b)(1),(2); FRAP 26(a)",
        "FRAP 26(a)(1)",
        Sentence.Of($"A petition asking a federal court of appeals to review a final removal order must be filed within 30 days of that order, in the circuit where the immigration judge completed the proceedings. The court will enforce the deadline when the government raises it (a mandatory claim-processing rule: Riley v. Bondi, 2025). Filing the petition does not stop removal: a separate motion for a stay must be filed and granted (Nken v. Holder, 2009). A holiday of the state where the circuit clerk's office is also moves the last day (FRAP 26(a)(6)(C)); Stayline does not count state holidays, so the date shown can be a day early, never late."));

    public static readonly DeadlineRule BondAppeal = Statutory(
        "bond-appeal",
        Forum.Board,
        Sentence.Of($"Bond appeal to the Board of Immigration Appeals"),
        Sentence.Of($"the immigration judge's custody (bond) decision: for an oral decision the day it was stated, for a written one the day it was mailed or notified electronically"),
        30,
        "8 CFR 1003.19(f); 1003.38(b),(c); 1236.1(d)(3)",
        BoardAppealCounting,
        Sentence.Of($"Either side may appeal an immigration judge's bond or custody decision to the Board. The notice of appeal must reach the Board within 30 days, counted like an appeal of a removal decision: from the day an oral decision was stated or a written one was mailed or notified electronically. The appeal is separate from the removal case and does not by itself change the judge's order; only the government's automatic stay (see eoir43-notice and eoir43-appeal) keeps the person detained while it runs."));

    public static readonly DeadlineRule Eoir43Notice = GovernmentBusinessDays(
        "eoir43-notice",
        Forum.ImmigrationCourt,
        Sentence.Of($"DHS notice of intent to appeal a release order (Form EOIR-43)"),
        Sentence.Of($"the immigration judge's order authorizing release (the bond order)"),
        1,
        "8 CFR 1003.19(i)(2)",
        Sentence.Of($"Where DHS had ordered no release or set a bond of $10,000 or more, a judge's order authorizing release is stayed automatically only if DHS files Form EOIR-43 with the immigration court within one business day of the order. If DHS files nothing by the end of this day, there is no automatic stay and the release order can be carried out."));

    public static readonly DeadlineRule Eoir43Appeal = GovernmentBusinessDays(
        "eoir43-appeal",
        Forum.Board,
        Sentence.Of($"DHS appeal keeping the automatic stay of a release order"),
        Sentence.Of($"the immigration judge's order authorizing release (the bond order)"),
        10,
        "8 CFR 1003.6(c)(1)",
        Sentence.Of($"After filing Form EOIR-43, DHS must file its notice of appeal with the Board within ten business days of the judge's order; if it does not, the automatic stay lapses and the release order can be carried out. Even then the stay's length is limited (8 CFR 1003.6(c)(4))."));

    public static readonly DeadlineRule FoiaResponse = GovernmentBusinessDays(
        "foia-response",
        Forum.Unspecified,
        Sentence.Of($"Agency's answer to a FOIA request"),
        Sentence.Of($"receipt of the request by the agency component that handles it"),
        20,
        "5 U.S.C. 552(a)(6)(A)(i)",
        Sentence.Of($"An agency must decide a request under the Freedom of Information Act (for an A-file, a record of proceedings or other records) within 20 working days after it receives it, and tell the requester. A request sent to the wrong component counts as received when the right one gets it, but no later than ten working days after any component got it (5 U.S.C. 552(a)(6)(A)(ii)). If the agency misses the date, the requester may go to court without an administrative appeal (5 U.S.C. 552(a)(6)(C)(i))."))
        with
    {
        Extension = new PeriodExtension(
            10,
            "5 U.S.C. 552(a)(6)(B)(i)",
            Sentence.Of($"In unusual circumstances the agency may take up to ten more working days, but only by written notice to the requester setting out the circumstances and the day it expects to decide.")),
    };

    /// <summary>How days of a habeas court's periods are counted (see docs/protection-facts.md, "Habeas return").</summary>
    public const string HabeasCounting = "Fed. R. Civ. P. 6(a)(1),(3),(6); Rules Governing Section 2254 Cases, Rules 1(b), 12";

    public static readonly DeadlineRule HabeasReturn = Statutory(
        "habeas-return",
        Forum.Unspecified,
        Sentence.Of($"Government's return to the order to show cause (habeas)"),
        Sentence.Of($"the district court's order to show cause"),
        3,
        "28 U.S.C. 2243",
        HabeasCounting,
        Sentence.Of($"The custodian must answer (make a return to) an order to show cause within three days, unless the court for good cause allows more time, up to twenty days; the court's order governs, and courts often set a longer date (Rule 4 of the Rules Governing Section 2254 Cases lets the judge fix the time). Days are counted under Fed. R. Civ. P. 6(a): the day of the order is left out, every day counts, and a last day on a Saturday, Sunday or legal holiday moves to the next day that is none. Stayline counts from the order itself, not from service, and does not count state holidays or the three days Rule 6(d) adds after service by mail: each would only make the day later, so the date shown can be early, never late. When the return comes, 2243 has the court set a hearing not more than five days later unless good cause allows more."));

    private static readonly DeadlineRule[] Table =
        [BiaAppeal, ReconsiderIj, ReconsiderBia, MtrIj, MtrBia, MtrInAbsentia, Pfr, BondAppeal, Eoir43Notice, Eoir43Appeal, FoiaResponse, HabeasReturn];

    private static readonly Dictionary<string, DeadlineRule> ById = Table.ToDictionary(r => r.Id, StringComparer.Ordinal);

    private static readonly Dictionary<string, DeadlineRule>.AlternateLookup<ReadOnlySpan<char>> ByIdSpan =
        ById.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The statutory and regulatory rules, in table order.</summary>
    public static IReadOnlyList<DeadlineRule> All => Table;

    public static IEnumerable<string> Ids => Table.Select(r => r.Id);

    /// <summary>The rule with this id (exact, lower case); throws <see cref="KeyNotFoundException"/> naming the valid ids.</summary>
    public static DeadlineRule Get(string id) => TryGet(id, out var rule)
        ? rule
        : throw new KeyNotFoundException($"Unknown deadline rule \"{id}\". Valid rules: {string.Join(", ", Ids)}.");

    public static bool TryGet(string id, out DeadlineRule rule) => ById.TryGetValue(id, out rule!);

    /// <summary>Allocation-free lookup for bulk readers.</summary>
    public static bool TryGet(ReadOnlySpan<char> id, out DeadlineRule rule) => ByIdSpan.TryGetValue(id, out rule!);

    /// <summary>
    /// A rule a court order defines: a motion due <paramref name="days"/> days after both the A-file and the record
    /// of proceedings have been received (Hamama v. Adducci: 90). The period runs from the later receipt; until
    /// both are recorded the deadline is "not yet triggered".
    /// </summary>
    public static DeadlineRule AfterRecordsReceived(string id, int days, string citation, string orderName) =>
        AfterRecordsReceived(id, days, citation, Sentence.Verbatim(orderName));

    /// <inheritdoc cref="AfterRecordsReceived(string, int, string, string)"/>
    /// <param name="orderName">The order's name as written, or a sentence said in the reader's language ("the class order" when it cannot be found).</param>
    public static DeadlineRule AfterRecordsReceived(string id, int days, string citation, Sentence orderName) => FromCourtOrder(
        id,
        Sentence.Of($"Motion to reopen under {orderName}"),
        days,
        [AFileReceived, RecordOfProceedingsReceived],
        citation,
        Sentence.Of($"{orderName} gives {days} days to file a motion to reopen, counted from the day the later of the A-file and the record of proceedings was received. Until both have arrived, the time has not started to run."));

    private static readonly Sentence AFileReceived = Sentence.Of($"A-file received");

    private static readonly Sentence RecordOfProceedingsReceived = Sentence.Of($"record of proceedings received");

    /// <summary>
    /// Any rule a court order defines: due <paramref name="days"/> days after the latest of
    /// <paramref name="triggerEvents"/>, counted like the statutory rules.
    /// </summary>
    public static DeadlineRule FromCourtOrder(
        string id,
        Sentence title,
        int days,
        IReadOnlyList<Sentence> triggerEvents,
        string citation,
        Sentence explanation)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(days, 3650);
        ArgumentNullException.ThrowIfNull(triggerEvents);
        ArgumentOutOfRangeException.ThrowIfZero(triggerEvents.Count);
        ArgumentException.ThrowIfNullOrWhiteSpace(citation);
        var description = triggerEvents.Count == 1 ? triggerEvents[0] : Sentence.Of($"the later of: {DeadlineComputation.Listed(triggerEvents)}");
        return new DeadlineRule(
            id, title, description, [.. triggerEvents], days,
            DeadlineCounting.CalendarDaysNextCourtDay, citation, explanation, [])
        {
            CountingCitation = MotionCounting,
        };
    }

    private static DeadlineRule Statutory(
        string id, Forum forum, Sentence title, Sentence trigger, int days, string citation, string counting, Sentence explanation,
        params TimeLimitExemption[] exemptions) =>
        new(id, title, trigger, [trigger], days, DeadlineCounting.CalendarDaysNextCourtDay, citation, explanation, exemptions)
        {
            CountingCitation = counting,
            Forum = forum,
        };

    private static DeadlineRule GovernmentBusinessDays(
        string id, Forum forum, Sentence title, Sentence trigger, int days, string citation, Sentence explanation) =>
        new(id, title, trigger, [trigger], days, DeadlineCounting.BusinessDays, citation, explanation, [])
        {
            CountingCitation = BusinessDays.Citation,
            Forum = forum,
        };

    private static TimeLimitExemption ChangedCountryConditions(string citation) => new(
        "changed-country-conditions",
        Sentence.Of($"Changed country conditions"),
        citation,
        Sentence.Of($"A motion to reopen to seek asylum, withholding of removal or protection under the Convention Against Torture, based on changed conditions in the country of nationality or of removal shown by material evidence that was not available and could not have been presented at the earlier hearing, has no time limit."));

    private static TimeLimitExemption JointMotion(string citation) => new(
        "joint-motion",
        Sentence.Of($"Joint motion with the government"),
        citation,
        Sentence.Of($"A motion to reopen agreed to and filed jointly by all parties, including the government, has no time limit."));
}
