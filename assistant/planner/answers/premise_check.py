"""Checking what a question takes for granted against the report: a wrong figure, leader or deal is
corrected before the question is answered from the report's own figures."""

from __future__ import annotations

import re

from assistant.domain.answer import FinalDraft
from assistant.domain.formatting import format_money, format_percent
from assistant.planner.answers.basis import dated_quotes
from assistant.planner.calls import Call, Steps, ask, fetch_facts, search
from assistant.planner.context import ReportContext
from assistant.planner.draft import Draft
from assistant.planner.premises import Premise
from assistant.planner.slots import Entity
from assistant.text.sentences import content_words, sentences
from assistant.text.tokens import stems
from tools.facts import DevelopmentFact, FactResult, IdentityFact, MoneyFact, NamedFact, Quote, RateFact
from tools.forecast import ConvertResult
from tools.quantities import QuantitiesResult, QuantityFact
from tools.schemas import CompareArgs, ConvertArgs, QuantitiesArgs

# Rounding a premise may differ by and still agree: half a unit of the second decimal.
SAME_FIGURE = 0.006


def check_premise(premise: Premise, ctx: ReportContext) -> Steps[FinalDraft | None]:
    """A correction when the report says otherwise; None when it agrees or cannot tell."""
    if premise.kind == "rate":
        return (yield from _rate(premise, ctx))
    if premise.kind == "rate_period":
        return (yield from _rate_period(premise, ctx))
    if premise.kind == "size":
        return (yield from _size(premise, ctx))
    if premise.kind == "decline":
        return (yield from _decline(premise, ctx))
    if premise.kind in ("largest_region", "fastest_segment", "largest_segment"):
        return (yield from _leader(premise, ctx))
    if premise.kind == "development":
        return (yield from _development(premise, ctx))
    if premise.kind == "largest_company":
        return (yield from _company_leader(premise, ctx))
    if premise.kind == "publisher":
        return (yield from _publisher(premise, ctx))
    if premise.kind in ("minority", "majority", "half"):
        return (yield from _portion(premise, ctx))
    return (yield from _deal(premise, ctx))


HALF = 50.0
ABOUT_HALF = 10.0  # points either side of half that 'roughly half' still covers


def _portion(premise: Premise, ctx: ReportContext) -> Steps[FinalDraft | None]:
    """'cordless tools are still a minority of sales': the share the page gives it says otherwise, or
    None when it agrees or gives none."""
    if premise.subject is None:
        return None
    result = yield from ask(
        Call(
            "lookup_quantities",
            QuantitiesArgs(metric="share", name=premise.subject.name, report_id=ctx.report_id),
        )
    )
    shares = [
        q
        for q in (result.value.quantities if isinstance(result.value, QuantitiesResult) else [])
        if q.measure is None
    ]
    if not shares:
        return None
    share = max(shares, key=lambda q: q.start_year or 0)
    if premise.kind == "half":
        if abs(share.value - HALF) <= ABOUT_HALF:
            return None
        draft = Draft()
        return draft.final(
            f"The report does not put {premise.subject.name} at about half: it gives it "
            f"{format_percent(share.value)} {draft.cite(share.quote)}."
        )
    minority = premise.kind == "minority"
    if (share.value < HALF) == minority:
        return None
    draft = Draft()
    said = "a minority" if minority else "a majority"
    return draft.final(
        f"The report does not make {premise.subject.name} {said}: it gives it {format_percent(share.value)} "
        f"{draft.cite(share.quote)}, {'more' if minority else 'less'} than half."
    )


def _publisher(premise: Premise, ctx: ReportContext) -> Steps[FinalDraft | None]:
    """'this one's a grand view research report right?': the publisher the page names, when it is
    another one; None when it is the one named or the page names none."""
    facts = yield from fetch_facts(ctx.report_id, "identity")
    fact = facts["identity"]
    identity = fact.value if fact and isinstance(fact.value, IdentityFact) else None
    if identity is None or identity.publisher is None or fact is None or premise.named is None:
        return None
    said = stems(premise.named)
    known = [identity.publisher.text, *(a.text for a in identity.abbreviations)]
    if any(said and said <= stems(name) or name.lower() in premise.named.lower() for name in known):
        return None
    quote = next((q for q in fact.quotes if q.label == "publisher"), None)
    draft = Draft()
    cited = f" {draft.cite(quote)}" if quote else ""
    return draft.final(
        f"No: the report is published by {identity.publisher.text}{cited}, not {premise.named}.",
        status="answered",
    )


def _compared(asserted: float, stated: float) -> CompareArgs:
    return CompareArgs(
        first_value=asserted,
        second_value=stated,
        first_label="the question's figure",
        second_label="the report's",
    )


def _rate_period(premise: Premise, ctx: ReportContext) -> Steps[FinalDraft | None]:
    facts = yield from fetch_facts(ctx.report_id, "cagr")
    fact = facts["cagr"]
    if fact is None or not isinstance(fact.value, RateFact) or premise.period is None:
        return None
    rate = fact.value
    if (rate.start_year, rate.end_year) == premise.period or rate.start_year is None:
        return None
    table = yield from ask(
        Call("lookup_quantities", QuantitiesArgs(metric="cagr", name="market", report_id=ctx.report_id))
    )
    stated = table.value.quantities if isinstance(table.value, QuantitiesResult) else []
    draft = Draft()
    # the sentence that states the rate with its years, where the rate's own quote is its figure alone
    with_years = next(
        (q.quote for q in stated if (q.start_year, q.end_year) == (rate.start_year, rate.end_year)), None
    )
    years_mark = f" {draft.cite(with_years)}" if with_years is not None else ""
    # the user's years are not repeated: a year no quote holds would read as one of the report's
    text = (
        f"The report does not give its CAGR for the years you name: it states {format_percent(rate.percent)} "
        f"for {rate.start_year}-{rate.end_year} {draft.cite_all(fact.quotes)}{years_mark}."
    )
    return draft.final(text)


def _decline(premise: Premise, ctx: ReportContext) -> Steps[FinalDraft | None]:
    """'since the market shrinks...', 'why did it fall 34%?': the report's own direction, and what
    the figure the question quotes is about, if the report has it."""
    facts = yield from fetch_facts(ctx.report_id, "cagr", "forecast_end")
    rate_fact, end_fact = facts["cagr"], facts["forecast_end"]
    if rate_fact is None or not isinstance(rate_fact.value, RateFact) or rate_fact.value.percent <= 0:
        return None
    draft = Draft()
    rate = rate_fact.value
    text = (
        f"The report does not say the market shrinks or falls: it expects growth at a CAGR of "
        f"{format_percent(rate.percent)} {draft.cite_all(rate_fact.quotes)}"
    )
    if end_fact and isinstance(end_fact.value, MoneyFact):
        end = end_fact.value
        text += f", to {format_money(end.currency, end.amount, end.unit)} by {end.year} {draft.cite_all(end_fact.quotes)}"
    text += "."
    if premise.percent is not None:
        shown = f"{premise.percent:g}%"
        passages = yield from search(shown, ctx.report_id, ctx.search_k)
        about = [
            s for p in passages for s in sentences(p.text, p.start) if shown in s.text.replace(" %", "%")
        ]
        if about:
            text += f" The {shown} the report mentions is about something else: {about[0].text} {draft.cite(about[0])}"
    return draft.final(text)


def _development(premise: Premise, ctx: ReportContext) -> Steps[FinalDraft | None]:
    """'given X's new Houston site': details the report does not give for that company are named,
    next to what it does say about it."""
    if premise.subject is None:
        return None
    facts = yield from fetch_facts(ctx.report_id, "recent_developments")
    fact = facts["recent_developments"]
    items = list(zip(fact.value, fact.quotes, strict=False)) if fact and isinstance(fact.value, list) else []
    name = premise.subject.name.lower().split()[0]
    # 'wcg opened that el paso site': the news the clause names by its own words, told of another firm
    named = [items[i] for i in sorted(ctx.news_in(premise.clause)) if i < len(items)]
    others = [
        (item, quote)
        for item, quote in named
        if isinstance(item, DevelopmentFact) and name not in item.company.lower()
    ]
    if others and len(others) == len(named):
        item, quote = others[0]
        draft = Draft()
        first = sentences(quote.text, quote.start)[:1]
        said = f": {first[0].text} {draft.cite(first[0])}" if first else ""
        return draft.final(f"The report gives that to {item.company}, not {premise.subject.name}{said}")
    theirs = [
        quote for item, quote in items if isinstance(item, DevelopmentFact) and name in quote.text.lower()
    ]
    if not theirs:
        return None
    said = " ".join(q.text.lower() for q in theirs)
    # a year the report does not give is said to be wrong without being repeated: a figure of the
    # user's own must not read as one the report states ('headlands opened el paso back in 2023')
    years = set(re.findall(r"\b(?:19|20)\d\d\b", premise.clause))
    wrong_year = bool(years) and not any(y in said for y in years)
    missing = [
        w
        for w in content_words(premise.clause)
        if w not in said and w not in premise.subject.name.lower() and not any(ch.isdigit() for ch in w)
    ]
    if not missing and not wrong_year:
        return None
    draft = Draft()
    first = sentences(theirs[0].text, theirs[0].start)[:1]
    if wrong_year:
        dated = f"; it says: {first[0].text} {draft.cite(first[0])}" if first else ""
        return draft.final(f"The report gives another date for that{dated}.")
    text = f"The report does not mention {' '.join(missing)} for {premise.subject.name}"
    if first:
        text += f"; it says: {first[0].text} {draft.cite(first[0])}"
    return draft.final(text + ".")


def _rate(premise: Premise, ctx: ReportContext) -> Steps[FinalDraft | None]:
    facts = yield from fetch_facts(ctx.report_id, "cagr")
    fact = facts["cagr"]
    if fact is None or not isinstance(fact.value, RateFact) or premise.percent is None:
        return None
    rate = fact.value
    if abs(rate.percent - premise.percent) < SAME_FIGURE:
        # the rate is right; the years it is said to cover may not be
        return (yield from _rate_period(premise, ctx)) if premise.period else None
    draft = Draft()
    quotes = list(fact.quotes)
    period = ""
    if rate.start_year:
        # the period is said only from a passage that states it with the rate
        stating = yield from _rate_with_period(rate, ctx)
        if stating is not None:
            period, quotes = f" for {rate.start_year}-{rate.end_year}", [stating]
    # The question's figure beside the report's, through a tool: the answer may then repeat it.
    yield from ask(Call("compare_values", _compared(premise.percent, rate.percent)))
    asserted = format_percent(premise.percent)
    text = (
        f"The report does not say the CAGR is {asserted}: it gives "
        f"{format_percent(rate.percent)}{period} {draft.cite_all(quotes)}, not "
        f"{asserted}, and the answer below uses the report's rate."
    )
    return draft.final(text)


def _rate_with_period(rate: RateFact, ctx: ReportContext) -> Steps[Quote | None]:
    """The passage that states the market's CAGR together with both years of its period."""
    result = yield from ask(
        Call("lookup_quantities", QuantitiesArgs(metric="cagr", name="market", report_id=ctx.report_id))
    )
    found = list(result.value.quantities) if isinstance(result.value, QuantitiesResult) else []
    for q in found:
        text = q.quote.text
        if (
            abs(q.value - rate.percent) < SAME_FIGURE
            and str(rate.start_year) in text
            and str(rate.end_year) in text
        ):
            return q.quote
    return None


def _size(premise: Premise, ctx: ReportContext) -> Steps[FinalDraft | None]:
    facts = yield from fetch_facts(ctx.report_id, "market_size", "forecast_end")
    stated = [
        f for f in (facts["market_size"], facts["forecast_end"]) if f and isinstance(f.value, MoneyFact)
    ]
    if premise.year and not any(
        isinstance(f.value, MoneyFact) and f.value.year == premise.year for f in stated
    ):
        # '2020 was around 250m wasnt it?': a past year's size the page states outside its headline
        table = yield from ask(
            Call(
                "lookup_quantities",
                QuantitiesArgs(metric="market_size", name="market", report_id=ctx.report_id),
            )
        )
        sizes = table.value.quantities if isinstance(table.value, QuantitiesResult) else []
        same = [q for q in sizes if q.start_year == premise.year == q.end_year and q.unit]
        if same:
            q = same[0]
            past = MoneyFact(
                amount=q.value, unit=q.unit or "", currency=q.currency or "USD", year=q.start_year
            )
            stated.insert(
                0,
                FactResult(
                    name="market_size",
                    report_id=ctx.report_id,
                    found=True,
                    value=past,
                    summary="",
                    quotes=[q.quote],
                ),
            )
    amount = premise.amount
    if not stated or amount is None:
        return None
    fact = next(
        (f for f in stated if isinstance(f.value, MoneyFact) and f.value.year == premise.year), stated[0]
    )
    money = fact.value
    assert isinstance(money, MoneyFact)
    if (
        premise.year
        and money.year != premise.year
        and not any(
            isinstance(f.value, MoneyFact) and abs(f.value.amount - amount.value) < SAME_FIGURE
            for f in stated
        )
    ):
        return None  # no figure of that year to set against the user's (another year's is no correction)
    value = amount.value
    if amount.unit and amount.unit != money.unit:
        converted = yield from ask(
            Call("convert_units", ConvertArgs(value=amount.value, from_unit=amount.unit, to_unit=money.unit))
        )
        if not isinstance(converted.value, ConvertResult):
            return None
        value = converted.value.value
    if abs(value - money.amount) < SAME_FIGURE:
        return None
    draft = Draft()
    other_year = next(
        (f for f in stated if isinstance(f.value, MoneyFact) and abs(f.value.amount - value) < SAME_FIGURE),
        None,
    )
    if other_year is not None and premise.year and isinstance(other_year.value, MoneyFact):
        # 'the report puts 2030 at 9.33bn': the figure is the report's, for another year
        stated_money = other_year.value
        draft.echo(str(premise.year))
        text = (
            f"The report's {format_money(stated_money.currency, stated_money.amount, stated_money.unit)} is for "
            f"{stated_money.year}, not {premise.year} {draft.cite_all(other_year.quotes)}"
        )
        if money.year == premise.year:  # what it does state for the year the question named
            text += f"; for {money.year} it states {format_money(money.currency, money.amount, money.unit)} {draft.cite_all(fact.quotes)}"
        return draft.final(text + ". The answer below uses the report's figures.")
    year = f" in {premise.year}" if premise.year else ""
    yield from ask(Call("compare_values", _compared(value, money.amount)))
    if premise.year:
        draft.echo(str(premise.year))
    quotes = yield from dated_quotes(list(fact.quotes), money.year, money.amount, ctx)
    text = (
        f"The report does not put the market at {format_money(money.currency, value, money.unit)}{year}: it "
        f"states {format_money(money.currency, money.amount, money.unit)} for {money.year} "
        f"{draft.cite_all(quotes)}, and the answer below uses the report's figures."
    )
    return draft.final(text)


def _leader(premise: Premise, ctx: ReportContext) -> Steps[FinalDraft | None]:
    name = premise.kind
    facts = yield from fetch_facts(ctx.report_id, "fastest_segment" if name == "largest_segment" else name)
    fact = facts.get(name)
    if premise.subject is None:
        return None
    draft = Draft()
    if name == "largest_segment":
        ranked = yield from _ranked_by_figures(premise.subject, False, ctx)
        leader, own = ranked if ranked is not None else (None, None)
        if leader is not None and leader.name and own is not None:
            if leader.name.lower() == premise.subject.name.lower():
                return None
            return draft.final(
                f"The report does not say {premise.subject.name} is the largest segment: by the shares it "
                f"gives, {leader.name} is, at {format_percent(leader.value)} {draft.cite(leader.quote)}, "
                f"against {format_percent(own.value)} for {premise.subject.name} {draft.cite(own.quote)}."
            )
        # Reports rarely rank segments by size; say what the report does say of the named one.
        fastest = yield from fetch_facts(ctx.report_id, "fastest_segment")
        found = fastest["fastest_segment"]
        if (
            found
            and isinstance(found.value, NamedFact)
            and found.value.name.lower() == premise.subject.name.lower()
        ):
            return draft.final(
                f"The report does not say {premise.subject.name} is the largest segment: it names it the "
                f"fastest-growing segment {draft.cite_all(found.quotes)}, and gives no segment sizes."
            )
        return draft.final(f"The report does not say {premise.subject.name} is the largest segment.")
    place = premise.subject.kind in ("region", "country")
    label = (
        "largest region"
        if name == "largest_region"
        else ("fastest-growing region" if place else "fastest-growing segment")
    )
    if fact is None or not isinstance(fact.value, NamedFact):
        ranked = yield from _ranked_by_figures(premise.subject, name == "fastest_segment", ctx)
        if ranked is None:
            said = yield from _said_in_prose(premise.subject.name, label, ctx)
            if said:
                return (
                    None  # 'Asia Pacific is the fastest-growing region': the prose names it, figures or not
                )
            return draft.final(
                f"The report does not name {premise.subject.name} as the {label}; it names none."
            )
        leader, own = ranked
        if leader.name and leader.name.lower() == premise.subject.name.lower():
            return None
        measure = "grows fastest" if name == "fastest_segment" else "is largest"
        text = (
            f"The report does not name {premise.subject.name} as the {label}: by the figures it gives, "
            f"{leader.name} {measure}, at {format_percent(leader.value)} {draft.cite(leader.quote)}"
        )
        if own is not None:
            text += (
                f", against {format_percent(own.value)} for {premise.subject.name} {draft.cite(own.quote)}"
            )
        return draft.final(text + ".")
    if fact.value.name.lower() == premise.subject.name.lower():
        return None
    text = (
        f"The report does not name {premise.subject.name} as the {label}: it names {fact.value.name} "
        f"{draft.cite_all(fact.quotes)}"
    )
    figures = yield from _own_figures(
        [fact.value.name, premise.subject.name], "cagr" if name == "fastest_segment" else "share", ctx
    )
    shown = [f"{format_percent(q.value)} for {q.name} {draft.cite(q.quote)}" for q in figures]
    if shown:  # the page's own figures for the two, so the correction can be checked
        text += f", with {' against '.join(shown)}"
    return draft.final(text + ".")


_AFTER_DEAL_VERB = re.compile(
    r"\b(?:acquired|acquire|bought|buy|purchased|purchase|took over|take over|merged with)\s+"
    r"(?P<target>[A-Za-z][\w&.-]*(?:\s+(?!in\b|on\b|back\b|for\b|last\b|this\b)[A-Za-z][\w&.-]*){0,3})",
    re.I,
)


def _named_after_verb(clause: str) -> str | None:
    """The company a deal clause names after its verb ('bought luminis health back in june 24'),
    without the date, which the report may not state."""
    match = _AFTER_DEAL_VERB.search(clause)
    return match.group("target") if match else None


def _own_figures(names: list[str], metric: str, ctx: ReportContext) -> Steps[list[QuantityFact]]:
    """The page's latest figure of ``metric`` for each of ``names`` that has one, in that order."""
    result = yield from ask(Call("lookup_quantities", QuantitiesArgs(metric=metric, report_id=ctx.report_id)))
    found = list(result.value.quantities) if isinstance(result.value, QuantitiesResult) else []
    picked: list[QuantityFact] = []
    for name in names:
        own = [q for q in found if q.name and q.name.lower() == name.lower() and q.measure != "of growth"]
        if own:
            picked.append(max(own, key=lambda q: q.start_year or 0))
    return picked


def _ranked_by_figures(
    subject: Entity, by_rate: bool, ctx: ReportContext
) -> Steps[tuple[QuantityFact, QuantityFact | None] | None]:
    """The leader among the subject's peers by the page's own figures (CAGR for fastest, share for
    largest), and the subject's own figure; None when the page gives no such figures."""
    metric = "cagr" if by_rate else "share"
    result, anything = yield [
        Call("lookup_quantities", QuantitiesArgs(metric=metric, report_id=ctx.report_id)),
        # its figures of any kind: the dimension it belongs to, when it has no figure of this kind
        Call("lookup_quantities", QuantitiesArgs(metric=None, name=subject.name, report_id=ctx.report_id)),
    ]
    found = list(result.value.quantities) if isinstance(result.value, QuantitiesResult) else []
    others = list(anything.value.quantities) if isinstance(anything.value, QuantitiesResult) else []
    own = next((q for q in found if q.name and q.name.lower() == subject.name.lower()), None)
    kind = own.scope if own else ("region" if subject.kind in ("region", "country") else "segment")
    peers = [q for q in found if q.scope == kind and q.name and q.measure != "of growth"]
    dimension = (own.dimension if own else None) or next((q.dimension for q in others if q.dimension), None)
    if dimension:
        # 'since workers comp is the fastest growing line': among the lines of business, not every segment
        peers = [q for q in peers if q.dimension == dimension] or peers
    if not peers:
        return None
    return max(peers, key=lambda q: q.value), own


_PERCENT = re.compile(r"\d\s?%|\bpercent\b", re.I)


def _company_leader(premise: Premise, ctx: ReportContext) -> Steps[FinalDraft | None]:
    """'since X has the largest share': unless a passage gives the company a share, say that the
    report ranks no companies, next to what it does say of X."""
    if premise.subject is None:
        return None
    name = premise.subject.name
    key = name.lower().split()[0]
    passages = yield from search(f"{name} market share", ctx.report_id, ctx.search_k)
    for passage in passages:
        text = passage.text.lower()
        if key in text and "share" in text and _PERCENT.search(text):
            return None  # the report gives it a share: the question is answered from it
    draft = Draft()
    text = f"The report gives no market shares for individual companies, so it does not say {name} has the largest share"
    facts = yield from fetch_facts(ctx.report_id, "key_players")
    players = facts["key_players"]
    if players is not None:
        theirs = [quote for quote in players.quotes if key in quote.text.lower()]
        if theirs:
            text += f"; it lists {name} among the key players {draft.cite(theirs[0])}"
    return draft.final(text + ".")


def _deal(premise: Premise, ctx: ReportContext) -> Steps[FinalDraft | None]:
    if premise.subject is None:
        return None
    facts = yield from fetch_facts(ctx.report_id, "recent_developments")
    fact = facts["recent_developments"]
    items = fact.value if fact and isinstance(fact.value, list) else []
    buyer = premise.subject.name.lower().split()[0]
    target = premise.target.name.lower().split()[0] if premise.target else None
    for item, quote in zip(items, fact.quotes if fact else [], strict=False):
        if not isinstance(item, DevelopmentFact):
            continue
        text = quote.text.lower()
        if buyer in text and "acqui" in text and (target is None or target in text):
            return None
    target_name = premise.target.name if premise.target else _named_after_verb(premise.clause)
    what = (
        f"{premise.subject.name} acquiring {target_name}"
        if target_name
        else f"such a deal by {premise.subject.name}"
    )
    draft = Draft()
    text = f"The report does not mention {what}; it records no such acquisition"
    related = [
        (item, quote)
        for item, quote in zip(items, fact.quotes if fact else [], strict=False)
        if isinstance(item, DevelopmentFact) and buyer in quote.text.lower()
    ]
    # What the report does record: the buyer's own news, and any acquisition it reports.
    acquisitions = [
        (item, quote)
        for item, quote in zip(items, fact.quotes if fact else [], strict=False)
        if isinstance(item, DevelopmentFact) and "acqui" in quote.text.lower()
    ]
    starts: dict[int, Quote] = {}
    for _, quote in [*related, *acquisitions]:
        starts.setdefault(quote.start, quote)
    said = [s for quote in list(starts.values())[:2] for s in sentences(quote.text, quote.start)[:1]]
    if said:
        text += ". What it does report: " + " ".join(f"{s.text} {draft.cite(s)}" for s in said)
    return draft.final(text + ("" if text.endswith(".") else "."))


_RANK_WORDS = {"fastest": r"fastest|quickest", "largest": r"largest|biggest|leading|leads?|led|dominat\w*"}


def _said_in_prose(name: str, label: str, ctx: ReportContext) -> Steps[bool]:
    """Whether a sentence of the report names ``name`` with the ranking of ``label`` ('fastest')."""
    ranking = _RANK_WORDS["fastest" if label.startswith("fastest") else "largest"]
    pattern = re.compile(rf"\b{re.escape(name)}\b[^.;]{{0,80}}\b(?:{ranking})\b", re.I)
    passages = yield from search(f"{name} {label}", ctx.report_id, ctx.search_k)
    return any(pattern.search(s.text) for p in passages for s in sentences(p.text, p.start))
