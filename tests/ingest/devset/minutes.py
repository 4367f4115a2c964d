"""Minutes and protocol extracts for the fidelity harness: constructed documents and their gold.

Eight minutes and three protocol extracts of invented municipalities, in the layouts of real
minutes (docs/genre.md §7, §10):
  clean        form feeds, a cover of one label per line, `§ 12` headings, one page per paragraph
               (as `pdftotext` writes a clean PDF)
  transcript   a docplayer-like transcript: title line, `Relevanta dokument`, `Transkript:`, one
               paragraph of text per page with the page ordinal glued to the running header, the
               `§` signs lost (`KLU 3`, `( 4)`)
  lost-bare    form feeds and `N (M)` footers, the `§` signs lost from bare headings (`56 Dnr …`)
  apart        `Plats` and `Tid` as labels of their own, substitutes written `tjg ers för`, officers
               with `, § 155`, headings with the body's prefix (`KF § 12`), `Sida N (M)` headers
  cover-table  a PDF whose cover is a ruled two-column table (label, value, label, value): a text
               export reads its rows with labels and values interleaved; year-suffixed `§ 118/2024`
  letterhead   a PDF with a letterhead and a cover of one label per line
A protocol extract (`Protokollsutdrag`) is one paragraph (clean, transcript and letterhead).

`MinutesSpec` is both the renderers' input and the source of the gold, so the gold is never typed
twice. Fields (`MINUTES_FIELDS`) are read back from the store by `bench/fidelity.py` through
`graph.meetings` (what `/api/meetings/{id}` shows).
"""
from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from pathlib import Path

from tests.ingest.devset.gold import Gold, key
from tests.ingest.devset.pool import FIRST, LAST, PARTIES, TITLES

MINUTES_FIELDS = ("meeting_date", "meeting_body", "meeting_place", "meeting_time", "adjustment", "paragraph_range",
                  "notices", "participants", "participant_parties", "substitutes", "attendance", "paragraphs",
                  "paragraph_dnr", "decision_points", "proposals", "motions", "votes", "reservations", "recipients")

SEED = 1313
MONTHS = ("januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober",
          "november", "december")
WEEKDAYS = ("måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag")


@dataclass(frozen=True)
class Member:
    name: str
    party: str
    chair: str | None = None  # `ordförande`, `vice ordförande`


@dataclass(frozen=True)
class Substitute:
    name: str
    party: str
    replaces: str


@dataclass(frozen=True)
class Officer:
    name: str
    title: str
    paras: str | None = None  # the paragraphs attended: `4`, `7-9`


@dataclass(frozen=True)
class MotionSpec:
    mover: str
    party: str
    kind: str  # the harness's kind key: bifall, avslag, aterremiss …
    words: str  # what is moved, as written after `yrkar`


@dataclass(frozen=True)
class ParagraphSpec:
    ordinal: int
    title: str
    dnr: str
    proposal: str | None = None
    points: tuple[str, ...] = ()  # the decision's `att …` clauses (one: not split)
    motions: tuple[MotionSpec, ...] = ()
    vote: tuple[str, int | None, int | None] | None = None  # (adopted proposal, yes, no)
    reservations: tuple[tuple[str, str], ...] = ()  # (member, party)
    recipients: tuple[str, ...] = ()


@dataclass(frozen=True)
class MinutesSpec:
    key: str
    layout: str
    fmt: str  # text | pdf
    municipality: str
    body: str  # `Kommunstyrelsen`
    prefix: str  # the paragraph prefix of the body (`KS`), or "" for none
    date: str
    place: str
    time: str  # `kl. 13.00-15.30`
    extract: bool = False
    members: tuple[Member, ...] = ()
    substitutes: tuple[Substitute, ...] = ()
    officers: tuple[Officer, ...] = ()
    adjusters: tuple[str, ...] = ()
    adjustment: str | None = None
    secretary: str | None = None
    posted: str | None = None
    removed: str | None = None
    paragraphs: tuple[ParagraphSpec, ...] = ()

    @property
    def file_name(self) -> str:
        return f"{self.key}.{'pdf' if self.fmt == 'pdf' else 'txt'}"

    @property
    def genitive(self) -> str:
        return self.body if self.body.endswith("s") else self.body + "s"

    def number(self, p: ParagraphSpec) -> str:
        """The paragraph's number as the harness reads it: with the body's prefix when written, `§` dropped."""
        if self.layout == "cover-table":
            return f"{p.ordinal}/{self.date[:4]}"
        if self.layout in ("transcript", "apart") and self.prefix:
            return f"{self.prefix} {p.ordinal}"
        return str(p.ordinal)


# --- the invented material ----------------------------------------------------------------------------------------

MUNICIPALITIES = ("Ljungmora", "Älvnäs", "Brattvik", "Korpholm", "Sälgvik", "Hedetorp", "Rönnåsa", "Vattlinge")
BODIES = (("Kommunstyrelsen", "KS"), ("Kommunfullmäktige", "KF"), ("Byggnadsnämnden", "BN"),
          ("Socialnämnden", "SN"), ("Tekniska nämnden", "TN"), ("Kommunstyrelsens ledningsutskott", "KLU"),
          ("Barn- och utbildningsnämnden", "BUN"), ("Kultur- och fritidsnämnden", "KFN"))
PLACES = ("Kommunhuset, Ekensalen", "Stadshuset, sessionssalen", "Rådhuset, Sal 3", "Medborgarhuset, Lärkan",
          "Förvaltningshuset, rum Sjön", "Kulturhuset, Stora salen", "Kommunkontoret, Tallen", "Folkets hus, Salongen")
MATTERS = (
    ("Budgetuppföljning per april", ("att godkänna budgetuppföljningen", "att lägga rapporten till handlingarna"),
     ("Ekonomiavdelningen", "Revisionen")),
    ("Detaljplan för kvarteret Hägern", ("att anta detaljplanen för kvarteret Hägern",),
     ("Samhällsbyggnadsförvaltningen",)),
    ("Taxa för bygglov och tillsyn", ("att anta taxan för bygglov och tillsyn", "att taxan gäller från den 1 juli"),
     ("Bygglovsenheten", "Kommunfullmäktige")),
    ("Riktlinjer för föreningsbidrag", ("att anta riktlinjerna för föreningsbidrag",), ("Kultur- och fritidsenheten",)),
    ("Svar på motion om fler cykelvägar", ("att besvara motionen med hänvisning till cykelplanen",),
     ("Tekniska förvaltningen", "Motionären")),
    ("Försäljning av fastigheten Lönnen 7", ("att sälja fastigheten Lönnen 7", "att uppdra åt mark- och "
                                             "exploateringsenheten att teckna avtal"), ("Mark- och exploateringsenheten",)),
    ("Internkontrollplan för året", ("att fastställa internkontrollplanen",), ("Kommunledningskontoret",)),
    ("Lokalförsörjningsplan för skolan", ("att anta lokalförsörjningsplanen", "att uppdra åt förvaltningen att "
                                          "återrapportera i december"), ("Barn- och utbildningsförvaltningen",)),
    ("Avgifter inom hemtjänsten", ("att fastställa avgifterna inom hemtjänsten",), ("Socialförvaltningen",)),
    ("Yttrande över regional trafikplan", ("att avge yttrande enligt förvaltningens förslag",),
     ("Region", "Kollektivtrafikmyndigheten")),
)


class _Names:
    """Invented people, each name used once in the whole set."""

    def __init__(self, rnd: random.Random):
        self.rnd, self.used = rnd, set()

    def one(self) -> str:
        while True:
            name = f"{self.rnd.choice(FIRST)} {self.rnd.choice(LAST)}"
            if name not in self.used:
                self.used.add(name)
                return name


def _plus(iso: str, days: int) -> str:
    return (dt.date.fromisoformat(iso) + dt.timedelta(days=days)).isoformat()


def _paragraphs(rnd: random.Random, members: tuple[Member, ...], first: int, n: int, year: int, code: str,
                body: str) -> tuple[ParagraphSpec, ...]:
    out = []
    picks = rnd.sample(range(len(MATTERS)), n)
    for i, m in enumerate(picks):
        title, points, recipients = MATTERS[m]
        a, b, c = rnd.sample(members, 3)
        contested = i % 2 == 1
        motions, vote, reservations = (), None, ()
        if contested:
            counted = i % 4 == 3
            against = rnd.choice((("avslag", "avslag på förslaget"),
                                  ("aterremiss", "att ärendet återremitteras för ytterligare beredning")))
            motions = (MotionSpec(a.name, a.party, "bifall", "bifall till arbetsutskottets förslag"),
                       MotionSpec(b.name, b.party, *against))
            if counted:  # an addition moved as well; two members of two parties reserve themselves
                motions += (MotionSpec(c.name, c.party, "tillagg", "tillägg om en återrapportering till nämnden"),)
            vote = ("arbetsutskottets förslag", rnd.randint(6, 9) if counted else None,
                    rnd.randint(2, 5) if counted else None)
            reservations = ((b.name, b.party),) + (((c.name, c.party),) if counted else ())
        proposal = f"Arbetsutskottet föreslår att {body.lower()} beslutar enligt förvaltningens förslag." \
            if i % 3 != 2 else None
        out.append(ParagraphSpec(first + i, title, f"{code} {year}/{rnd.randint(10, 400)}", proposal, points, motions,
                                 vote, reservations, recipients))
    return tuple(out)


def _spec(index: int, layout: str, fmt: str, rnd: random.Random, names: _Names, extract: bool = False) -> MinutesSpec:
    muni = MUNICIPALITIES[index % len(MUNICIPALITIES)]
    body, code = BODIES[index % len(BODIES)]
    year = 2015 + index % 9
    date = (dt.date(year, 1 + index % 11, 3) + dt.timedelta(days=rnd.randint(0, 20))).isoformat()
    lower = index % 3 == 1  # minutes of the 2000s write parties in lower case: `(s)`, `(m)`
    members = tuple(Member(names.one(), party.lower() if lower else party, chair) for party, chair in
                    zip(rnd.sample(PARTIES, 5), ("ordförande", "vice ordförande", None, None, None)))
    first = rnd.randint(3, 140)
    present = members[:3] + members[4:]  # the fourth is absent: a substitute stands in
    paragraphs = _paragraphs(rnd, present, first, 1 if extract else 4, year, "KS" if code in ("KLU", "KF") else code,
                             body)
    start, stop = rnd.choice(((8, 30), (9, 0), (13, 15), (18, 0))), rnd.choice(((11, 45), (12, 10), (16, 30), (20, 5)))
    if start >= stop:
        start, stop = (8, 30), stop
    time = f"kl. {start[0]:02d}.{start[1]:02d}-{stop[0]:02d}.{stop[1]:02d}"
    if extract:
        return MinutesSpec(f"minutes-{index:02d}-{layout}-extract", layout, fmt, muni, body, code, date,
                           PLACES[index % len(PLACES)], time, True, paragraphs=paragraphs)
    substitute = Substitute(names.one(), members[3].party, members[3].name)
    members = present
    titles = [t for t in TITLES if t[0].islower()]
    officers = (Officer(names.one(), rnd.choice(titles), str(paragraphs[0].ordinal)),
                Officer(names.one(), rnd.choice(titles), f"{paragraphs[1].ordinal}-{paragraphs[2].ordinal}"))
    adjusters = (members[2].name,)
    return MinutesSpec(
        f"minutes-{index:02d}-{layout}", layout, fmt, muni, body, code, date, PLACES[index % len(PLACES)], time, False,
        members, (substitute,), officers, adjusters, f"Kommunkansliet, {_plus(date, 3)} kl. 15.00", names.one(),
        _plus(date, 4), _plus(date, 26), paragraphs)


LAYOUTS = (("clean", "text"), ("transcript", "text"), ("lost-bare", "text"), ("apart", "text"),
           ("cover-table", "pdf"), ("letterhead", "pdf"), ("clean", "text"), ("cover-table", "pdf"))
EXTRACT_LAYOUTS = (("clean", "text"), ("transcript", "text"), ("letterhead", "pdf"))


def minutes_specs(seed: int = SEED) -> list[MinutesSpec]:
    rnd = random.Random(seed)
    names = _Names(rnd)
    specs = [_spec(i, layout, fmt, rnd, names) for i, (layout, fmt) in enumerate(LAYOUTS)]
    specs += [_spec(len(LAYOUTS) + i, layout, fmt, rnd, names, extract=True)
              for i, (layout, fmt) in enumerate(EXTRACT_LAYOUTS)]
    return specs


# --- rendering ----------------------------------------------------------------------------------------------------

def long_date(iso: str) -> str:
    d = dt.date.fromisoformat(iso)
    return f"{WEEKDAYS[d.weekday()]} den {d.day} {MONTHS[d.month - 1]} {d.year}"


def _heading(spec: MinutesSpec, p: ParagraphSpec) -> str:
    if spec.layout == "cover-table":
        return f"§ {p.ordinal}/{spec.date[:4]} Dnr {p.dnr}"
    if spec.layout == "transcript":
        return f"{spec.prefix} {p.ordinal} Dnr {p.dnr}"
    if spec.layout == "lost-bare":
        return f"{p.ordinal} Dnr {p.dnr}"
    if spec.layout == "apart":
        return f"{spec.prefix} § {p.ordinal} Dnr {p.dnr}"
    return f"§ {p.ordinal} Dnr {p.dnr}"


def _paragraph_lines(spec: MinutesSpec, p: ParagraphSpec) -> list[str]:
    lines = [_heading(spec, p), p.title, ""]
    if p.proposal:
        lines += ["Arbetsutskottets förslag" if spec.layout == "apart" else "Förslag till beslut", p.proposal, ""]
    if p.motions:
        lines += ["Yrkanden", " ".join(f"{m.mover} ({m.party}) yrkar {m.words}." for m in p.motions), ""]
    if p.vote:
        adopted, yes, no = p.vote
        if yes is None:
            lines += ["Beslutsgång" if spec.layout == "letterhead" else "Propositionsordning",
                      f"Ordföranden ställer proposition på yrkandena och finner att "
                      f"{spec.body.lower()} beslutat enligt {adopted}.", ""]
        else:
            lines += ["Omröstning", f"Omröstning begärs och verkställs. Ja-röster: {yes}, nej-röster: {no}. "
                      f"Ordföranden finner att {spec.body.lower()} beslutat enligt {adopted}.", ""]
    lines.append(f"{spec.genitive} beslut")
    if len(p.points) > 1:
        lines += [f"{spec.body} beslutar"] + [pt + ("," if i < len(p.points) - 1 else ".")
                                              for i, pt in enumerate(p.points)]
    else:
        lines.append(f"{spec.body} beslutar {p.points[0]}.")
    lines.append("")
    if p.reservations:
        who = " och ".join(f"{n} ({party})" for n, party in p.reservations)
        if spec.layout == "letterhead" and len(p.reservations) > 1:
            who = ", ".join(f"{n} ({party})" for n, party in p.reservations[:-1]) + \
                f" och {p.reservations[-1][0]} ({p.reservations[-1][1]})"
        lines += ["Reservation", f"{who} reserverar sig mot beslutet till förmån för eget yrkande.", ""]
    if p.recipients:
        lines += ["Beslutsexpediering" if spec.layout in ("apart", "cover-table") else "Beslutet skickas till",
                  *p.recipients]
    return lines


def _member(m: Member) -> str:
    return f"{m.name} ({m.party})" + (f", {m.chair}" if m.chair else "")


def _officer(spec: MinutesSpec, o: Officer) -> str:
    if spec.layout == "lost-bare":  # title first, as a docplayer cover lists officers
        return f"{o.title[:1].upper() + o.title[1:]} {o.name} (§ {o.paras})"
    if spec.layout == "apart":
        return f"{o.name}, {o.title}, §§ {o.paras}" if "-" in o.paras else f"{o.name}, {o.title}, § {o.paras}"
    if spec.layout == "transcript":
        return f"{o.name}, {o.title} ( {o.paras})"
    return f"{o.name}, {o.title} (§ {o.paras})"


def _substitute(spec: MinutesSpec, s: Substitute) -> str:
    if spec.layout == "apart":
        return f"{s.name} ({s.party}), tjg ers för {s.replaces} ({s.party})"
    if spec.layout == "clean" and spec.date[:4] >= "2020":
        return f"{s.name} ({s.party}), ersättare för {s.replaces}"
    return f"{s.name} ({s.party}) ersätter {s.replaces} ({s.party})"


def _range(spec: MinutesSpec) -> str:
    a, b = spec.paragraphs[0].ordinal, spec.paragraphs[-1].ordinal
    return f"§§ {a}-{b}" if spec.layout == "cover-table" else f"{a}-{b}"


def cover_pairs(spec: MinutesSpec) -> list[tuple[str, str]]:
    """The cover's labels and values in reading order (a value of several lines joined by newlines)."""
    when = f"{spec.place}, {long_date(spec.date)}, {spec.time}"
    pairs = [("Tid och plats" if spec.layout == "cover-table" else "Plats och tid", when)]
    if spec.layout == "apart":
        pairs = [("Plats", spec.place), ("Tid", f"{long_date(spec.date)}, {spec.time}")]
    members = "\n".join(_member(m) for m in spec.members)
    officers = "\n".join(_officer(spec, o) for o in spec.officers)
    if spec.layout == "lost-bare":  # one line of members, `ordf.`; officers after commas, the title first
        members = ", ".join(_member(m).replace("ordförande", "ordf.") for m in spec.members[:-1]) + \
            f" och {_member(spec.members[-1])}"
        officers = ", ".join(_officer(spec, o) for o in spec.officers[:1]) + ", " + ", ".join(
            f"{o.title} {o.name} (§ {o.paras})" for o in spec.officers[1:])
    pairs += [("Beslutande", members),
              ("Tjänstgörande ersättare", "\n".join(_substitute(spec, s) for s in spec.substitutes)),
              ("Övriga deltagare", officers),
              ("Justerare" if spec.layout == "letterhead" else "Utses att justera",
               "\n".join(f"{n} ({_party(spec, n)})" for n in spec.adjusters)),
              ("Justeringens plats och tid", spec.adjustment or ""),
              ("Sekreterare", spec.secretary or ""), ("Paragrafer", _range(spec))]
    return pairs


def cover_table_rows(spec: MinutesSpec) -> list[tuple[str, ...]]:
    """A two-column cover table, one entry to a cell: a text export reads each row left to right, so the
    right column's label and value come between the left column's (`Beslutande <member> Paragrafer §§ 23-26`)."""
    members = [_member(m) for m in spec.members]
    officers = [_officer(spec, o) for o in spec.officers]
    rows = [("Plats och tid", f"{spec.place}, {spec.time}", "Sammanträdesdatum", spec.date),
            ("Beslutande", members[0], "Paragrafer", _range(spec))]
    rows += [("", m) for m in members[1:]]
    rows += [("Tjänstgörande ersättare", _substitute(spec, spec.substitutes[0]), "Utses att justera",
              f"{spec.adjusters[0]} ({_party(spec, spec.adjusters[0])})"),
             ("Övriga deltagare", officers[0])] + [("", o) for o in officers[1:]]
    rows.append(("Justeringens plats och tid", spec.adjustment or "", "Sekreterare", spec.secretary or ""))
    return rows


def _party(spec: MinutesSpec, name: str) -> str:
    return next(m.party for m in spec.members if m.name == name)


def _notice_lines(spec: MinutesSpec) -> list[str]:
    return ["ANSLAG/BEVIS", f"Organ {spec.body}", f"Sammanträdesdatum {spec.date}",
            f"Datum för anslags uppsättande {spec.posted}", f"Datum för anslags nedtagande {spec.removed}",
            "Förvaringsplats för protokollet Kommunkansliet"]


def _opening(spec: MinutesSpec) -> list[str]:
    kind = "PROTOKOLLSUTDRAG" if spec.extract else "SAMMANTRÄDESPROTOKOLL"
    return [f"{spec.municipality.upper()} KOMMUN", kind, spec.body, f"Sammanträdesdatum {spec.date}", ""]


def _cover_lines(spec: MinutesSpec) -> list[str]:
    if spec.extract:
        return []
    out = []
    for label, value in cover_pairs(spec):
        first, *rest = value.split("\n")
        out += [f"{label} {first}", *rest]
    # The signature block holds the secretary and the range: `Underskrifter Sekreterare <name> Paragrafer 4-9`.
    signatures = [f"Underskrifter Sekreterare {spec.secretary} Paragrafer {_range(spec)}",
                  f"Ordförande {spec.members[0].name}", f"Justerande {spec.adjusters[0]}", ""]
    return out[:-2] + signatures + _notice_lines(spec)


def render_text(spec: MinutesSpec) -> str:
    if spec.layout == "transcript":
        return _transcript(spec)
    cover = _opening(spec) + _cover_lines(spec)
    pages = [cover] if not spec.extract else []
    for i, p in enumerate(spec.paragraphs):
        lines = _paragraph_lines(spec, p)
        pages.append((cover if spec.extract else []) + lines + (["", "Justerandes sign Utdragsbestyrkande"]
                                                                 if spec.extract else []))
    n = len(pages)
    if spec.layout == "lost-bare":
        pages = [lines + ["", f"{i} ({n})"] for i, lines in enumerate(pages, 1)]
    elif spec.layout == "apart":
        pages = [[f"{spec.municipality} kommun {spec.body} Sida {i} ({n})", ""] + lines
                 for i, lines in enumerate(pages, 1)]
    return "\f".join("\n".join(lines) for lines in pages) + "\n"


def _transcript(spec: MinutesSpec) -> str:
    """docplayer: a title line, the site's lists, then one paragraph per page; the page ordinal glued to the
    running header, the `§` signs lost."""
    head = f"Sammanträdesprotokoll {spec.body} {spec.date}"
    pre = [head, "", "", "Relevanta dokument", "Protokoll", "", "Kallelse", "", "Transkript:", ""]
    blocks = []
    if not spec.extract:
        blocks.append(" ".join([f"{spec.municipality.upper()} KOMMUN", head, "1"]
                               + [x for line in _cover_lines(spec) for x in [line] if x.strip()]))
    for p in spec.paragraphs:
        lines = [x for x in _paragraph_lines(spec, p) if x.strip()]
        if spec.extract:
            lines = [f"{spec.municipality.upper()} KOMMUN PROTOKOLLSUTDRAG"] + lines + ["Justerandes sign"]
        blocks.append(" ".join(lines))
    body = [b if i == 0 and not spec.extract else f"{head} {i + 1}{b}" for i, b in enumerate(blocks)]
    return "\n".join(pre) + "\n" + "\n\n".join(body).replace("§", "") + "\n"


def _latin1(text: str) -> str:
    return text.replace("\u2013", "-").replace("\u2014", "-")


def render_pdf(spec: MinutesSpec) -> bytes:
    from fpdf import FPDF  # test dependency

    class Doc(FPDF):
        def header(self):
            self.set_font("Helvetica", style="B", size=12)
            self.cell(110, 6, _latin1(f"{spec.municipality.upper()} KOMMUN"))
            self.set_font("Helvetica", size=9)
            kind = "PROTOKOLLSUTDRAG" if spec.extract else "SAMMANTRÄDESPROTOKOLL"
            self.cell(0, 6, _latin1(kind), align="R", new_x="LMARGIN", new_y="NEXT")
            self.cell(110, 5, _latin1(spec.body))
            self.cell(0, 5, f"Sammanträdesdatum {spec.date}", align="R", new_x="LMARGIN", new_y="NEXT")
            self.ln(4)

        def footer(self):
            self.set_y(-15)
            self.set_font("Helvetica", size=8)
            self.cell(0, 5, f"{self.page_no()} ({{nb}})", align="R")

    pdf = Doc(format="A4")
    pdf.set_creation_date(dt.datetime(int(spec.date[:4]), int(spec.date[5:7]), 1, tzinfo=dt.timezone.utc))
    pdf.set_margins(20, 15, 20)
    pdf.set_auto_page_break(True, margin=20)
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    if not spec.extract and spec.layout == "cover-table":
        pdf.set_font("Helvetica", size=8)
        with pdf.table(col_widths=(38, 64, 32, 36), borders_layout="ALL", first_row_as_headings=False,
                       text_align="LEFT") as table:
            for cells in cover_table_rows(spec):
                row = table.row()
                for cell in cells + ("",) * (4 - len(cells)):
                    row.cell(_latin1(cell))
        pdf.set_font("Helvetica", size=10)
        pdf.ln(3)
        for line in [f"Underskrifter Sekreterare {spec.secretary}", f"Ordförande {spec.members[0].name}",
                     f"Justerande {spec.adjusters[0]}", ""] + _notice_lines(spec):
            pdf.multi_cell(0, 5, _latin1(line), new_x="LMARGIN", new_y="NEXT")
    elif not spec.extract:
        for line in _cover_lines(spec):
            pdf.multi_cell(0, 5, _latin1(line) or " ", new_x="LMARGIN", new_y="NEXT")
    for p in spec.paragraphs:
        if not spec.extract:
            pdf.add_page()
        for i, line in enumerate(_paragraph_lines(spec, p)):
            pdf.set_font("Helvetica", style="B" if i < 2 else "", size=10)
            pdf.multi_cell(0, 5, _latin1(line) or " ", new_x="LMARGIN", new_y="NEXT")
        if spec.extract:
            pdf.multi_cell(0, 5, "Justerandes sign Utdragsbestyrkande", new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def write_minutes(spec: MinutesSpec, folder: Path) -> Path:
    path = Path(folder) / spec.file_name
    if spec.fmt == "pdf":
        path.write_bytes(render_pdf(spec))
    else:
        path.write_text(render_text(spec), encoding="utf-8")
    return path


# --- gold ---------------------------------------------------------------------------------------------------------

def minutes_gold(spec: MinutesSpec) -> Gold:
    """The gold of one minutes document, field by field (see MINUTES_FIELDS)."""
    v: dict[str, set[str]] = {f: set() for f in MINUTES_FIELDS}
    v["meeting_date"] = {spec.date}
    v["meeting_body"] = {spec.body}
    if not spec.extract:
        v["meeting_place"] = {spec.place}
        v["meeting_time"] = {spec.time}
        v["adjustment"] = {spec.adjustment}
        v["paragraph_range"] = {key(spec.paragraphs[0].ordinal, spec.paragraphs[-1].ordinal)}
        v["notices"] = {key("posted", spec.posted), key("removed", spec.removed)}
        for m in spec.members:
            v["participants"].add(key(m.name, "ledamot"))
            v["participant_parties"].add(key(m.name, m.party))
            if m.chair:
                v["participants"].add(key(m.name, "viceordforande" if "vice" in m.chair else "ordforande"))
        for s in spec.substitutes:
            v["participants"].add(key(s.name, "ersattare"))
            v["participant_parties"].add(key(s.name, s.party))
            v["substitutes"].add(key(s.name, s.replaces))
        for o in spec.officers:
            v["participants"].add(key(o.name, "deltagare"))
            v["attendance"].add(key(o.name, o.title, o.paras))
        v["participants"] |= {key(n, "justerare") for n in spec.adjusters}
        v["participants"].add(key(spec.secretary, "sekreterare"))
    for p in spec.paragraphs:
        n = spec.number(p)
        v["paragraphs"].add(key(n, p.title))
        v["paragraph_dnr"].add(key(n, p.dnr))
        if len(p.points) > 1:
            v["decision_points"] |= {key(n, pt) for pt in p.points}
        if p.proposal:
            v["proposals"].add(key(n, p.proposal))
        v["motions"] |= {key(n, m.mover, m.kind) for m in p.motions}
        if p.vote:
            v["votes"].add(key(n, *p.vote))
        v["reservations"] |= {key(n, who, party) for who, party in p.reservations}
        v["recipients"] |= {key(n, r) for r in p.recipients}
    return Gold(v)


def minutes_items(folder: Path) -> list[tuple[str, Path, Gold]]:
    """(name, file, gold) of every minutes document of the dev set, written to `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    return [(s.key, write_minutes(s, folder), minutes_gold(s)) for s in minutes_specs()]


def read_meeting_fields(m: dict) -> dict[str, list[tuple[str, ...]]]:
    """A meeting as `graph.meetings.meeting` gives it, in the harness's minutes fields."""
    out: dict[str, list[tuple[str, ...]]] = {f: [] for f in MINUTES_FIELDS}
    out["meeting_date"] = [(m["date"],)] if m.get("date") else []
    body = m.get("body") or {}
    out["meeting_body"] = [tuple(x for x in (body.get("name"), body.get("abbreviation")) if x)] if body else []
    for f, k in (("meeting_place", "place"), ("meeting_time", "time"), ("adjustment", "adjustment")):
        out[f] = [(m[k]["text"],)] if m.get(k) else []
    rng = m.get("paragraph_range")
    out["paragraph_range"] = [(key(rng["first"], rng["last"]),)] if rng else []
    out["notices"] = [(key(k, m[f]["date"]),) for k, f in (("posted", "notice_posted"), ("removed", "notice_removed"))
                      if m.get(f)]
    for p in m["participants"]:
        person = p["person"] or {}
        name = person.get("name")
        out["participants"] += [(key(name, r["key"]),) for r in p["roles"]]
        if person.get("party"):
            out["participant_parties"].append((key(name, person["party"]),))
        if p.get("replaces"):
            out["substitutes"].append((key(name, p["replaces"]["name"]),))
        if p.get("paragraphs"):
            out["attendance"].append((key(name, person.get("title"), p["paragraphs"]),))
    for p in m["paragraphs"]:
        n = p["number"]
        out["paragraphs"].append((key(n, p["title"]),))
        if p.get("identifier"):
            out["paragraph_dnr"].append((key(n, p["identifier"]),))
        decision = p.get("decision") or {}
        out["decision_points"] += [(key(n, pt["text"]),) for pt in decision.get("points", [])]
        if p.get("proposal"):
            out["proposals"].append((key(n, p["proposal"]["text"]),))
        out["motions"] += [(key(n, mover["name"], x["kind"]),) for x in p["motions"] for mover in x["movers"]]
        out["votes"] += [(key(n, x["adopted"], x["yes"], x["no"]),) for x in p["votes"]]
        out["reservations"] += [(key(n, who["name"], who.get("party") or next(iter(r["parties"]), None)),)
                                for r in p["reservations"] for who in r["members"]]
        out["recipients"] += [(key(n, r["text"]),) for r in p["sent_to"]]
    return out
