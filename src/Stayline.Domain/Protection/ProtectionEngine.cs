using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Stayline.Domain.Common;
using Stayline.Domain.Custody;
using Stayline.Domain.Deadlines;
using Stayline.Domain.Matters;

namespace Stayline.Domain.Protection;

/// <summary>
/// Derives whether a person is protected from removal on a given day, by what, until when, and why.
/// Pure and deterministic: facts dated after <c>asOf</c> are ignored. Rules:
/// protection ending on a date protects through that date; protection ending on an event (a decision, a
/// denial) no longer protects on the day of the event. Missing facts that decide the answer give Unknown,
/// never Protected; a protection that holds regardless of them still gives Protected.
/// </summary>
public static class ProtectionEngine
{
    /// <summary>Protections whose last day is at most this many days ahead raise "ends within 7 days".</summary>
    public const int WarningDays = 7;

    /// <summary>8 CFR 1003.38(b): appeal to the Board within 30 days of the judge's decision.</summary>
    internal const int BoardAppealDays = 30;

    /// <summary>8 U.S.C. 1252(b)(1): petition for review within 30 days of the final order.</summary>
    internal const int PetitionDays = 30;

    /// <summary>
    /// More than any run of weekends, holidays and closures a last day can be moved across: past it a period that
    /// the calendar cannot count is over whatever the exact day was.
    /// </summary>
    private const int MaxRollForwardDays = 14;

    [ThreadStatic]
    private static Evaluation? cached;

    public static ProtectionStatus Evaluate(ProtectionFacts facts, DateOnly asOf, ICourtCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(calendar);

        // One scratch object per thread keeps a full recompute of a million people free of per-person garbage
        // beyond the result itself.
        var evaluation = cached ?? new Evaluation();
        cached = null;
        try
        {
            return evaluation.Run(facts, asOf, calendar);
        }
        finally
        {
            evaluation.Clear();
            cached = evaluation;
        }
    }

    private enum Phase
    {
        NotFiled,
        Pending,
        Granted,
        Denied,
        DecidedUndated,
        /// <summary>Withdrawn on or before the day evaluated: pending no longer.</summary>
        Withdrawn,
        /// <summary>Withdrawn on a day not recorded.</summary>
        WithdrawnUndated,
    }

    /// <summary>Filed by the day evaluated and not withdrawn: the matter can be the one a stay depends on.</summary>
    private static bool IsLive(Phase phase) => phase is not (Phase.NotFiled or Phase.Withdrawn or Phase.WithdrawnUndated);

    /// <summary>A decision a matter can challenge: an order (by index) or a matter (by index).</summary>
    private readonly record struct Target(bool IsOrder, int Index)
    {
        public static readonly Target None = new(false, -1);

        public bool Exists => Index >= 0;
    }

    private sealed class Evaluation
    {
        private readonly List<Protection> protections = new(4);
        private readonly List<ProtectionReason> reasons = new(8);
        private readonly List<ProtectionReason> missing = new(2);
        private ImmutableArray<RemovalOrderFacts> orders;
        private ImmutableArray<MatterFacts> matters;
        private ImmutableArray<PersonEventFact> events;
        private DateOnly asOf;
        private ICourtCalendar calendar = null!;
        private ClassDeadline? nextDeadline;

        public void Clear()
        {
            protections.Clear();
            reasons.Clear();
            missing.Clear();
            orders = default;
            matters = default;
            events = default;
            calendar = null!;
            nextDeadline = null;
        }

        public ProtectionStatus Run(ProtectionFacts facts, DateOnly day, ICourtCalendar courtCalendar)
        {
            orders = facts.Orders;
            matters = facts.Matters;
            events = facts.Events;
            asOf = day;
            calendar = courtCalendar;

            var (custody, custodyOn) = LatestCustodyEvent();
            if (custody == PersonEventKind.Removed)
            {
                reasons.Add(new(ReasonCode.Removed, ProtectionText.Record, custodyOn));
                return Finish(forceNotProtected: true);
            }

            EvaluateOrders();
            EvaluateMatters();
            EvaluateIndividualStays(facts.Stays);
            foreach (var membership in facts.Classes)
            {
                EvaluateClass(membership);
            }

            if (custody == PersonEventKind.BoardedForRemoval)
            {
                // 8 CFR 1241.6(c) ends a stay by an immigration judge or the Board granted or communicated after boarding.
                // It says nothing of a court's stay or a class injunction, which binds DHS whenever it comes (the court
                // can order the removal halted or the person returned), nor of a stay granted before boarding. The person
                // is on the plane, so the state is the loud one, and every stay that still binds stays listed with what
                // it means. A stay of the boarding day itself may have come first: it is listed too.
                reasons.Add(new(ReasonCode.BoardedForRemoval, ProtectionText.Boarding, custodyOn));
                for (var i = protections.Count - 1; i >= 0; i--)
                {
                    var p = protections[i];
                    if (p.Since > custodyOn && ByJudgeOrBoard(p))
                    {
                        reasons.Add(new(ReasonCode.StayAfterBoardingNoEffect, ProtectionText.Boarding, p.Since, custodyOn, ProtectionText.Source(p.Source, p.Subject)));
                        protections.RemoveAt(i);
                    }
                    else if (p.Since > custodyOn)
                    {
                        reasons.Add(new(ReasonCode.CourtStayAfterBoarding, ProtectionText.CourtStayAfterBoarding, p.Since, custodyOn, ProtectionText.Source(p.Source, p.Subject)));
                    }
                    else
                    {
                        reasons.Add(new(ReasonCode.StaysIgnoredAfterBoarding, ProtectionText.Boarding, p.Since, custodyOn, ProtectionText.Source(p.Source, p.Subject)));
                    }
                }

                return Finish(forceNotProtected: true) with { BoardedDespiteStay = protections.Count > 0 };
            }

            return Finish(forceNotProtected: false);
        }

        /// <summary>A stay an immigration judge or the Board granted (8 CFR 1241.6(c) reaches only those).</summary>
        private static bool ByJudgeOrBoard(in Protection p) => p.Source switch
        {
            ProtectionSource.IndividualStay => Equals(p.Subject, ProtectionText.Grantor(Adjudicator.ImmigrationJudge)) || Equals(p.Subject, ProtectionText.Grantor(Adjudicator.Board)),
            ProtectionSource.ClassOrderStay => false,
            // Automatic stays come from the regulation or the statute, not from a grant; a filing after boarding is
            // listed to be raised with DHS rather than dropped.
            _ => false,
        };

        private ProtectionStatus Finish(bool forceNotProtected)
        {
            Protection? primary = null;
            if (!forceNotProtected)
            {
                foreach (var p in protections)
                {
                    if (primary is not { } best || LastsLonger(p, best))
                    {
                        primary = p;
                    }
                }
            }

            var state = primary is not null ? ProtectionState.Protected
                : !forceNotProtected && missing.Count > 0 ? ProtectionState.Unknown
                : ProtectionState.NotProtected;
            return new ProtectionStatus(
                asOf,
                state,
                primary,
                Freeze(protections),
                Freeze(reasons),
                Freeze(missing),
                nextDeadline);
        }

        private static ImmutableArray<T> Freeze<T>(List<T> list) =>
            list.Count == 0 ? [] : ImmutableCollectionsMarshal.AsImmutableArray(list.ToArray());

        /// <summary>Open-ended beats dated, later beats earlier; ties go to the broader source.</summary>
        private static bool LastsLonger(in Protection a, in Protection b)
        {
            if (a.LastDay is null != b.LastDay is null)
            {
                return a.LastDay is null;
            }

            if (a.LastDay is { } x && b.LastDay is { } y && x != y)
            {
                return x > y;
            }

            return Rank(a.Source) > Rank(b.Source);
        }

        private static int Rank(ProtectionSource source) => source switch
        {
            ProtectionSource.OrderSetAside => 5,
            ProtectionSource.ClassOrderStay => 4,
            ProtectionSource.IndividualStay => 3,
            ProtectionSource.BoardAppealStay or ProtectionSource.InAbsentiaMotionStay => 2,
            _ => 1,
        };

        // ---------------------------------------------------------------- orders and automatic stays

        private void EvaluateOrders()
        {
            var operative = -1;
            var anyMerits = false;
            for (var i = 0; i < orders.Length; i++)
            {
                var o = orders[i];
                if (o.Type == DecisionType.Merits)
                {
                    anyMerits = true;
                }

                if (o.IssuedOn > asOf)
                {
                    continue;
                }

                if (o.Type != DecisionType.Merits)
                {
                    // Only a merits decision is stayed during its appeal period (8 CFR 1003.6(a), (b)).
                    if (asOf <= Due(o.IssuedOn, BoardAppealDays, Forum.Board))
                    {
                        reasons.Add(o.Type == DecisionType.BondOrCustody
                            ? new(ReasonCode.BondDecisionNoStay, ProtectionText.BondNoStay, o.IssuedOn)
                            : new(ReasonCode.MotionDenialNoStay, ProtectionText.NoStayForDenials, o.IssuedOn));
                    }

                    continue;
                }

                // The latest merits decision is the one that would be executed; the Board decides after the judge.
                if (operative < 0 || o.IssuedOn > orders[operative].IssuedOn
                    || (o.IssuedOn == orders[operative].IssuedOn && o.IssuedBy == Adjudicator.Board))
                {
                    operative = i;
                }
            }

            if (operative < 0)
            {
                if (!anyMerits)
                {
                    AddMissing(new(ReasonCode.NoRemovalOrderRecorded, ProtectionText.Record));
                }
                else
                {
                    // Before the first recorded order there was no order to execute, but whether the person could be
                    // removed some other way (an earlier order not recorded, expedited removal) is not in the record.
                    AddMissing(new(ReasonCode.NoOrderInForceYet, ProtectionText.NoOrderYet, asOf, FirstMeritsOrderDay()));
                }

                return;
            }

            if (CheckSetAside(operative))
            {
                return;
            }

            var order = orders[operative];
            if (order.IssuedBy != Adjudicator.ImmigrationJudge)
            {
                reasons.Add(new(ReasonCode.BoardOrderNoAutomaticStay, ProtectionText.Nken, order.IssuedOn));
            }
            else if (order.InAbsentia)
            {
                // An in absentia order is final on entry (8 CFR 1241.1(e)), so there is no appeal period for 8 CFR
                // 1003.6(a) to stay. A limited appeal still lies (Matter of Guzman, 22 I&N Dec. 722 (BIA 1999)).
                reasons.Add(new(ReasonCode.InAbsentiaOrderNoAppealStay, ProtectionText.InAbsentiaFinal, order.IssuedOn));
                EvaluateInAbsentiaMotions(operative);
            }
            else
            {
                EvaluateAutomaticStay(operative);
            }
        }

        private DateOnly? FirstMeritsOrderDay()
        {
            DateOnly? first = null;
            foreach (var o in orders)
            {
                if (o.Type == DecisionType.Merits && (first is null || o.IssuedOn < first))
                {
                    first = o.IssuedOn;
                }
            }

            return first;
        }

        /// <summary>A granted motion, sustained appeal or granted petition leaves no order to execute.</summary>
        private bool CheckSetAside(int operative)
        {
            var setAside = false;
            for (var j = 0; j < matters.Length; j++)
            {
                var m = matters[j];
                if (m.Status != MatterStatus.Granted || m.Kind is not (MatterKind.MotionToReopenIj or MatterKind.MotionToReopenBia
                    or MatterKind.BiaAppeal or MatterKind.PetitionForReview) || RootOrder(j) != operative)
                {
                    continue;
                }

                var phase = PhaseOf(m);
                if (phase == Phase.DecidedUndated)
                {
                    AddMissing(new(ReasonCode.DecisionDateMissing, ProtectionText.Record, Subject: ProtectionText.Kind(m.Kind)));
                }
                else if (phase == Phase.Granted)
                {
                    var kind = ProtectionText.Kind(m.Kind);
                    protections.Add(new(ProtectionSource.OrderSetAside, m.DecidedOn, null, UntilEvent.NewDecision, ProtectionText.SetAside, kind));
                    reasons.Add(new(ReasonCode.OrderSetAside, ProtectionText.SetAside, m.DecidedOn, Subject: kind));
                    setAside = true;
                }
            }

            return setAside;
        }

        /// <summary>8 CFR 1003.6(a): the 30-day appeal period, then a Board appeal filed in time.</summary>
        private void EvaluateAutomaticStay(int operative)
        {
            var order = orders[operative];
            if (order.Appeal == AppealRight.Waived)
            {
                // A Board appeal the Board accepted despite the waiver (Matter of Rodriguez-Diaz) is an appeal like any
                // other: 8 CFR 1003.6(a) stays the decision while it is pending.
                var accepted = FindChallenger(MatterKind.BiaAppeal, new Target(true, operative));
                if (accepted < 0 || !matters[accepted].AcceptedDespiteWaiver)
                {
                    reasons.Add(new(ReasonCode.AppealWaived, ProtectionText.AutomaticStay, order.IssuedOn));
                    return;
                }

                reasons.Add(new(ReasonCode.AppealAcceptedDespiteWaiver, ProtectionText.WaiverNotBinding, matters[accepted].FiledOn));
            }

            var due = Due(order.IssuedOn, BoardAppealDays, Forum.Board);
            var appeal = FindChallenger(MatterKind.BiaAppeal, new Target(true, operative));
            if (appeal < 0 && FindChallenger(MatterKind.BiaAppeal, new Target(true, operative), withdrawn: true) is >= 0 and var gone)
            {
                // 8 CFR 1003.4: once the appeal is withdrawn the decision is final "as though no appeal had been
                // taken", so the rest of the 30 days stays nothing.
                var w = matters[gone];
                if (PhaseOf(w) == Phase.Withdrawn)
                {
                    reasons.Add(new(ReasonCode.BoardAppealWithdrawn, ProtectionText.AppealWithdrawn, WithdrawalDay(w), due));
                }
                else
                {
                    AddMissing(new(ReasonCode.WithdrawalDateMissing, ProtectionText.AppealWithdrawn, Subject: ProtectionText.Kind(w.Kind)));
                }

                return;
            }
            // Once the Board has decided, the judge's decision is no longer within its appeal period.
            if (asOf <= due && (appeal < 0 || PhaseOf(matters[appeal]) != Phase.Denied))
            {
                // Filing an appeal shows the right was reserved, whatever the record says.
                if (order.Appeal == AppealRight.Reserved || appeal >= 0)
                {
                    protections.Add(new(ProtectionSource.AppealPeriodStay, order.IssuedOn, due, UntilEvent.None, ProtectionText.AutomaticStay));
                    reasons.Add(new(ReasonCode.AppealPeriodStay, ProtectionText.AutomaticStay, order.IssuedOn, due));
                }
                else
                {
                    AddMissing(new(ReasonCode.AppealWaiverUnknown, ProtectionText.AutomaticStay, order.IssuedOn));
                }
            }

            if (appeal < 0)
            {
                if (due is null || asOf > due)
                {
                    reasons.Add(new(ReasonCode.AppealPeriodExpired, ProtectionText.AutomaticStay, order.IssuedOn, due));
                }

                return;
            }

            var m = matters[appeal];
            switch (PhaseOf(m))
            {
                case Phase.Pending:
                    switch (TimelyAfter(m, order.IssuedOn, BoardAppealDays, due))
                    {
                        case true:
                            protections.Add(new(ProtectionSource.BoardAppealStay, m.FiledOn, null, UntilEvent.BoardDecidesAppeal, ProtectionText.AutomaticStay));
                            reasons.Add(new(ReasonCode.BoardAppealPendingStay, ProtectionText.AutomaticStay, m.FiledOn, due));
                            break;
                        case false:
                            reasons.Add(new(ReasonCode.BoardAppealLate, ProtectionText.AutomaticStay, m.FiledOn, due));
                            break;
                        default:
                            MissingTimeliness(m, order.IssuedOn, due, ProtectionText.AutomaticStay);
                            break;
                    }

                    break;
                case Phase.Denied:
                    reasons.Add(new(ReasonCode.BoardAppealDismissed, ProtectionText.AutomaticStay, m.DecidedOn));
                    break;
                case Phase.DecidedUndated:
                    AddMissing(new(ReasonCode.DecisionDateMissing, ProtectionText.Record, Subject: ProtectionText.Kind(m.Kind)));
                    break;
            }
        }

        /// <summary>
        /// Filing a motion to rescind the in absentia order stays removal while the judge decides it (removal:
        /// INA 240(b)(5)(C), 8 CFR 1003.23(b)(4)(ii); deportation: 8 CFR 1003.23(b)(4)(iii)(A),(C)). In deportation
        /// cases the stay continues through a Board appeal of the denial; in removal cases that is contested (see
        /// <see cref="EvaluateInAbsentiaDenialAppeal"/>). Whether it also covers the days before that appeal is filed
        /// is not settled here, so those days are reported unprotected.
        /// </summary>
        private void EvaluateInAbsentiaMotions(int operative)
        {
            var proceeding = orders[operative].ProceedingOrDerived;
            for (var j = 0; j < matters.Length; j++)
            {
                var m = matters[j];
                if (m.Kind != MatterKind.MotionToReopenIj || Challenged(j) != new Target(true, operative))
                {
                    continue;
                }

                switch (PhaseOf(m))
                {
                    case Phase.Pending when InAbsentiaMotionStays(operative, m) is true:
                        var citation = StayCitation(m, proceeding);
                        protections.Add(new(ProtectionSource.InAbsentiaMotionStay, m.FiledOn, null, UntilEvent.JudgeDecidesMotion, citation));
                        reasons.Add(new(ReasonCode.InAbsentiaMotionPendingStay, citation, m.FiledOn));
                        break;
                    case Phase.DecidedUndated when m.Status == MatterStatus.Denied:
                        AddMissing(new(ReasonCode.DecisionDateMissing, ProtectionText.Record, Subject: ProtectionText.Kind(m.Kind)));
                        break;
                    case Phase.Denied:
                        EvaluateInAbsentiaDenialAppeal(operative, j, m.DecidedOn!.Value);
                        break;
                }
            }
        }

        /// <summary>
        /// Only "the motion to reopen described in clause (i) or (ii)" of INA 240(b)(5)(C) (for deportation, 8 CFR
        /// 1003.23(b)(4)(iii)(A)(1),(2)) stays removal: exceptional circumstances filed within 180 days of the order
        /// (counted as <see cref="DeadlineRules.MtrInAbsentia"/>), or lack of notice or custody at any time. Null when a
        /// missing fact decides it; the reason is recorded.
        /// </summary>
        private bool? InAbsentiaMotionStays(int order, MatterFacts m)
        {
            if (orders[order].ProceedingOrDerived == ProceedingType.Exclusion)
            {
                // 8 CFR 1003.23(b)(4)(iii)(C) stays only the deportation motions of (iii)(A); (iii)(B) exclusion has none.
                reasons.Add(new(ReasonCode.InAbsentiaExclusionNoStay, ProtectionText.InAbsentiaExclusion, m.FiledOn));
                return false;
            }

            switch (m.Ground)
            {
                case null:
                    AddMissing(new(ReasonCode.MotionGroundMissing, ProtectionText.InAbsentiaStay, m.FiledOn));
                    return null;
                case MotionGround.LackOfNotice or MotionGround.InCustody:
                    return StaysUnlessExclusion(order);
                case MotionGround.ExceptionalCircumstances:
                    var issuedOn = orders[order].IssuedOn;
                    var due = Due(issuedOn, DeadlineRules.MtrInAbsentia.PeriodDays, DeadlineRules.MtrInAbsentia.Forum);
                    switch (TimelyAfter(m, issuedOn, DeadlineRules.MtrInAbsentia.PeriodDays, due))
                    {
                        case true:
                            return StaysUnlessExclusion(order);
                        case false:
                            reasons.Add(new(ReasonCode.InAbsentiaMotionLate, ProtectionText.InAbsentiaExceptional, m.FiledOn, due));
                            return false;
                        default:
                            MissingTimeliness(m, issuedOn, due, ProtectionText.InAbsentiaExceptional);
                            return null;
                    }

                default:
                    reasons.Add(new(ReasonCode.InAbsentiaMotionGroundNoStay, ProtectionText.InAbsentiaOtherGround, m.FiledOn));
                    return false;
            }
        }

        /// <summary>
        /// A motion that would stay a deportation order stays nothing in exclusion cases; before 1997-04-01 an order
        /// with no recorded proceeding could be either, so the answer waits for the record.
        /// </summary>
        private bool? StaysUnlessExclusion(int order)
        {
            if (orders[order].ProceedingOrDerived != ProceedingType.Unknown)
            {
                return true;
            }

            AddMissing(new(ReasonCode.ProceedingTypeMissing, ProtectionText.InAbsentiaProceedingType, orders[order].IssuedOn));
            return null;
        }

        private static string StayCitation(MatterFacts m, ProceedingType proceeding) => proceeding == ProceedingType.Deportation
            ? ProtectionText.InAbsentiaDeportation
            : m.Ground == MotionGround.ExceptionalCircumstances ? ProtectionText.InAbsentiaExceptional : ProtectionText.InAbsentiaNoticeOrCustody;

        /// <summary>
        /// Deportation: the stay continues while a Board appeal of the denial is pending (8 CFR 1003.23(b)(4)(iii)(C);
        /// Matter of Rivera-Claros). Removal: INA 240(b)(5)(C) stays "pending disposition of the motion by the
        /// immigration judge" and Rivera-Claros read the former 242B(c)(3); whether the stay survives the denial is
        /// contested, so a pending appeal gives Unknown, never Protected.
        /// </summary>
        private void EvaluateInAbsentiaDenialAppeal(int order, int motion, DateOnly deniedOn)
        {
            var deportation = orders[order].ProceedingOrDerived == ProceedingType.Deportation;
            var citation = deportation ? ProtectionText.RiveraClaros : ProtectionText.InAbsentiaAppealContested;
            var due = Due(deniedOn, BoardAppealDays, Forum.Board);
            var appeal = FindChallenger(MatterKind.BiaAppeal, new Target(false, motion));
            if (appeal < 0)
            {
                reasons.Add(asOf <= due
                    ? new(ReasonCode.InAbsentiaDenialAppealWindow, citation, deniedOn, due)
                    : new(ReasonCode.InAbsentiaStayEnded, ProtectionText.InAbsentiaStay, deniedOn));
                return;
            }

            var a = matters[appeal];
            switch (PhaseOf(a))
            {
                case Phase.Pending:
                    switch (TimelyAfter(a, deniedOn, BoardAppealDays, due))
                    {
                        case true when InAbsentiaMotionStays(order, matters[motion]) is not true:
                            break;
                        case true when !deportation:
                            AddMissing(new(ReasonCode.InAbsentiaAppealStayContested, citation, a.FiledOn));
                            break;
                        case true:
                            protections.Add(new(ProtectionSource.InAbsentiaMotionStay, a.FiledOn, null, UntilEvent.BoardDecidesAppeal, citation));
                            reasons.Add(new(ReasonCode.InAbsentiaDenialAppealPendingStay, citation, a.FiledOn));
                            break;
                        case false:
                            reasons.Add(new(ReasonCode.BoardAppealLate, ProtectionText.AutomaticStay, a.FiledOn, due));
                            reasons.Add(new(ReasonCode.InAbsentiaStayEnded, ProtectionText.InAbsentiaStay, deniedOn));
                            break;
                        default:
                            MissingTimeliness(a, deniedOn, due, citation);
                            break;
                    }

                    break;
                case Phase.Denied:
                    reasons.Add(new(ReasonCode.InAbsentiaStayEnded, citation, a.DecidedOn));
                    break;
                case Phase.DecidedUndated when a.Status == MatterStatus.Denied:
                    AddMissing(new(ReasonCode.DecisionDateMissing, ProtectionText.Record, Subject: ProtectionText.Kind(a.Kind)));
                    break;
            }
        }

        // ---------------------------------------------------------------- filings and stay motions

        private void EvaluateMatters()
        {
            for (var j = 0; j < matters.Length; j++)
            {
                var m = matters[j];
                var phase = PhaseOf(m);
                if (phase == Phase.NotFiled)
                {
                    continue;
                }

                if (phase == Phase.Pending)
                {
                    NoteFilingThatStaysNothing(j, m);
                }
                else if (phase == Phase.Withdrawn)
                {
                    reasons.Add(new(ReasonCode.MatterWithdrawn, ProtectionText.Withdrawal, WithdrawalDay(m), Subject: ProtectionText.Kind(m.Kind)));
                }
                else if (m.Kind == MatterKind.StayMotion && phase == Phase.Granted)
                {
                    // A standalone granted stay motion has terms the engine cannot guess.
                    AddMissing(new(ReasonCode.StayGrantedTermsMissing, ProtectionText.GrantedStay, m.DecidedOn, Subject: ProtectionText.Kind(m.Kind)));
                }

                if (m.StayMotion is { } stay)
                {
                    EvaluateStayMotion(m, stay, phase);
                }
            }
        }

        /// <summary>Record in the chain that a pending filing does not stop removal by itself.</summary>
        private void NoteFilingThatStaysNothing(int j, MatterFacts m)
        {
            switch (m.Kind)
            {
                case MatterKind.MotionToReopenIj when IsInAbsentiaMotion(j):
                    break;
                case MatterKind.MotionToReopenIj or MatterKind.MotionToReopenBia
                    or MatterKind.MotionToReconsiderIj or MatterKind.MotionToReconsiderBia:
                    reasons.Add(new(ReasonCode.MotionDoesNotStay, ProtectionText.MotionNoStay, m.FiledOn, Subject: ProtectionText.Kind(m.Kind)));
                    break;
                case MatterKind.BiaAppeal:
                    var target = Challenged(j);
                    if (target.Exists && (target.IsOrder ? orders[target.Index].Type == DecisionType.MotionDenial
                        : !IsInAbsentiaMotion(target.Index) || matters[target.Index].Ground is MotionGround.ChangedCountryConditions or MotionGround.JointMotion or MotionGround.Other))
                    {
                        reasons.Add(new(ReasonCode.DenialAppealDoesNotStay, ProtectionText.NoStayForDenials, m.FiledOn));
                    }

                    break;
                case MatterKind.PetitionForReview:
                    reasons.Add(new(ReasonCode.PetitionDoesNotStay, ProtectionText.Nken, m.FiledOn));
                    break;
                case MatterKind.StayMotion:
                    // A stay motion filed as a matter of its own: no other matter to name ("stay motion in the stay motion").
                    reasons.Add(new(ReasonCode.StayMotionPending, ProtectionText.GrantedStay, m.FiledOn));
                    break;
            }
        }

        /// <summary>A granted stay motion protects while its matter is pending (and through its last day, if set).</summary>
        private void EvaluateStayMotion(MatterFacts m, StayMotionFacts stay, Phase matterPhase)
        {
            if ((stay.FiledOn ?? m.FiledOn) is { } filed && filed > asOf)
            {
                return;
            }

            var kind = ProtectionText.Kind(m.Kind);
            if (matterPhase is Phase.Withdrawn or Phase.WithdrawnUndated)
            {
                // A stay granted "while the matter is pending" ends with the withdrawal.
                if (PhaseOf(stay) == Phase.Granted)
                {
                    WithdrawalEndsStay(m, stay.DecidedOn, AdjudicatorOf(m.Kind), matterPhase);
                }

                return;
            }

            switch (PhaseOf(stay))
            {
                case Phase.Pending:
                    reasons.Add(new(ReasonCode.StayMotionPending, ProtectionText.GrantedStay, stay.FiledOn ?? m.FiledOn, Subject: kind));
                    return;
                case Phase.DecidedUndated:
                    AddMissing(new(ReasonCode.DecisionDateMissing, ProtectionText.Record, Subject: Sentence.Of($"stay motion in the {kind}")));
                    return;
                case Phase.Denied:
                    reasons.Add(new(ReasonCode.StayMotionDenied, ProtectionText.GrantedStay, stay.DecidedOn, Subject: kind));
                    return;
            }

            var grantor = ProtectionText.Grantor(AdjudicatorOf(m.Kind));
            if (matterPhase == Phase.DecidedUndated)
            {
                AddMissing(new(ReasonCode.DecisionDateMissing, ProtectionText.Record, Subject: kind));
            }
            else if (matterPhase is Phase.Granted or Phase.Denied)
            {
                reasons.Add(new(ReasonCode.IndividualStayExpired, ProtectionText.GrantedStay, stay.DecidedOn, m.DecidedOn, grantor));
            }
            else if (stay.GrantedUntil is { } last && last < asOf)
            {
                reasons.Add(new(ReasonCode.IndividualStayExpired, ProtectionText.GrantedStay, stay.DecidedOn, last, grantor));
            }
            else
            {
                protections.Add(new(ProtectionSource.IndividualStay, stay.DecidedOn, stay.GrantedUntil, UntilFor(m.Kind), ProtectionText.GrantedStay, grantor));
                reasons.Add(new(ReasonCode.StayMotionGranted, ProtectionText.GrantedStay, stay.DecidedOn, stay.GrantedUntil, kind));
            }
        }

        /// <summary>A stay lasting while a matter is pending ends on its withdrawal; an undated withdrawal leaves that day unknown.</summary>
        private void WithdrawalEndsStay(MatterFacts m, DateOnly? grantedOn, Adjudicator grantedBy, Phase phase)
        {
            if (phase == Phase.Withdrawn)
            {
                reasons.Add(new(ReasonCode.IndividualStayExpired, ProtectionText.Withdrawal, grantedOn, WithdrawalDay(m), ProtectionText.Grantor(grantedBy)));
            }
            else
            {
                AddMissing(new(ReasonCode.WithdrawalDateMissing, ProtectionText.Withdrawal, Subject: ProtectionText.Kind(m.Kind)));
            }
        }

        private static DateOnly? WithdrawalDay(MatterFacts m) => m.WithdrawnOn ?? m.DecidedOn;

        private void EvaluateIndividualStays(ImmutableArray<IndividualStayFacts> stays)
        {
            foreach (var s in stays)
            {
                if (s.GrantedOn > asOf)
                {
                    continue;
                }

                var grantor = ProtectionText.Grantor(s.GrantedBy);
                if (s.LiftedOn is { } lifted && lifted <= asOf)
                {
                    reasons.Add(new(ReasonCode.IndividualStayLifted, ProtectionText.GrantedStay, lifted, Subject: grantor));
                    continue;
                }

                if (s.LastDay is { } last && last < asOf)
                {
                    reasons.Add(new(ReasonCode.IndividualStayExpired, ProtectionText.GrantedStay, s.GrantedOn, last, grantor));
                    continue;
                }

                var until = s.LastDay is null ? UntilEvent.StayLifted : UntilEvent.None;
                if (s.UntilDecisionOfMatter is { } key)
                {
                    var j = MatterIndex(key);
                    if (j < 0)
                    {
                        AddMissing(new(ReasonCode.StayMatterMissing, ProtectionText.GrantedStay, s.GrantedOn, Subject: grantor));
                        continue;
                    }

                    var m = matters[j];
                    var phase = PhaseOf(m);
                    if (phase == Phase.DecidedUndated)
                    {
                        AddMissing(new(ReasonCode.DecisionDateMissing, ProtectionText.Record, Subject: ProtectionText.Kind(m.Kind)));
                        continue;
                    }

                    if (phase is Phase.Granted or Phase.Denied)
                    {
                        reasons.Add(new(ReasonCode.IndividualStayExpired, ProtectionText.GrantedStay, s.GrantedOn, m.DecidedOn, grantor));
                        continue;
                    }

                    if (phase is Phase.Withdrawn or Phase.WithdrawnUndated)
                    {
                        WithdrawalEndsStay(m, s.GrantedOn, s.GrantedBy, phase);
                        continue;
                    }

                    // The judge may stay removal only in a matter before the judge (8 CFR 1003.23(b)(1)(v)), the Board only
                    // in one before the Board (8 CFR 1003.2(f)). A court or DHS may stay removal pending any of them. A
                    // mismatch is most often a recording slip; never read it as protection without a check.
                    if (s.GrantedBy is Adjudicator.ImmigrationJudge or Adjudicator.Board && AdjudicatorOf(m.Kind) != s.GrantedBy)
                    {
                        AddMissing(new(ReasonCode.StayGrantorNotWherePending, ProtectionText.StayAuthority, s.GrantedOn,
                            Subject: Sentence.Of($"{grantor}, but the {ProtectionText.Kind(m.Kind)} is before {ProtectionText.Grantor(AdjudicatorOf(m.Kind))}")));
                        continue;
                    }

                    until = UntilFor(m.Kind);
                }

                protections.Add(new(ProtectionSource.IndividualStay, s.GrantedOn, s.LastDay, until, ProtectionText.GrantedStay, grantor));
                reasons.Add(new(ReasonCode.IndividualStayInForce, ProtectionText.GrantedStay, s.GrantedOn, s.LastDay, grantor));
            }
        }

        // ---------------------------------------------------------------- class orders

        private void EvaluateClass(ClassMembershipFacts membership)
        {
            var order = membership.Order;
            if (order.EffectiveOn > asOf || membership.MemberFrom > asOf)
            {
                return;
            }

            if (membership.MemberUntil is { } memberUntil && memberUntil < asOf)
            {
                reasons.Add(new(ReasonCode.ClassMembershipEnded, order.Citation, memberUntil, Subject: ProtectionText.Name(order.Name)));
                return;
            }

            if (order.LastDayInForce is { } lastDay && lastDay < asOf)
            {
                reasons.Add(new(ReasonCode.ClassOrderEnded, order.Citation, lastDay, Subject: ProtectionText.Name(order.Name)));
                return;
            }

            var days = order.Terms.MotionPeriodDays;
            DateOnly? trigger = FirstEvent(PersonEventKind.AFileReceived) is { } aFile && FirstEvent(PersonEventKind.RecordOfProceedingsReceived) is { } rop
                ? (aFile > rop ? aFile : rop)
                : null;
            DateOnly? due = trigger is { } t ? Due(t, days) : null;
            if (trigger is not null && due is null)
            {
                // Class deadlines are never decades old: a receipt outside the calendar is a data error to check.
                AddMissing(new(ReasonCode.PeriodOutsideCalendar, ProtectionText.Record, trigger));
                return;
            }

            var motion = ClassMotion(order.EffectiveOn);
            if (motion < 0)
            {
                OfferDeadline(new(ClassDeadlineStep.MotionToReopen, due, trigger, days, order));
                if (due is not { } d)
                {
                    ClassProtects(order, order.EffectiveOn, null, UntilEvent.FilesReceived);
                    reasons.Add(new(ReasonCode.ClassFilesAwaited, order.Citation, Subject: ProtectionText.Name(order.Name)));
                }
                else if (asOf <= d)
                {
                    ClassProtects(order, order.EffectiveOn, d, UntilEvent.None);
                    reasons.Add(new(ReasonCode.ClassMotionWindow, order.Citation, trigger, d, ProtectionText.Name(order.Name)));
                }
                else
                {
                    reasons.Add(new(ReasonCode.ClassNoMotionByDeadline, order.Citation, trigger, d, ProtectionText.Name(order.Name)));
                }

                return;
            }

            var m = matters[motion];
            if (!ClassFilingTimely(order, m, due, ReasonCode.ClassMotionLate))
            {
                return;
            }

            switch (PhaseOf(m))
            {
                case Phase.Pending:
                    reasons.Add(new(ReasonCode.ClassMotionPending, order.Citation, m.FiledOn, Subject: ProtectionText.Name(order.Name)));
                    if (order.Terms.WhileMotionPending)
                    {
                        ClassProtects(order, m.FiledOn, null, UntilFor(m.Kind));
                    }
                    else if (due is null || asOf <= due)
                    {
                        ClassProtects(order, order.EffectiveOn, due, due is null ? UntilEvent.FilesReceived : UntilEvent.None);
                    }
                    else
                    {
                        reasons.Add(new(ReasonCode.ClassStageNotCovered, order.Citation, m.FiledOn, Subject: ProtectionText.Name(order.Name)));
                    }

                    break;
                case Phase.Granted:
                    reasons.Add(new(ReasonCode.ClassMotionGranted, order.Citation, m.DecidedOn, Subject: ProtectionText.Name(order.Name)));
                    break;
                case Phase.DecidedUndated:
                    AddMissing(new(ReasonCode.DecisionDateMissing, ProtectionText.Record, Subject: ProtectionText.Kind(m.Kind)));
                    break;
                case Phase.Denied when m.Kind == MatterKind.MotionToReopenIj:
                    EvaluateClassBoardAppeal(order, motion, m.DecidedOn!.Value);
                    break;
                case Phase.Denied:
                    EvaluateClassPetition(order, motion, m.DecidedOn!.Value);
                    break;
            }
        }

        private void EvaluateClassBoardAppeal(ClassStayOrder order, int motion, DateOnly deniedOn)
        {
            var terms = order.Terms;
            if (Due(deniedOn, BoardAppealDays, Forum.Board) is not { } due)
            {
                AddMissing(new(ReasonCode.PeriodOutsideCalendar, ProtectionText.Record, deniedOn));
                return;
            }

            var inWindow = asOf <= due;
            var appeal = FindChallenger(MatterKind.BiaAppeal, new Target(false, motion));
            if (appeal < 0)
            {
                if (!inWindow)
                {
                    reasons.Add(new(ReasonCode.ClassNoAppealByDeadline, order.Citation, deniedOn, due, ProtectionText.Name(order.Name)));
                    return;
                }

                OfferDeadline(new(ClassDeadlineStep.BoardAppeal, due, deniedOn, BoardAppealDays, order));
                ClassWindow(order, terms.ThroughBoardAppealPeriod, ReasonCode.ClassAppealWindow, deniedOn, due);
                return;
            }

            var a = matters[appeal];
            if (!ClassFilingTimely(order, a, due, ReasonCode.ClassAppealLate))
            {
                return;
            }

            switch (PhaseOf(a))
            {
                case Phase.Pending:
                    reasons.Add(new(ReasonCode.ClassAppealPending, order.Citation, a.FiledOn, Subject: ProtectionText.Name(order.Name)));
                    if (terms.WhileBoardAppealPending)
                    {
                        ClassProtects(order, a.FiledOn, null, UntilEvent.BoardDecidesAppeal);
                    }
                    else
                    {
                        ClassWindow(order, terms.ThroughBoardAppealPeriod && inWindow, ReasonCode.ClassAppealWindow, deniedOn, due);
                    }

                    break;
                case Phase.DecidedUndated when a.Status == MatterStatus.Denied:
                    AddMissing(new(ReasonCode.DecisionDateMissing, ProtectionText.Record, Subject: ProtectionText.Kind(a.Kind)));
                    break;
                case Phase.Denied:
                    EvaluateClassPetition(order, appeal, a.DecidedOn!.Value);
                    break;
            }
        }

        private void EvaluateClassPetition(ClassStayOrder order, int boardDecision, DateOnly decidedOn)
        {
            var terms = order.Terms;
            if (Due(decidedOn, PetitionDays, Forum.CourtOfAppeals) is not { } due)
            {
                AddMissing(new(ReasonCode.PeriodOutsideCalendar, ProtectionText.Record, decidedOn));
                return;
            }

            var inWindow = asOf <= due;
            var petition = FindChallenger(MatterKind.PetitionForReview, new Target(false, boardDecision));
            if (petition < 0)
            {
                if (!inWindow)
                {
                    reasons.Add(new(ReasonCode.ClassNoPetitionByDeadline, order.Citation, decidedOn, due, ProtectionText.Name(order.Name)));
                    return;
                }

                OfferDeadline(new(ClassDeadlineStep.PetitionForReviewWithStayMotion, due, decidedOn, PetitionDays, order));
                ClassWindow(order, terms.ThroughPetitionPeriod, ReasonCode.ClassPetitionWindow, decidedOn, due);
                return;
            }

            var p = matters[petition];
            if (!ClassFilingTimely(order, p, due, ReasonCode.ClassPetitionLate))
            {
                return;
            }

            switch (PhaseOf(p))
            {
                case Phase.Denied:
                    reasons.Add(new(ReasonCode.ClassPetitionDecided, order.Citation, p.DecidedOn, Subject: ProtectionText.Name(order.Name)));
                    return;
                case Phase.DecidedUndated when p.Status == MatterStatus.Denied:
                    AddMissing(new(ReasonCode.DecisionDateMissing, ProtectionText.Record, Subject: ProtectionText.Kind(p.Kind)));
                    return;
                case not Phase.Pending:
                    return;
            }

            var stay = p.StayMotion;
            var stayFiled = stay is null ? null : stay.FiledOn ?? p.FiledOn;
            if (stay is null || stayFiled > asOf)
            {
                if (inWindow)
                {
                    // The petition alone keeps nothing alive; the window still allows the stay motion.
                    OfferDeadline(new(ClassDeadlineStep.PetitionForReviewWithStayMotion, due, decidedOn, PetitionDays, order));
                    ClassWindow(order, terms.ThroughPetitionPeriod, ReasonCode.ClassPetitionWindow, decidedOn, due);
                }
                else
                {
                    reasons.Add(new(ReasonCode.ClassPetitionWithoutStayMotion, order.Citation, p.FiledOn, due, ProtectionText.Name(order.Name)));
                }

                return;
            }

            if (stay.FiledOn is { } stayFiledOn && stayFiledOn > due)
            {
                reasons.Add(new(ReasonCode.ClassStayMotionLate, order.Citation, stayFiledOn, due, ProtectionText.Name(order.Name)));
                return;
            }

            switch (PhaseOf(stay))
            {
                case Phase.Pending:
                    reasons.Add(new(ReasonCode.ClassStayMotionPending, order.Citation, stayFiled, Subject: ProtectionText.Name(order.Name)));
                    if (terms.WhilePetitionStayMotionPending)
                    {
                        ClassProtects(order, stayFiled, null, UntilEvent.CourtDecidesStayMotion);
                    }
                    else
                    {
                        ClassWindow(order, terms.ThroughPetitionPeriod && inWindow, ReasonCode.ClassPetitionWindow, decidedOn, due);
                    }

                    break;
                case Phase.Granted:
                    reasons.Add(new(ReasonCode.ClassStayGranted, order.Citation, stay.DecidedOn, Subject: ProtectionText.Name(order.Name)));
                    break;
                case Phase.Denied:
                    reasons.Add(new(ReasonCode.ClassStayDenied, order.Citation, stay.DecidedOn, Subject: ProtectionText.Name(order.Name)));
                    break;
                default:
                    AddMissing(new(ReasonCode.DecisionDateMissing, ProtectionText.Record, Subject: Sentence.Of($"stay motion in the petition for review")));
                    break;
            }
        }

        /// <summary>A period between a decision and the next filing: protected through its last day if the terms say so.</summary>
        private void ClassWindow(ClassStayOrder order, bool covered, ReasonCode code, DateOnly decidedOn, DateOnly due)
        {
            if (covered)
            {
                ClassProtects(order, decidedOn, due, UntilEvent.None);
                reasons.Add(new(code, order.Citation, decidedOn, due, ProtectionText.Name(order.Name)));
            }
            else
            {
                reasons.Add(new(ReasonCode.ClassStageNotCovered, order.Citation, decidedOn, Subject: ProtectionText.Name(order.Name)));
            }
        }

        private bool ClassFilingTimely(ClassStayOrder order, MatterFacts m, DateOnly? due, ReasonCode lateCode)
        {
            switch (Timely(m, due))
            {
                case true:
                    return true;
                case false:
                    reasons.Add(new(lateCode, order.Citation, m.FiledOn, due, ProtectionText.Name(order.Name)));
                    return false;
                default:
                    AddMissing(new(ReasonCode.FiledDateMissing, order.Citation, Subject: ProtectionText.Kind(m.Kind)));
                    return false;
            }
        }

        private void AddMissing(ProtectionReason reason)
        {
            if (!missing.Contains(reason))
            {
                missing.Add(reason);
            }
        }

        private void ClassProtects(ClassStayOrder order, DateOnly? since, DateOnly? lastDay, UntilEvent until) =>
            protections.Add(new(ProtectionSource.ClassOrderStay, since, lastDay, until, order.Citation, ProtectionText.Name(order.Name)));

        private void OfferDeadline(ClassDeadline deadline)
        {
            if (nextDeadline is not { } current || (deadline.Due is { } due && (current.Due is null || due < current.Due)))
            {
                nextDeadline = deadline;
            }
        }

        /// <summary>The motion to reopen the class order counts: the earliest one not decided before the order took effect.</summary>
        private int ClassMotion(DateOnly effectiveOn)
        {
            var best = -1;
            for (var j = 0; j < matters.Length; j++)
            {
                var m = matters[j];
                if (m.Kind is not (MatterKind.MotionToReopenIj or MatterKind.MotionToReopenBia) || !IsLive(PhaseOf(m))
                    || (m.Status.IsDecided() && m.DecidedOn < effectiveOn))
                {
                    continue;
                }

                if (best < 0 || FiledEarlier(m, matters[best]))
                {
                    best = j;
                }
            }

            return best;
        }

        // ---------------------------------------------------------------- facts as of the day

        private Phase PhaseOf(MatterFacts m)
        {
            if (m.Status == MatterStatus.Drafting || m.FiledOn > asOf)
            {
                return Phase.NotFiled;
            }

            // A decision made before any withdrawal stands; otherwise the withdrawal ends the matter on its day.
            var withdrawnOn = m.WithdrawnOn ?? (m.Status == MatterStatus.Withdrawn ? m.DecidedOn : null);
            if (withdrawnOn is { } withdrawn)
            {
                if (withdrawn <= asOf && !(m.Status.IsDecided() && m.DecidedOn <= withdrawn))
                {
                    return Phase.Withdrawn;
                }

                if (m.Status == MatterStatus.Withdrawn)
                {
                    return Phase.Pending;
                }
            }
            else if (m.Status == MatterStatus.Withdrawn)
            {
                return Phase.WithdrawnUndated;
            }

            if (!m.Status.IsDecided())
            {
                return Phase.Pending;
            }

            return m.DecidedOn is not { } decided ? Phase.DecidedUndated
                : decided > asOf ? Phase.Pending
                : m.Status == MatterStatus.Granted ? Phase.Granted : Phase.Denied;
        }

        private Phase PhaseOf(StayMotionFacts stay) => stay.Outcome == StayMotionOutcome.Pending ? Phase.Pending
            : stay.DecidedOn is not { } decided ? Phase.DecidedUndated
            : decided > asOf ? Phase.Pending
            : stay.Outcome == StayMotionOutcome.Granted ? Phase.Granted : Phase.Denied;

        /// <summary>True or false when known; null when a missing filing date decides it.</summary>
        private bool? Timely(MatterFacts m, DateOnly? due)
        {
            if (m.FiledInTime is { } recorded)
            {
                return recorded;
            }

            if (due is not { } last)
            {
                return true;
            }

            if (m.FiledOn is { } filed)
            {
                return filed <= last;
            }

            // Filed on an unrecorded day no later than today: in time if today is still within the period.
            return asOf <= last ? true : null;
        }

        private (PersonEventKind? Kind, DateOnly On) LatestCustodyEvent()
        {
            PersonEventKind? kind = null;
            var on = DateOnly.MinValue;
            foreach (var e in events)
            {
                if (e.On > asOf || e.Kind is not (PersonEventKind.Arrested or PersonEventKind.Transferred or PersonEventKind.Released
                    or PersonEventKind.BoardedForRemoval or PersonEventKind.Removed))
                {
                    continue;
                }

                // On the same day, assume the worst: boarding or removal came last.
                if (kind is null || e.On > on || (e.On == on && e.Kind is PersonEventKind.BoardedForRemoval or PersonEventKind.Removed))
                {
                    kind = e.Kind;
                    on = e.On;
                }
            }

            return (kind, on);
        }

        private DateOnly? FirstEvent(PersonEventKind kind)
        {
            DateOnly? first = null;
            foreach (var e in events)
            {
                if (e.Kind == kind && e.On <= asOf && (first is null || e.On < first))
                {
                    first = e.On;
                }
            }

            return first;
        }

        /// <summary>
        /// The last day of a period, or null when its trigger lies outside the court calendar (before 1980: orders
        /// decades old are common). Such a period is treated as over when the day evaluated is well past any
        /// roll-forward; otherwise the answer is Unknown. No exact day is claimed for it, and nothing throws.
        /// </summary>
        private DateOnly? Due(DateOnly trigger, int days, Forum forum = Forum.Unspecified)
        {
            if (DeadlineCalculator.IsSupportedTrigger(trigger))
            {
                return PeriodCounting.DueAfter(trigger, days, calendar.For(forum));
            }

            if (!(trigger < DeadlineCalculator.FirstTrigger && asOf > trigger.AddDays(days + MaxRollForwardDays)))
            {
                AddMissing(new(ReasonCode.PeriodOutsideCalendar, ProtectionText.Record, trigger));
            }

            return null;
        }

        private void MissingTimeliness(MatterFacts m, DateOnly trigger, DateOnly? due, string citation) => AddMissing(
            due is null && m.FiledOn is not null
                ? new(ReasonCode.PeriodOutsideCalendar, ProtectionText.Record, trigger)
                : new(ReasonCode.FiledDateMissing, citation, Subject: ProtectionText.Kind(m.Kind)));

        /// <summary><see cref="Timely"/>, or for a period outside the calendar: in time when filed by the raw last day, late well after it.</summary>
        private bool? TimelyAfter(MatterFacts m, DateOnly trigger, int days, DateOnly? due)
        {
            if (due is not null || m.FiledInTime is not null)
            {
                return Timely(m, due);
            }

            var raw = trigger.AddDays(days);
            return m.FiledOn is not { } filed ? null
                : filed <= raw ? true
                : filed > raw.AddDays(MaxRollForwardDays) ? false
                : null;
        }

        // ---------------------------------------------------------------- links between matters and orders

        private int MatterIndex(int key)
        {
            for (var j = 0; j < matters.Length; j++)
            {
                if (matters[j].Key == key)
                {
                    return j;
                }
            }

            return -1;
        }

        private int OrderIndex(int key)
        {
            for (var i = 0; i < orders.Length; i++)
            {
                if (orders[i].Key == key)
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>
        /// The earliest-filed matter of this kind, filed by today and not withdrawn, that challenges the target; with
        /// <paramref name="withdrawn"/>, the earliest one withdrawn by today instead.
        /// </summary>
        private int FindChallenger(MatterKind kind, Target target, bool withdrawn = false)
        {
            var best = -1;
            for (var j = 0; j < matters.Length; j++)
            {
                var m = matters[j];
                if (m.Kind == kind && (withdrawn ? PhaseOf(m) is Phase.Withdrawn or Phase.WithdrawnUndated : IsLive(PhaseOf(m))) && Challenged(j) == target
                    && (best < 0 || FiledEarlier(m, matters[best])))
                {
                    best = j;
                }
            }

            return best;
        }

        private static bool FiledEarlier(MatterFacts a, MatterFacts b) =>
            a.FiledOn is { } x && (b.FiledOn is not { } y || x < y);

        private int RootOrder(int matter)
        {
            // Links form a short chain (petition -> appeal -> motion -> order); the bound guards against cycles in bad data.
            var target = new Target(false, matter);
            for (var depth = 0; depth < 8 && target.Exists && !target.IsOrder; depth++)
            {
                target = Challenged(target.Index);
            }

            return target.IsOrder ? target.Index : -1;
        }

        private bool IsInAbsentiaMotion(int matter)
        {
            if (matters[matter].Kind != MatterKind.MotionToReopenIj)
            {
                return false;
            }

            var target = Challenged(matter);
            return target is { IsOrder: true, Index: >= 0 } && orders[target.Index].InAbsentia;
        }

        /// <summary>
        /// The decision a matter challenges: its explicit link, or else the latest decision it could challenge
        /// made on or before its filing date.
        /// </summary>
        private Target Challenged(int matter)
        {
            var m = matters[matter];
            if (m.ChallengesMatter is { } matterKey)
            {
                return new Target(false, MatterIndex(matterKey));
            }

            if (m.ChallengesOrder is { } orderKey)
            {
                return new Target(true, OrderIndex(orderKey));
            }

            var by = m.FiledOn ?? asOf;
            var best = Target.None;
            var bestOn = DateOnly.MinValue;
            var boardLevel = m.Kind == MatterKind.PetitionForReview;
            if (m.Kind is not (MatterKind.BiaAppeal or MatterKind.PetitionForReview or MatterKind.MotionToReopenIj
                or MatterKind.MotionToReopenBia or MatterKind.MotionToReconsiderIj or MatterKind.MotionToReconsiderBia))
            {
                return best;
            }

            var motion = m.Kind is not (MatterKind.BiaAppeal or MatterKind.PetitionForReview);
            for (var i = 0; i < orders.Length; i++)
            {
                var o = orders[i];
                if ((o.Type == DecisionType.Merits || (o.Type == DecisionType.MotionDenial && !motion)) && o.IssuedOn <= by && o.IssuedOn >= bestOn
                    && (motion || (o.IssuedBy == Adjudicator.Board) == boardLevel))
                {
                    best = new Target(true, i);
                    bestOn = o.IssuedOn;
                }
            }

            if (motion)
            {
                return best;
            }

            for (var j = 0; j < matters.Length; j++)
            {
                var d = matters[j];
                if (j != matter && d.Status == MatterStatus.Denied && d.DecidedOn is { } decided && decided <= by && decided >= bestOn
                    && AdjudicatorOf(d.Kind) == (boardLevel ? Adjudicator.Board : Adjudicator.ImmigrationJudge)
                    && d.Kind is not (MatterKind.BondHearing or MatterKind.StayMotion))
                {
                    best = new Target(false, j);
                    bestOn = decided;
                }
            }

            return best;
        }

        private static Adjudicator AdjudicatorOf(MatterKind kind) => kind switch
        {
            MatterKind.MotionToReopenIj or MatterKind.MotionToReconsiderIj or MatterKind.BondHearing => Adjudicator.ImmigrationJudge,
            MatterKind.MotionToReopenBia or MatterKind.MotionToReconsiderBia or MatterKind.BiaAppeal => Adjudicator.Board,
            MatterKind.PetitionForReview => Adjudicator.CourtOfAppeals,
            MatterKind.HabeasPetition => Adjudicator.DistrictCourt,
            _ => Adjudicator.Dhs,
        };

        private static UntilEvent UntilFor(MatterKind kind) => kind switch
        {
            MatterKind.MotionToReopenIj => UntilEvent.JudgeDecidesMotion,
            MatterKind.MotionToReopenBia => UntilEvent.BoardDecidesMotion,
            MatterKind.BiaAppeal => UntilEvent.BoardDecidesAppeal,
            MatterKind.PetitionForReview => UntilEvent.CourtDecidesPetition,
            _ => UntilEvent.MatterDecided,
        };
    }
}
