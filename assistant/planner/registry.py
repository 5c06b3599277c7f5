"""The intent registry: one entry per question kind, holding its example phrasings (written the way
analysts type, so paraphrases land on the same intent), the words that settle it on their own, the
particulars it reads, and the script that answers it. Adding a question kind is one entry here plus
tests. Nothing in it names a particular report's market, segments or companies."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from assistant.domain.answer import FinalDraft
from assistant.planner.answers import conversation, derived, figures, named, overview, prose, spans, stated
from assistant.planner.calls import Steps
from assistant.planner.context import ReportContext
from assistant.planner.decision import Decision
from assistant.planner.intents import Intent
from assistant.planner.premises import HYPOTHESIS
from assistant.planner.slots import Slots

Handler = Callable[[str, Decision, ReportContext], Steps[FinalDraft]]


@dataclass(frozen=True)
class IntentEntry:
    intent: Intent
    examples: tuple[str, ...]
    handler: Handler
    keywords: re.Pattern[str] | None = None  # words that weigh towards the intent (see settles)
    slots: frozenset[str] = frozenset()  # particulars the answer reads: years, unit, entities
    # When set, the keywords settle the intent outright if the question holds these particulars
    # ('when will it pass USD 10 bn' needs an amount to be a threshold question).
    settles: Callable[[Slots], bool] | None = None
    # Only a follow-up can ask it ('what's the source for that?' needs an earlier answer).
    needs_history: bool = False


def _words(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.I)


_YEARS = frozenset({"years", "unit"})
_ENTITIES = frozenset({"entities"})

REGISTRY: tuple[IntentEntry, ...] = (
    IntentEntry(
        Intent.SIZE_IN_YEAR,
        (
            "how big will the market be in 2029",
            "market size in 2028",
            "what will the market be worth in 2030",
            "projected market value for 2027",
            "forecast revenue of the market in 2029",
            "2029 market size?",
            "expected size of the market by 2030",
            "how large is the market going to be in 2033",
            "what was the market size in 2022",
            "estimate the market value for 2026 in millions",
        ),
        figures.size_in_year,
        slots=_YEARS,
    ),
    IntentEntry(
        Intent.SIZE_BASE,
        (
            "how big is the market",
            "what is the current market size",
            "market size today",
            "what is the market worth now",
            "how large was the market in the base year",
            "current value of the market in usd",
            "what is the base year",
            "base year of the report",
        ),
        figures.size_base,
        slots=_YEARS,
    ),
    IntentEntry(
        Intent.SIZE_END,
        (
            "how big will the market be at the end of the forecast",
            "what is the forecast market size",
            "projected market size at the end of the forecast period",
            "what will the market reach",
            "market value by the end of the forecast",
        ),
        figures.size_end,
        _words(
            r"\b(?:by|at|to|for) the end of (?:the (?:forecast|projection|outlook)(?: period| window| horizon)?"
            r"|it|that|the window|the period)\b"
        ),
        slots=_YEARS,
    ),
    IntentEntry(
        Intent.CAGR,
        (
            "what is the cagr",
            "what growth rate is expected",
            "how fast is the market growing",
            "annual growth rate of the market",
            "compound annual growth rate over the forecast period",
            "at what rate will the market expand",
            "growth rate %",
        ),
        figures.cagr,
        _words(r"\bc\.?a\.?g\.?r\b|growth rate"),
        _YEARS,
    ),
    IntentEntry(
        Intent.GROWTH,
        (
            "how much will the market grow between 2025 and 2031",
            "by how much will the market increase from 2026 to 2030",
            "absolute growth of the market over the forecast",
            "percentage increase in market size between 2027 and 2031",
            "how much bigger will the market be in 2031 than in 2025",
            "what is the increase in market value",
            "how much growth is that",
            "how much does it grow in between",
            "what is the growth between those years",
            "how much will it add in value",
        ),
        figures.growth,
        slots=_YEARS,
    ),
    IntentEntry(
        Intent.DOUBLING,
        (
            "when will the market double",
            "how long until the market doubles",
            "doubling time of the market",
            "in how many years will the market size be twice as big",
        ),
        figures.doubling,
        _words(r"\bdoubl|\btwice\b"),
    ),
    IntentEntry(
        Intent.TABLE,
        (
            "market size for each year of the forecast",
            "year by year forecast",
            "show the market size every year from 2025 to 2031",
            "annual market values table",
            "forecast table by year",
        ),
        figures.table,
        _words(r"\b(year[- ]by[- ]year|each year|every year|per year|annual(ly)? (values|sizes)|table)\b"),
        _YEARS,
    ),
    IntentEntry(
        Intent.FORECAST_PERIOD,
        (
            "what is the forecast period",
            "which years does the forecast cover",
            "what period is the report forecasting",
            "forecast horizon of the report",
        ),
        figures.forecast_period,
        _words(r"forecast (period|horizon|window)|which years"),
    ),
    IntentEntry(
        Intent.LARGEST_REGION,
        (
            "which region leads",
            "which region dominates the market",
            "largest regional market",
            "biggest region",
            "which geography has the largest share",
            "leading region",
            "where is the market largest",
        ),
        named.named_fact("largest_region", "largest region", "region dominant position market"),
        _words(
            r"\b(region|geograph|continent)\w*\b.*\b(lead|largest|biggest|dominat|top|main|most|smallest|lowest)"
            r"|\b(lead|largest|biggest|dominat|smallest)\w*\b.*\b(region|geograph)"
            r"|\b(which|what)\s+[\w-]+(\s+[\w-]+)?\s+(leads?|dominates?|is (the )?(largest|biggest|leading|dominant))\b"
        ),
    ),
    IntentEntry(
        Intent.FASTEST_SEGMENT,
        (
            "fastest growing segment",
            "which segment grows fastest",
            "which application is growing the fastest",
            "quickest growing category",
            "what segment has the highest growth",
        ),
        named.named_fact("fastest_segment", "fastest-growing segment", "fastest-growing segment"),
        _words(r"fastest|quickest|most rapid|highest growth"),
    ),
    IntentEntry(
        Intent.KEY_PLAYERS,
        (
            "who are the key players",
            "main companies in the market",
            "list the major competitors",
            "which companies are profiled",
            "top vendors",
            "who are the leading firms",
        ),
        named.key_players,
        _words(
            r"\b(players?|vendors|competitors|competition|companies|firms|profiled|organi[sz]ations|manufacturers)\b"
        ),
    ),
    IntentEntry(
        Intent.SEGMENTATION,
        (
            "how is the market segmented",
            "what segments does the report cover",
            "which product types are covered",
            "what services are included",
            "which countries are covered in europe",
            "what applications are included",
            "which regions does the report cover",
        ),
        named.segmentation,
        # Plural nouns and listing words ask for the list, not the leader.
        _words(
            r"\b(regions|countries|segments|categories|types|services|segmentation|segmented|breakdown|split"
            r"|break\s+(?:\w+\s+){0,3}?down|broken\s+down|slice[sd]?|sliced|carve[sd]?)\b"
            # 'list the segments', 'country list', not 'the 4th one on that list'
            r"|\b(covered|included)\b|(?<!that )(?<!the )(?<!this )\blist\b"
        ),
        _ENTITIES,
    ),
    IntentEntry(
        Intent.DEVELOPMENTS,
        (
            "what are the recent developments",
            "what did the company acquire",
            "latest news in the market",
            "any recent acquisitions or partnerships",
            "what did the company launch",
            "which company opened a new facility",
            "what happened in october 2024",
            "recent deals",
            "any m&a activity lately",
            "any recent moves by the companies",
            "what have the key players been doing recently",
        ),
        named.developments,
        _words(
            # 'deal', not the idiom 'a big deal'
            r"\b(acqui\w*|partner\w*|launch\w*|develop(ment)?s|developments?|news|announc\w*|(?<!big )(?<!great )deals?|m&a|mergers?"
            r"|takeovers?|buyouts?|collaborat\w*|tie-ups?|lately|been up to|(?:do|done|did) (?:lately|recently)"
            r"|(?:recent|latest|new) (?:moves|updates|activit(?:y|ies)|happenings|initiatives)"
            r"|(?:what did|what have|what has) (?:they|it|\w+) (?:do|done)"
            # 'did anyone raise money?': a funding round
            r"|rais(?:e|ed|ing) (?:money|funds|capital|funding|a round)|funding rounds?|series [a-e])\b"
        ),
        _YEARS | _ENTITIES,
    ),
    IntentEntry(
        Intent.DRIVERS,
        (
            "what drives the market",
            "key market drivers",
            "what is fueling growth",
            "why is the market growing",
            "growth factors",
        ),
        prose.section_summary,
        _words(
            r"\bdriv(er|ers|ing|es)\b|\bfuel|\b(?:what'?s|what is|whats) behind\b"
            r"|\b(?:push\w*|boost\w*|propel\w*|spur\w*)\s+(?:the\s+)?(?:demand|growth|market|adoption|uptake)\b"
        ),
    ),
    IntentEntry(
        Intent.CHALLENGES,
        (
            "what are the challenges",
            "what is holding the market back",
            "key market challenges",
            "main obstacles and restraints",
            "what risks does the market face",
        ),
        prose.section_summary,
        _words(
            r"\bchallenge|\bobstacle|\brestrain|\bbarrier|\bhurdle|\bheadwind|\bhold(s|ing)?\b.{0,20}\bback\b"
            r"|\b(hinder|hamper|impede|constrain|limit)\w*|\bslow(s|ing)?\b.{0,20}\bdown\b|\brisks?\b"
            # 'what's slowing adoption', 'what stops buyers'
            r"|\bslow(s|ing)?\s+(?:the\s+)?(?:adoption|uptake|growth|sales|demand|procurement)\b"
        ),
    ),
    IntentEntry(
        Intent.TRENDS,
        (
            "what are the key trends",
            "emerging trends in the market",
            "what trends are shaping the market",
            "market trends",
            "what opportunities does the market offer",
        ),
        prose.section_summary,
        # a page's 'Opportunities' section is read with its trends
        _words(r"\btrend|\bopportunit"),
    ),
    IntentEntry(
        Intent.DEFINITION,
        (
            "what is this market",
            "what does a company in this market do",
            "define the market",
            "what do these organizations do",
            "what services do these providers offer",
        ),
        prose.section_summary,
    ),
    IntentEntry(
        Intent.PUBLISHER,
        (
            "who published this report",
            "publisher?",
            "which firm wrote the report",
            "who is the author of the study",
            "source of this research report",
        ),
        named.publisher,
        _words(
            r"\b(publish\w*|publisher|who (wrote|put out|released|issued|authored|produced)|author"
            r"|source (of|for) (the|this) (report|study|press release|research|analysis|forecast|outlook))\b"
        ),
    ),
    IntentEntry(
        Intent.OVERVIEW,
        (
            "what is this report about",
            "give me an overview of the report",
            "summarise the report",
            "key takeaways",
        ),
        overview.overview,
        _words(
            # ('drivers in a nutshell' asks the drivers, briefly)
            r"^(?!.*\b(?:driv\w*|challeng\w*|restrain\w*|trends?|risks?|headwinds?)\b)"
            r".*\b(?:overview|summar(?:y|ise|ize|ies)|tl;?dr|takeaways?|highlights|gist|in a nutshell"
            r"|what(?:'?s| is| does)\s+(?:this|the)\s+(?:report|study|page|doc\w*|research)\s+(?:about|on|cover\w*))\b"
        ),
        # 'the report's summary of the 2030 size' asks a figure, not the overview
        settles=lambda slots: not (slots.years or slots.amounts or slots.percents or slots.entities),
    ),
    IntentEntry(
        Intent.PASSAGE,
        (
            "what percentage of companies reported a decline in profits",
            "how many products were listed in the registry",
            "how much did the largest firms spend on research",
            "by how much did waiting times increase",
            "what share of respondents plan to invest",
            "according to the report, what did a survey find",
        ),
        prose.passage,
    ),
    # Derived figures: each needs its particulars (an amount, a rate, two years) to be asked at all.
    IntentEntry(
        Intent.THRESHOLD_YEAR,
        (
            "when will the market pass 10 billion",
            "first year the market is above 8 billion",
            "in which year does it exceed usd 9 bn",
            "by when will it cross the 5 billion mark",
        ),
        derived.threshold_year,
        _words(
            r"\b(when|what year|which year|first year|by when|how soon|how many years|how long)\b.*"
            r"\b(reach|hit|cross|pass|exceed|surpass|top|above|over|past|get to|break|crack|clear|go past|go over)"
        ),
        _YEARS,
        settles=lambda slots: bool(slots.amounts),
    ),
    IntentEntry(
        Intent.REQUIRED_RATE,
        (
            "what growth rate is needed to reach 10 billion by 2030",
            "what cagr would it need to hit 12 billion",
            "required growth rate to get to 8 billion by 2029",
        ),
        derived.required_rate,
        _words(
            r"\b(need|needed|needs|required|require|requires|would (?:it )?take|it takes|must|necessary"
            r"|wants? (?:it|this|the market) at|target\w*)\b"
            # 'what rate would get it to 12bn by 2031', 'what cagr gets the market to 15 billion'
            r"|\b(?:rate|cagr|growth|pace)\b[^?]{0,30}?\b(?:gets?|getting|takes?|brings?|push(?:es)?|lifts?"
            r"|reach(?:es)?|hits?)\b"
        ),
        _YEARS,
        settles=lambda slots: bool(slots.amounts),
    ),
    IntentEntry(
        Intent.WHAT_IF,
        (
            "what if it grew at 6% instead",
            "at 8% cagr how big would it be in 2030",
            "assuming 7% growth a year what is the 2029 size",
        ),
        derived.what_if,
        _words(
            HYPOTHESIS.pattern + r"|\bat an? \d|\bif\b[^?]{0,40}?\d+(\.\d+)?\s?(%|percent)"
            # 'at 8% yoy whats 2029 look like': a question that opens on the rate it assumes
            r"|^\s*(?:and\s+|so\s+|ok\s+)?at \d+(?:\.\d+)?\s?(?:%|percent)"
        ),
        _YEARS,
        settles=lambda slots: bool(slots.percents),
    ),
    IntentEntry(
        Intent.RATIO,
        (
            "how many times bigger is 2031 than 2025",
            "ratio of the 2030 size to the 2025 size",
            "how many times larger will the market be",
        ),
        derived.ratio,
        _words(
            r"\b(how many times|times (bigger|larger|greater|as (big|large)|the)|ratio|multiple)\b"
            r"|\d(\.\d+)? times\b"
        ),
        _YEARS,
        settles=lambda slots: True,
    ),
    IntentEntry(
        Intent.CUMULATIVE,
        (
            "total market size from 2026 to 2028 combined",
            "cumulative revenue over the forecast",
            "sum of the yearly sizes 2025-2030",
        ),
        derived.cumulative,
        _words(
            # 'how much does it add from 2025 to 2031 in total' is the increase, not a sum of sizes
            r"^(?!.*\b(?:add(?!\s+(?:up|together))|adds|added(?!\s+(?:up|together))|gain|gains|gained|increase\w*"
            r"|grow|grows|grew)\b)"
            r".*\b(cumulative\w*|combined|in total|total|sum|summed|added (?:up|together)|add (?:up|together)"
            r"|altogether|aggregate)\b"
            r"|\b(average|mean)\b[^?]{0,30}\b(values|sizes|figures)\b"
        ),
        _YEARS,
        settles=lambda slots: len(set(slots.years)) >= 2,
    ),
    IntentEntry(
        Intent.AVERAGE_GAIN,
        (
            "average annual increase in market size",
            "mean yearly gain between 2025 and 2031",
            "how much does it add per year on average",
        ),
        derived.average_gain,
        _words(
            r"\b(average|mean|typical)\b(?!.*\b(rate|cagr|percent|price|cost|selling|per unit)\b)"
            r"(?:.*\b(increase|gain|growth|grow|grows|rise|addition|adds?|added|change|increment)\b"
            # 'so avg per yr over that stretch': the average a year, of what was just discussed
            r"|\s+(?:per|a|each)\s+year\b)"
            r"|\b(?:per|a|each)\s+year\s+on\s+average\b"
        ),
        _YEARS,
        settles=lambda slots: not slots.percents,
    ),
    IntentEntry(
        Intent.SOURCE,
        (
            "what's the source for that claim",
            "where does the report say that",
            "what backs that up",
            "show me the evidence",
        ),
        conversation.no_earlier_claim,
        _words(
            r"\b(source|sources|where does (it|the report) say|evidence|back(s|ing)? (that|this|it) up"
            r"|citation|cite|how do you know|prove it)\b|^\s*why\s*\??\s*$"
            r"|^\s*(?:and\s+)?(?:what'?s the reason(?: they give| given)?|what reason do they give)\s*\??\s*$"
            r"|^\s*(?:and\s+|so\s+|ok\s+)?(?:how (?:does|did|would|will) (?:that|this|it) (?:actually |really )?"
            r"(?:hurt|affect|impact|matter|help|hit|harm|squeeze)\w*(?:\s+[\w-]+){0,3}"
            r"|what does (?:that|this) mean(?:\s+for(?:\s+[\w-]+){1,3})?|so what)\s*\??\s*$"
        ),
        settles=lambda slots: True,
        needs_history=True,
    ),
    IntentEntry(
        Intent.YEAR_SPAN,
        (
            "how many years between 2026 and 2031",
            "how many years from the base year to the end of the forecast",
        ),
        spans.year_span,
        _words(
            r"\bhow many (?:years?|yrs?)\b|\bnumber of (?:years?|yrs?)\b|\b(?:years?|yrs?) apart\b"
            r"|\bhow long (?:is it )?(?:between|from)\b"
        ),
        _YEARS,
        # Two years to count between, named or pointed at ('between those'); an amount or a rate
        # makes it a threshold or doubling question instead.
        settles=lambda slots: (
            not (slots.amounts or slots.percents or slots.asks_money)
            and (len(set(slots.years)) + len(slots.year_refs) >= 2 or slots.points_at_two)
        ),
    ),
    IntentEntry(
        Intent.COMPARE_EARLIER,
        (),  # reached from a follow-up that points at the two figures just given
        spans.compare_earlier,
    ),
    IntentEntry(
        Intent.METADATA,
        (
            "what is the report code",
            "how many pages does the report have",
            "when was the report published",
            "which edition is this",
            "what is the historical period",
        ),
        stated.metadata,
        _words(
            # 'how many pages', 'report pages', not 'according to this page'
            r"\b(report (code|id|number|no)|sku|product code|pages|page count|edition|publication date"
            r"|release date|historical (period|data|years)|study period|history covered|base[- ]year"
            r"|when\s+(?:was\s+|did\s+)?(?:it\s+|this\s+|the report\s+|this report\s+|this brief\s+|the brief\s+"
            r"|this study\s+|the study\s+)?(?:published|released|issued|come out|came out)"
            r"|published (on|in))\b"
        ),
        settles=lambda slots: (
            not (slots.amounts or slots.percents or slots.asks_money or slots.asks_growth or slots.asks_share)
        ),
    ),
    IntentEntry(
        Intent.STATED_FIGURE,
        (
            "what share did europe hold in 2024",
            "how big was the hospital segment in 2023",
            "what was the historical cagr",
            "how many units were shipped in 2024",
            "average selling price per unit",
        ),
        stated.stated_figure,
        _words(
            r"\b(units?|shipments?|shipped|tonnes?|tons?|installations?|volume|prices?|pricing|asp)\b"
            r"|\b(hist\w*|past|previous|prior)\b.*\b(cagr|growth|grew)\b|\b(cagr|growth rate)\b.*\b(hist\w*|past|previous|prior)\b"
        ),
        _YEARS | _ENTITIES,
        settles=lambda slots: not slots.asks_unstated_attribute,
    ),
    IntentEntry(
        Intent.SMALL_TALK,
        (),  # recognised by its form (assistant.planner.acts), never by nearness to a question
        conversation.small_talk,
    ),
)

ENTRIES = {entry.intent: entry for entry in REGISTRY}
# The classifier weighs nearness to these; an intent that settles on its words and particulars is
# never chosen by nearness alone ('size in 2031 in usd million' is near 'ratio of the 2030 size').
EXAMPLES = {entry.intent: entry.examples for entry in REGISTRY if entry.settles is None}
# Words that weigh in the classifier; settling words are applied by ``settled_intent`` instead.
KEYWORDS = tuple(
    (entry.intent, entry.keywords)
    for entry in REGISTRY
    if entry.keywords is not None and entry.settles is None
)
SETTLING = tuple(entry for entry in REGISTRY if entry.settles is not None and entry.keywords is not None)


def settled_intent(question: str, slots: Slots, follow_up: bool) -> Intent | None:
    """The intent whose words and particulars settle the question outright, if any. A rate the
    question gives is no what-if of its own when the question asks a sum or a doubling time at it
    ('cumulative 2026-2031 if the 5.65% holds', 'at 5.65% how many yrs to double')."""
    for entry in SETTLING:
        assert entry.keywords is not None and entry.settles is not None
        if entry.needs_history and not follow_up:
            continue
        if entry.keywords.search(question) and entry.settles(slots):
            if entry.intent is Intent.WHAT_IF:
                return next((i for i in AT_A_RATE if _asks(i, question, slots)), entry.intent)
            return entry.intent
    return None


# Questions that take a rate: asked at the user's rate, they are still these questions
AT_A_RATE = (Intent.CUMULATIVE, Intent.DOUBLING)


def _asks(intent: Intent, question: str, slots: Slots) -> bool:
    entry = ENTRIES[intent]
    assert entry.keywords is not None
    return bool(entry.keywords.search(question)) and (entry.settles is None or entry.settles(slots))
