"""Builds Swedish municipal project plans, with their ground truth, for tests and benchmarks.

A `Plan` says what a plan contains (background decisions, intentions,
subprojects with their organisation, schedule, dependencies …) and how it is
laid out (subproject descriptions as appendices or inline sections, the
running-header layout). `render_export` writes the site's text export (title
line, "Relevanta dokument", `Transkript:`, one paragraph per page),
`render_form_feed` plain text with form feeds (as `pdftotext` writes it) and
`render_pdf` a PDF (fpdf2, Helvetica). `truth(plan)` is what a correct
extraction finds in it.

The text follows the genre (see /work/shared/GLOSSARY.md): `Delprojektet ska
adressera intentionspunkterna 2 och 5`, `Andra utredningar/processer som ska
beaktas`, `Projektorganisation`, `Tidplan`, `Kostnader/budget`, `Rapportering
och utvärdering`. Nothing here imports the extractor: the truth is derived
from the plan description alone, so that tests compare two independent views.
"""
from __future__ import annotations

import datetime as _dt
import json
import re
from dataclasses import asdict, dataclass
from pathlib import Path

# Role words as written, and the role key (ingest.roles.ROLES) each stands for.
ROLE_WORDS: dict[str, str] = {
    "uppdragsansvarig": "uppdragsansvarig", "projektansvarig": "uppdragsansvarig",
    "projektägare": "uppdragsansvarig", "beställare": "uppdragsansvarig",
    "projektledare": "projektledare", "delprojektledare": "projektledare",
    "projektsekreterare": "projektsekreterare", "sekreterare": "projektsekreterare",
    "projektgrupp": "projektgrupp", "projektarbetsgrupp": "projektgrupp", "arbetsgrupp": "projektgrupp",
    "resurspersoner": "resursperson", "resursperson": "resursperson",
    "referensgrupp": "referensgrupp", "styrgrupp": "styrgrupp",
}

MONTHS = ("januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti",
          "september", "oktober", "november", "december")
NUMBER_WORDS = ("noll", "ett", "två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio", "tio",
                "elva", "tolv", "tretton", "fjorton")

# Layout of the running header on main pages and on appendix pages.
HEADER_LAYOUTS = ("date-dnr", "muni-dnr-date", "dnr-date")

LINE_WIDTH = 88  # characters per line when a page is laid out
PAGE_LINES = 34  # lines of body per page (headings and items take whole lines)


# --- what a plan says ----------------------------------------------------------------

@dataclass(frozen=True)
class Person:
    """A person as written at one place: `kommundirektör Anna Berg`, `Anna Berg, UF`."""

    name: str
    title: str | None = None  # job title
    org: str | None = None  # affiliation (an abbreviation), written `Name, ORG`
    title_after: bool = False  # `Anna Berg, kommundirektör` instead of `kommundirektör Anna Berg`

    def written(self) -> str:
        if self.title and self.title_after:
            text = f"{self.name}, {self.title}"
        elif self.title:
            text = f"{self.title} {self.name}"
        else:
            text = self.name
        return f"{text}, {self.org}" if self.org else text


@dataclass(frozen=True)
class RoleLine:
    """`Delprojektledare: Lena Hagström, AMF`. A tuple of two people is written `A/B`."""

    word: str  # the role word as written, e.g. "Delprojektledare"
    people: tuple[Person | tuple[Person, Person], ...] = ()
    organisations: tuple[str, ...] = ()  # a group of organisations (no people), e.g. a reference group
    tail: str = ""  # text after the list: `Dessa ska kunna delegera …`

    @property
    def role(self) -> str:
        return ROLE_WORDS[self.word.lower()]

    def persons(self) -> list[Person]:
        out: list[Person] = []
        for p in self.people:
            out.extend(p if isinstance(p, tuple) else (p,))
        return out

    def render(self) -> str:
        items = ["/".join(q.written() for q in p) if isinstance(p, tuple) else p.written() for p in self.people]
        items += list(self.organisations)
        text = f"{self.word}: {join_list(items)}"
        return f"{text}. {self.tail}" if self.tail else text


@dataclass(frozen=True)
class Decision:
    """A decision the plan rests on, as the background tells it (one sentence)."""

    date: str  # ISO, as written in `text`
    body: str  # abbreviation of who decided: KS, KF, KSAU, KLU
    kind: str  # "assignment" | "tabling" | "decision"
    text: str  # the sentence(s); a decision laying down the intentions ends with ':'
    identifier: str | None = None  # a Dnr the sentence gives
    lays_down_intentions: bool = False

    @property
    def key(self) -> str:
        return f"{self.date}-{self.body.lower()}"


@dataclass(frozen=True)
class Milestone:
    label: str  # what the extracted label must contain
    date: str  # as written: `2014-04-30`, `14 juni`, `oktober 2013`, `2013-09-31`
    text: str | None = None  # the schedule entry as written; default `{label} {date}`


@dataclass(frozen=True)
class Reference:
    """An investigation, project, plan … a subproject must take into account."""

    title: str  # as written
    canonical: str | None = None  # the same work under any wording (for benchmarks)


@dataclass
class Subproject:
    number: int
    title: str
    intentions: tuple[int, ...]  # intention numbers addressed (a = 1 …)
    purpose: str
    refer_by_letter: bool = False  # `intentionerna c) och d)` in a lettered plan
    clauses: tuple[str, ...] = ()  # `… samt samordnas med arbetet med X`: references in the coverage sentence
    restate: bool = False  # restate the intentions in the description (`Intentionspunkterna är: 2. …`)
    scope: tuple[int, str] | None = None  # (intention, `I detta uppdrag avses …`) on a restated intention
    scope_limits: tuple[str, ...] = ()
    method_steps: tuple[str, ...] = ()
    considerations: tuple[Reference | str, ...] = ()
    siblings: str | None = "Övriga delprojekt i projektet"
    roles: tuple[RoleLine, ...] = ()
    schedule: tuple[Milestone, ...] = ()
    schedule_style: str = "numbered"  # "numbered" | "plain" | "sentences"
    budget: str = "Inom befintliga ramar."
    reporting: str = "Delprojektledaren rapporterar löpande till projektägaren."
    appendix_date: str | None = None  # the appendix's own date, if not the plan's
    owner_title: str | None = None  # the owner's job title in the main part's list of responsibles
    coverage_verb: str = "ska"  # `Delprojektet ska/skall adressera …`
    org_heading: str = "Projektorganisation"
    considerations_heading: str = "Andra utredningar/processer som ska beaktas"

    def references(self) -> list[Reference]:
        refs = [Reference(c) for c in self.clauses]
        refs += [c if isinstance(c, Reference) else Reference(c) for c in self.considerations]
        return refs


@dataclass
class Plan:
    municipality: str  # `Lund`
    municipality_written: str  # `Lunds kommun`
    dnr: str  # `KS 2014/0123`
    date: str  # ISO
    title: str  # upper case, `PROJEKTPLAN FÖR …`
    background: tuple[str | Decision, ...]
    intentions: tuple[str, ...]
    subprojects: list[Subproject]
    lettered: bool = True
    after_intentions: tuple[str, ...] = ()
    project_milestones: tuple[Milestone, ...] = ()  # deadlines the main part states (`senast …`)
    plan_decision: str = "Det fortsatta arbetet genomförs som ett projekt med flera delprojekt."
    layout: str = "appendix"  # "appendix" | "inline"
    list_subprojects: bool = True  # `Delprojekten är följande: 1. … 2. …` in the main part
    owner: Person | None = None  # `Ansvarig för projektet är kommundirektör …`
    responsibles: bool = False  # `Ansvariga för respektive delprojekt är: 1 … 2 …`
    project_roles: tuple[RoleLine, ...] = ()  # a project-level `Projektorganisation` in the main part
    closing: tuple[str, ...] = ()  # sentences after the organisation (`Uppdragsbeskrivningarna bifogas.`)
    signatory: Person | None = None  # `I tjänsten Anna Berg kommundirektör`
    header_layout: str = "date-dnr"
    appendix_heading: str = "UPPDRAGSBESKRIVNING"  # `UPPDRAGSBESKRIVNING DELPROJEKT 2`
    organisations: tuple[tuple[str, str], ...] = ()  # (name, abbreviation) defined in the text
    related: tuple[str, ...] = ()  # titles in the export's "Relevanta dokument" list
    related_party_lines: tuple[str, ...] = ()  # `Anna Berg (S), ordförande …` lines in that list
    coverage_noun: str = "intentionspunkterna"
    number_main_pages: bool = True  # the export leaves the page number at the end of main pages

    @property
    def year(self) -> int:
        return int(self.date[:4])


# --- ground truth --------------------------------------------------------------------

@dataclass
class TruthMilestone:
    subproject: int | None
    label: str
    text: str  # the date as written
    iso: str | None  # None when the date is impossible
    valid: bool


@dataclass
class TruthDecision:
    date: str
    body: str
    kind: str
    identifier: str | None


@dataclass
class Truth:
    title: str
    identifier: str
    date: str
    municipality: str
    signatory: str | None
    owner: str | None
    lettered: bool
    intentions: dict[int, str]
    intention_letters: dict[int, str | None]
    intentions_decided_by: int | None  # index into `decisions`
    subprojects: dict[int, str]
    appendices: dict[int, int]  # subproject -> appendix number
    appendix_dates: dict[int, str | None]  # appendix number -> the date its running header gives
    coverage: set[tuple[int, int]]
    scopes: dict[tuple[int, int], str]
    roles: set[tuple[str, str, int | None]]
    people: dict[str, tuple[set[str], set[str]]]  # name -> (titles, affiliations)
    milestones: list[TruthMilestone]
    references: dict[int, list[str]]  # subproject -> titles as written
    reference_canonical: dict[str, str]  # title as written -> canonical work
    reference_identifiers: dict[str, str]  # title -> Dnr it gives
    siblings: set[int]
    organisations: set[str]
    decisions: list[TruthDecision]
    related_documents: list[str]
    not_people: set[str]  # names written in the export's related list only
    scope_limits: dict[int, list[str]]
    method_steps: dict[int, list[str]]
    budgets: dict[int, str]
    reporting: dict[int, str]

    def to_json(self) -> dict:
        """A JSON-ready form (sets as sorted lists, tuple keys as `a:b`)."""
        def key(k):
            return ":".join(map(str, k)) if isinstance(k, tuple) else str(k)

        def conv(v):
            if isinstance(v, dict):
                return {key(k): conv(x) for k, x in v.items()}
            if isinstance(v, (set, frozenset)):
                return sorted((conv(x) for x in v), key=lambda x: json.dumps(x, ensure_ascii=False))
            if isinstance(v, (list, tuple)):
                return [conv(x) for x in v]
            if hasattr(v, "__dataclass_fields__"):
                return conv(asdict(v))
            return v
        return {k: conv(v) for k, v in self.__dict__.items()}


def iso_of(date: str, year: int) -> tuple[str | None, bool]:
    """(ISO, valid) of a date as written; a day-month date takes `year`."""
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", date)
    if m:
        y, mo, d = map(int, m.groups())
    else:
        m = re.fullmatch(r"(\d{1,2}) (\w+)(?: (\d{4}))?", date)
        if m:
            d, mo, y = int(m.group(1)), MONTHS.index(m.group(2)) + 1, int(m.group(3) or year)
        else:
            m = re.fullmatch(r"(\w+) (\d{4})", date)
            if not m:
                raise ValueError(f"not a date: {date!r}")
            return f"{int(m.group(2)):04d}-{MONTHS.index(m.group(1)) + 1:02d}", True
    try:
        return _dt.date(y, mo, d).isoformat(), True
    except ValueError:
        return None, False


def truth(plan: Plan) -> Truth:
    decisions = [d for d in plan.background if isinstance(d, Decision)]
    lay = next((i for i, d in enumerate(decisions) if d.lays_down_intentions), None)
    roles: set[tuple[str, str, int | None]] = set()
    people: dict[str, tuple[set[str], set[str]]] = {}

    def add(p: Person, role: str, sub: int | None) -> None:
        roles.add((p.name, role, sub))
        titles, orgs = people.setdefault(p.name, (set(), set()))
        if p.title:
            titles.add(p.title)
        if p.org:
            orgs.add(p.org)

    for line in plan.project_roles:
        for p in line.persons():
            add(p, line.role, None)
    if plan.owner:
        add(plan.owner, "uppdragsansvarig", None)
    if plan.signatory:
        add(plan.signatory, "signatory", None)
    for sp in plan.subprojects:
        for line in sp.roles:
            for p in line.persons():
                add(p, line.role, sp.number)
        if plan.responsibles:
            for p, role, _ in _responsibles_of(sp):
                add(p, role, sp.number)

    milestones = []
    for m in plan.project_milestones:
        iso, ok = iso_of(m.date, plan.year)
        milestones.append(TruthMilestone(None, m.label, m.date, iso, ok))
    for sp in plan.subprojects:
        for m in sp.schedule:
            iso, ok = iso_of(m.date, plan.year)
            milestones.append(TruthMilestone(sp.number, m.label, m.date, iso, ok))

    orgs = {d.body for d in decisions} | {abbr for _, abbr in plan.organisations}
    orgs |= {a for _, affs in people.values() for a in affs}
    refs = {sp.number: [r.title for r in sp.references()] for sp in plan.subprojects}
    canonical = {r.title: r.canonical for sp in plan.subprojects for r in sp.references() if r.canonical}
    idents = {}
    for sp in plan.subprojects:
        for r in sp.references():
            m = re.search(r"[A-ZÅÄÖ]{1,6} (?:19|20)\d{2}/\d+", r.title)
            if m:
                idents[r.title] = m.group(0)
    related_names = set()
    for line in plan.related_party_lines:
        related_names |= set(re.findall(r"([A-ZÅÄÖ][a-zåäöé]+(?: [A-ZÅÄÖ][a-zåäöé]+)+) \(", line))
    return Truth(
        title=plan.title, identifier=plan.dnr, date=plan.date, municipality=plan.municipality,
        signatory=plan.signatory.name if plan.signatory else None,
        owner=plan.owner.name if plan.owner else next(
            (p.name for line in plan.project_roles if line.role == "uppdragsansvarig" for p in line.persons()), None),
        lettered=plan.lettered,
        intentions={i + 1: t for i, t in enumerate(plan.intentions)},
        intention_letters={i + 1: (chr(ord("a") + i) if plan.lettered else None) for i in range(len(plan.intentions))},
        intentions_decided_by=lay,
        subprojects={sp.number: sp.title for sp in plan.subprojects},
        appendices={sp.number: i + 1 for i, sp in enumerate(plan.subprojects)} if plan.layout == "appendix" else {},
        appendix_dates={i + 1: (None if plan.header_layout == "muni-dnr-date" else sp.appendix_date or plan.date)
                        for i, sp in enumerate(plan.subprojects)} if plan.layout == "appendix" else {},
        coverage={(sp.number, n) for sp in plan.subprojects for n in sp.intentions},
        scopes={(sp.number, sp.scope[0]): sp.scope[1] for sp in plan.subprojects if sp.scope},
        roles=roles, people=people, milestones=milestones,
        references=refs, reference_canonical=canonical, reference_identifiers=idents,
        siblings={sp.number for sp in plan.subprojects if sp.siblings},
        organisations=orgs,
        decisions=[TruthDecision(d.date, d.body, d.kind, d.identifier) for d in decisions],
        related_documents=list(plan.related), not_people=related_names,
        scope_limits={sp.number: list(sp.scope_limits) for sp in plan.subprojects},
        method_steps={sp.number: list(sp.method_steps) for sp in plan.subprojects},
        budgets={sp.number: sp.budget for sp in plan.subprojects},
        reporting={sp.number: sp.reporting for sp in plan.subprojects},
    )


def _responsibles_of(sp: Subproject) -> list[tuple[Person, str, str]]:
    """Who the main part's `Ansvariga för respektive delprojekt` list names for `sp`:
    its owner (with a job title if one is known) and its project manager, with the role word."""
    out = []
    for role in ("uppdragsansvarig", "projektledare"):
        line = next((r for r in sp.roles if r.role == role and r.people), None)
        if line:
            p = line.persons()[0]
            title = sp.owner_title if role == "uppdragsansvarig" else None
            out.append((Person(p.name, title=title), role, line.word))
    return out


# --- text ----------------------------------------------------------------------------

def join_list(items: list[str]) -> str:
    """`A`, `A och B`, `A, B och C`."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " och " + items[-1]


def _refs_text(sp: Subproject, lettered: bool) -> str:
    nums = sorted(sp.intentions)
    if sp.refer_by_letter and lettered:
        return join_list([f"{chr(ord('a') + n - 1)})" for n in nums])
    return join_list([str(n) for n in nums])


def coverage_sentence(sp: Subproject, plan: Plan) -> str:
    noun = plan.coverage_noun
    if sp.refer_by_letter and plan.lettered:
        noun = "intentionerna"
    elif len(sp.intentions) == 1:
        noun = "intentionspunkten"
    text = f"Delprojektet {sp.coverage_verb} adressera {noun} {_refs_text(sp, plan.lettered)}"
    for i, clause in enumerate(sp.clauses):
        text += (" samt samordnas med arbetet med " if i == 0 else " samt beakta ") + clause
    return text + "."


@dataclass(frozen=True)
class Block:
    kind: str  # "title" | "heading" | "para" | "item"
    text: str


def _main_blocks(plan: Plan) -> list[Block]:
    b = [Block("title", plan.title), Block("heading", "Bakgrund")]
    for item in plan.background:
        text = item.text if isinstance(item, Decision) else item
        b.append(Block("para", text))
        if isinstance(item, Decision) and item.lays_down_intentions:
            for i, t in enumerate(plan.intentions):
                marker = f"{chr(ord('a') + i)})" if plan.lettered else f"{i + 1}."
                b.append(Block("item", f"{marker} {t}"))
    b += [Block("para", t) for t in plan.after_intentions]
    b += [Block("heading", "Beslut"), Block("para", plan.plan_decision)]
    if plan.list_subprojects:
        b.append(Block("para", "Delprojekten är följande:"))
        for sp in plan.subprojects:
            b.append(Block("item", f"{sp.number}. {sp.title}. {coverage_sentence(sp, plan)}"))
    if plan.owner:
        b.append(Block("para", f"Ansvarig för projektet är {plan.owner.written()}."))
    if plan.responsibles:
        b.append(Block("para", "Ansvariga för respektive delprojekt är:"))
        for sp in plan.subprojects:
            parts = []
            for p, role, word in _responsibles_of(sp):
                if role == "uppdragsansvarig":
                    parts.append(f"{p.title[:1].upper() + p.title[1:]} {p.name}" if p.title else p.name)
                else:
                    parts.append(f"{word} {p.name}")
            b.append(Block("item", f"{sp.number} " + ", ".join(parts)))
    if plan.project_roles:
        b.append(Block("heading", "Projektorganisation"))
        b += [Block("item", line.render()) for line in plan.project_roles]
    b += [Block("para", t) for t in plan.closing]
    if plan.layout == "inline":
        for sp in plan.subprojects:
            b.append(Block("heading", f"Delprojekt {sp.number}: {sp.title}"))
            b += _description_blocks(sp, plan)
    if plan.signatory:
        s = plan.signatory
        b.append(Block("para", f"I tjänsten {s.name} {s.title}" if s.title else f"I tjänsten {s.name}"))
    return b


def _description_blocks(sp: Subproject, plan: Plan) -> list[Block]:
    b = [Block("heading", "Syfte och frågeställning"), Block("para", sp.purpose)]
    b.append(Block("para", coverage_sentence(sp, plan)))
    if sp.restate:
        b.append(Block("para", "Intentionspunkterna är:"))
        for n in sorted(sp.intentions):
            text = f"{n}. {plan.intentions[n - 1]}"
            if sp.scope and sp.scope[0] == n:
                text += f" {sp.scope[1]}."
            b.append(Block("item", text))
    if sp.scope_limits:
        b.append(Block("heading", "Avgränsningar"))
        b += [Block("item", f"- {t}") for t in sp.scope_limits]
    if sp.method_steps:
        b.append(Block("heading", "Metodik"))
        b += [Block("item", f"{i}. {t}") for i, t in enumerate(sp.method_steps, 1)]
    refs = [c.title if isinstance(c, Reference) else c for c in sp.considerations]
    if refs or sp.siblings:
        b.append(Block("heading", sp.considerations_heading))
        items = refs + ([sp.siblings] if sp.siblings else [])
        b += [Block("item", f"{i}. {t}") for i, t in enumerate(items, 1)]
    if sp.roles:
        b.append(Block("heading", sp.org_heading))
        b += [Block("item", line.render()) for line in sp.roles]
    if sp.schedule:
        b.append(Block("heading", "Tidplan"))
        for i, m in enumerate(sp.schedule, 1):
            text = m.text or f"{m.label} {m.date}"
            if sp.schedule_style == "numbered":
                b.append(Block("item", f"{i}. {text}"))
            elif sp.schedule_style == "sentences":
                b.append(Block("para", text if text.endswith(".") else text + "."))
            else:
                b.append(Block("item", text))
    b += [Block("heading", "Kostnader/budget"), Block("para", sp.budget)]
    b += [Block("heading", "Rapportering och utvärdering"), Block("para", sp.reporting)]
    return b


def _appendix_blocks(sp: Subproject, plan: Plan) -> list[Block]:
    """`UPPDRAGSBESKRIVNING DELPROJEKT 2` when the main part lists the titles; otherwise the
    appendix names its subproject itself: `UPPDRAGSBESKRIVNING` / `Delprojekt 2: Titel`."""
    if plan.list_subprojects:
        head = [Block("title", f"{plan.appendix_heading} DELPROJEKT {sp.number}")]
    else:
        head = [Block("title", plan.appendix_heading), Block("heading", f"Delprojekt {sp.number}: {sp.title}")]
    return head + _description_blocks(sp, plan)


@dataclass
class PageSpec:
    number: int
    header: str
    blocks: list[Block]
    main: bool


def header_for(plan: Plan, appendix: int | None, date: str | None = None) -> str:
    date = date or plan.date
    if plan.header_layout == "date-dnr":
        return f"{date} Bilaga {appendix}." if appendix else f"{date} {plan.dnr}"
    if plan.header_layout == "muni-dnr-date":
        tail = f"Bilaga {appendix}" if appendix else date
        return f"{plan.municipality_written} | Dnr {plan.dnr} | {tail}"
    if plan.header_layout == "dnr-date":
        return f"Dnr {plan.dnr} {date}" + (f" Bilaga {appendix}" if appendix else "")
    raise ValueError(plan.header_layout)


def _lines_of(block: Block) -> int:
    return len(block.text) // LINE_WIDTH + 1


def _split_block(block: Block, lines: int) -> tuple[Block, Block]:
    """The first `lines` lines of a block, and the rest (cut at a space)."""
    cut = block.text.rfind(" ", 0, max(1, lines * LINE_WIDTH))
    if cut <= 0:
        cut = block.text.find(" ")
    return Block(block.kind, block.text[:cut]), Block("para", block.text[cut + 1:])


def _paginate(blocks: list[Block]) -> list[list[Block]]:
    pages: list[list[Block]] = [[]]
    used = 0
    for block in blocks:
        while True:
            need = _lines_of(block)
            if used + need <= PAGE_LINES:
                pages[-1].append(block)
                used += need
                break
            room = PAGE_LINES - used
            if room >= 2 and " " in block.text and len(block.text) > LINE_WIDTH:
                head, block = _split_block(block, room)
                pages[-1].append(head)
            pages.append([])
            used = 0
    return [p for p in pages if p]


def layout(plan: Plan) -> list[PageSpec]:
    """The plan's pages: the main part, then one appendix per subproject (if so laid out)."""
    pages: list[PageSpec] = []
    for blocks in _paginate(_main_blocks(plan)):
        pages.append(PageSpec(len(pages) + 1, header_for(plan, None), blocks, True))
    if plan.layout == "appendix":
        for i, sp in enumerate(plan.subprojects, 1):
            for blocks in _paginate(_appendix_blocks(sp, plan)):
                pages.append(PageSpec(len(pages) + 1, header_for(plan, i, sp.appendix_date), blocks, False))
    return pages


def render_export(plan: Plan) -> str:
    """The document-sharing site's text export: preamble, `Transkript:`, one paragraph per page."""
    out = [plan.title, "", "", "", "Relevanta dokument"]
    related = list(plan.related)
    for i, line in enumerate(plan.related_party_lines):  # interleaved as the site does
        related.insert(min(len(related), 2 * i + 1), line)
    out.append("\n\n".join(related))
    out += ["", "Transkript:", ""]
    paragraphs = []
    for page in layout(plan):
        text = page.header + " " + " ".join(b.text for b in page.blocks)
        if page.main and plan.number_main_pages:
            text += f" {page.number}"
        paragraphs.append(text)
    return "\n".join(out) + "\n" + "\n\n".join(paragraphs) + "\n"


# --- lines (plain text and PDF) ----------------------------------------------------------

_HYPHENATABLE = re.compile(r"[a-zåäö]{11,}")
_VOWELS = set("aeiouyåäö")


def _hyphen_point(word: str) -> int | None:
    """A break inside a long lower-case word, before a consonant-vowel pair, both halves >= 4."""
    for i in range(len(word) // 2, 3, -1):
        if i <= len(word) - 4 and word[i] not in _VOWELS and word[i + 1] in _VOWELS and word[i - 1] in _VOWELS:
            return i
    return None


def wrap(text: str, width: int, hyphenate: bool = False, measure=len) -> list[str]:
    """Greedy line wrap; optionally hyphenates long lower-case words at a line end.

    A token ending in `-` (`grund-`, `Omsorgs-`) is never left at a line end,
    so the page normaliser cannot mistake it for a hyphenation.
    """
    lines: list[str] = []
    line = ""
    for word in text.split():
        candidate = f"{line} {word}" if line else word
        if measure(candidate) <= width or not line:
            line = candidate
            continue
        if hyphenate and _HYPHENATABLE.fullmatch(word.rstrip(".,;:")):
            cut = _hyphen_point(word)
            if cut and measure(f"{line} {word[:cut]}-") <= width:
                lines.append(f"{line} {word[:cut]}-")
                line = word[cut:]
                continue
        if line.endswith("-"):
            line = candidate  # never break after a text hyphen
            continue
        lines.append(line)
        line = word
    if line:
        lines.append(line)
    return lines


def page_lines(page: PageSpec, width: int = LINE_WIDTH, hyphenate: bool = False, measure=len) -> list[tuple[str, bool]]:
    """(line, bold) for the body of a page: headings and items start lines."""
    out: list[tuple[str, bool]] = []
    for block in page.blocks:
        bold = block.kind in ("title", "heading")
        out += [(line, bold) for line in wrap(block.text, width, hyphenate, measure)]
    return out


def render_form_feed(plan: Plan, hyphenate: bool = True) -> str:
    """Plain text as `pdftotext` writes it: header line, wrapped body, footer, form feed."""
    pages = layout(plan)
    chunks = []
    for page in pages:
        body = "\n".join(line for line, _ in page_lines(page, hyphenate=hyphenate))
        chunks.append(f"{page.header}\n\n{body}\n\nSida {page.number} av {len(pages)}\n")
    return "\f".join(chunks) + "\f"


def render_pdf(plan: Plan, hyphenate: bool = True) -> bytes:
    """A PDF: one page per laid-out page, header line, wrapped body, `Sida N av M` footer."""
    from fpdf import FPDF  # test dependency; imported here so text rendering needs none

    pages = layout(plan)
    pdf = FPDF(format="A4")
    pdf.set_creation_date(_dt.datetime(int(plan.date[:4]), int(plan.date[5:7]), 1, tzinfo=_dt.timezone.utc))
    pdf.set_auto_page_break(False)
    pdf.set_margins(20, 15, 20)
    width = 210 - 40
    for page in pages:
        pdf.add_page()
        pdf.set_font("Helvetica", size=9)
        pdf.set_xy(20, 12)
        pdf.cell(width, 5, page.header, new_x="LMARGIN", new_y="NEXT")
        pdf.set_y(24)
        pdf.set_font("Helvetica", size=10)
        measure = pdf.get_string_width
        for line, bold in page_lines(page, width - 2, hyphenate, lambda s: measure(s)):
            pdf.set_font("Helvetica", style="B" if bold else "", size=10)
            pdf.cell(width, 5, line, new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Helvetica", size=9)
        pdf.set_xy(20, 282)
        pdf.cell(width, 5, f"Sida {page.number} av {len(pages)}", align="R")
    return bytes(pdf.output())


def write(plan: Plan, path: Path, fmt: str) -> Path:
    """Write the plan as "export" (.txt), "form-feed" (.txt) or "pdf"."""
    path = Path(path)
    if fmt == "export":
        path.write_text(render_export(plan), encoding="utf-8")
    elif fmt == "form-feed":
        path.write_text(render_form_feed(plan), encoding="utf-8")
    elif fmt == "pdf":
        path.write_bytes(render_pdf(plan))
    else:
        raise ValueError(fmt)
    return path


def check(plan: Plan) -> None:
    """Consistency of a hand-written plan: what the truth claims is written in the text."""
    for d in plan.background:
        if isinstance(d, Decision):
            assert d.date in d.text, f"decision date {d.date} not in its sentence"
            assert not d.lays_down_intentions or d.text.rstrip().endswith(":"), "the intentions follow a colon"
    numbers = [sp.number for sp in plan.subprojects]
    assert numbers == list(range(1, len(numbers) + 1)), numbers
    for sp in plan.subprojects:
        assert all(1 <= n <= len(plan.intentions) for n in sp.intentions), sp.intentions
        assert sp.scope is None or (sp.restate and sp.scope[0] in sp.intentions), "a scope sits on a restated intention"
    text = render_export(plan)
    for m in plan.project_milestones:
        assert m.date in text, m
