"""Strategies, policies, programmes and guidelines of the dev set, with their gold.

Invented municipalities and people, in the layouts of docs/genre.md §2.6 and §8: a cover block
one field a line, a flattened cover table, labels run together on one line, a docplayer
transcript (one paragraph per page, the `§` sign lost), and PDFs with a ruled cover table
(`Beslutad av | Datum | Paragraf`) and with a letterhead and an adoption told in prose. Each
document has an adoption, a validity, an owner (a person or a post), goal areas with goals,
measures and indicators (under the words `Målområde`, `Fokusområde`, `Insatsområde`;
`Åtgärder`, `Insatser`; `Indikatorer`, `Nyckeltal`, `Mätetal`), and most a revision history.

`strategy_items(folder)` writes them and gives (name, path, gold) like the other sets;
`strategy_values(spec)` gives the strategy fields' gold of the generated dev strategies
(tests/ingest/devset/build.py), which state an adoption, an owner and `Gäller: Tills vidare`.
"""
from __future__ import annotations

import textwrap
from dataclasses import dataclass, field
from pathlib import Path

from tests.ingest.devset.gold import FIELDS, Gold, key

# The strategy fields the harness scores: the last of tests/ingest/devset/gold.py FIELDS.
STRATEGY_FIELDS = FIELDS[FIELDS.index("adoption_body"):]


@dataclass(frozen=True)
class Area:
    title: str
    goals: tuple[str, ...]
    measures: tuple[str, ...] = ()
    indicators: tuple[str, ...] = ()
    strategies: tuple[str, ...] = ()


@dataclass(frozen=True)
class StrategySpec:
    key: str
    municipality: str  # base name, written `<name> kommun`
    doc_type: str  # the type key: strategi | policy | program | riktlinje
    type_word: str  # as written in `Dokumenttyp`
    title: str
    dnr: str
    body: str  # the adopting body as written
    adopted: str  # ISO date
    paragraph: str
    owner: str  # as written: `Eva Lind, digitaliseringschef` or a post
    owner_person: str | None  # the person's name when the owner is one
    areas: tuple[Area, ...]
    area_word: str = "Målområde"
    measure_word: str = "Åtgärder"
    indicator_word: str = "Indikatorer"
    valid_from: str | None = None
    valid_until: str | None = None
    further_notice: bool = False
    revisions: tuple[tuple[str, str, str], ...] = ()  # (version, ISO date, change)
    general_measures: tuple[str, ...] = ()  # measures outside any goal area
    indicator_table: bool = False  # indicators as a ruled table `<word> | Utgångsvärde | Målvärde`
    fmt: str = "text"
    style: str = "lines"
    extras: dict = field(default_factory=dict, hash=False, compare=False)

    @property
    def file_name(self) -> str:
        return f"{self.key}.{'pdf' if self.fmt == 'pdf' else 'txt'}"


def _specs() -> list[StrategySpec]:
    return [
        StrategySpec(
            key="dev-st1-program-lines", municipality="Runnvik", doc_type="program", type_word="Program",
            title="Program för trygg och säker uppväxt 2021-2024", dnr="KS 2020/0412", body="kommunfullmäktige",
            adopted="2021-03-22", paragraph="31", owner="Kommundirektör", owner_person=None,
            valid_from="2021-04-01", valid_until="2024-12-31", style="lines",
            areas=(Area("Trygg uppväxt",
                        ("Fler barn och unga ska känna sig trygga i skolan och på fritiden",
                         "Andelen elever som fullföljer gymnasiet ska öka"),
                        ("Utveckla samverkan mellan skola, socialtjänst och polis",
                         "Erbjuda öppen fritidsverksamhet alla veckans dagar"),
                        ("Andel elever i årskurs 9 som känner sig trygga i skolan",
                         "Andel elever som tar examen inom fyra år")),
                   Area("Goda levnadsvanor",
                        ("Barn och unga ska röra sig mer i vardagen",),
                        ("Anlägga fler spontanidrottsplatser i kommunens tätorter",),
                        ("Andel unga som är fysiskt aktiva minst en timme om dagen",))),
            revisions=(("1.0", "2021-03-22", "Antagen av kommunfullmäktige"),
                       ("1.1", "2022-05-16", "Indikatorerna under målområde 2 justerade"))),
        StrategySpec(
            key="dev-st2-strategi-pdf-cover-table", municipality="Mossaby", doc_type="strategi", type_word="Strategi",
            title="Strategi för digitala tjänster", dnr="KS 2019/0871", body="Kommunstyrelsen", adopted="2019-11-04",
            paragraph="203", owner="Tove Hallin, digitaliseringschef", owner_person="Tove Hallin",
            valid_until="2023-12-31", area_word="Fokusområde", measure_word="Insatser", indicator_word="Nyckeltal",
            fmt="pdf", style="cover-table",
            areas=(Area("Digitala tjänster för invånarna",
                        ("Invånarna ska kunna göra sina vanligaste ärenden digitalt",),
                        ("Införa e-tjänster för bygglov och färdtjänst", "Samla kommunens e-tjänster på en plats"),
                        ("Antal ärenden som startas via e-tjänst", "Andel invånare som är nöjda med e-tjänsterna"),
                        ("Digitalt först i all ny service",)),
                   Area("Effektiv intern förvaltning",
                        ("Handläggningen ska bli snabbare och mer enhetlig",),
                        ("Automatisera enkla beslut inom ekonomiadministrationen",),
                        ("Genomsnittlig handläggningstid för fakturor",))),
            revisions=(("1.0", "2019-11-04", "Beslutad av kommunstyrelsen"),
                       ("2.0", "2021-09-13", "Fokusområde 2 tillagt"))),
        StrategySpec(
            key="dev-st3-policy-docplayer", municipality="Hallgryta", doc_type="policy", type_word="Policy",
            title="Policy för hållbar upphandling", dnr="KS 2020/0133", body="Kommunfullmäktige", adopted="2020-06-15",
            paragraph="77", owner="Jonas Berglöf, upphandlingschef", owner_person="Jonas Berglöf",
            valid_until="2024-06-30", area_word="Fokusområde", measure_word="Åtgärder", indicator_word="Mätetal",
            style="docplayer",
            areas=(Area("Miljö och klimat",
                        ("Kommunens inköp ska minska klimatpåverkan",),
                        ("Ställa krav på fossilfria transporter i alla upphandlingar av varor",),
                        ("Andel upphandlingar med klimatkrav",)),
                   Area("Sociala villkor",
                        ("Leverantörer ska följa grundläggande arbetsvillkor",),
                        ("Följa upp arbetsvillkoren hos de största leverantörerna varje år",),
                        ("Antal genomförda leverantörsuppföljningar",)))),
        StrategySpec(
            key="dev-st4-riktlinje-flat-table", municipality="Vindeby", doc_type="riktlinje", type_word="Riktlinje",
            title="Riktlinje för informationssäkerhet", dnr="KS 2021/0533", body="Kommunstyrelsen", adopted="2022-02-07",
            paragraph="18", owner="Petra Nyhlén", owner_person="Petra Nyhlén", valid_from="2022-03-01",
            valid_until="2025-02-28", style="flat-table", area_word="Insatsområde", indicator_word="Nyckeltal",
            areas=(Area("Styrning och ansvar",
                        ("Alla verksamheter ska ha en utsedd informationsägare",),
                        ("Utse informationsägare i varje förvaltning",),
                        ("Andel förvaltningar med utsedd informationsägare",)),
                   Area("Medvetenhet och kompetens",
                        ("Medarbetarna ska känna till reglerna för informationssäkerhet",),
                        ("Genomföra en webbutbildning för alla nyanställda",),
                        ("Andel medarbetare som genomgått utbildningen",))),
            general_measures=("Riktlinjen ses över vartannat år av kommunledningskontoret",),
            revisions=(("1.0", "2022-02-07", "Ny riktlinje"),)),
        StrategySpec(
            key="dev-st5-strategi-pdf-letterhead", municipality="Storkälla", doc_type="strategi", type_word="Strategi",
            title="Strategi för kompetensförsörjning", dnr="KS 2018/0290", body="kommunfullmäktige", adopted="2018-06-14",
            paragraph="62", owner="HR-chef", owner_person=None, valid_until="2022-12-31", fmt="pdf",
            style="letterhead", area_word="Målområde", measure_word="Aktiviteter", indicator_word="Mätetal",
            indicator_table=True,
            areas=(Area("Attraktiv arbetsgivare",
                        ("Kommunen ska vara ett självklart val för den som söker arbete",),
                        ("Ta fram en gemensam introduktion för nyanställda",
                         "Erbjuda sommarjobb till ungdomar i alla förvaltningar"),
                        ("Andel medarbetare som rekommenderar kommunen som arbetsgivare",)),
                   Area("Rätt kompetens",
                        ("Verksamheterna ska ha den kompetens som uppdraget kräver",),
                        ("Kartlägga kompetensbehovet inom vård och omsorg",),
                        ("Andel tillsvidaretjänster som tillsätts med rätt utbildning",))),
            revisions=(("1", "2018-06-14", "Antagen"), ("2", "2020-10-05", "Mätetalen reviderade"))),
        StrategySpec(
            key="dev-st6-program-run-labels", municipality="Kronlida", doc_type="program", type_word="Program",
            title="Program för levande landsbygd", dnr="KS 2017/0645", body="Kommunfullmäktige", adopted="2017-09-25",
            paragraph="104", owner="Lina Åström, landsbygdsutvecklare", owner_person="Lina Åström", further_notice=True,
            style="run-labels", area_word="Målområde", measure_word="Åtgärder", indicator_word="Indikatorer",
            areas=(Area("Service i hela kommunen",
                        ("Grundläggande service ska finnas inom rimligt avstånd",),
                        ("Stödja lanthandlar med servicepunkter",),
                        ("Antal servicepunkter på landsbygden",)),
                   Area("Bredband och kommunikationer",
                        ("Alla hushåll ska kunna ansluta till snabbt bredband",),
                        ("Samordna utbyggnaden av fiber med byalagen",),
                        ("Andel hushåll med tillgång till snabbt bredband",)))),
    ]


STRATEGY_SPECS = _specs()


# -- writing ---------------------------------------------------------------------------------

def _adoption_line(s: StrategySpec, lost: bool = False) -> str:
    para = f", {s.paragraph}" if lost else f", § {s.paragraph}"
    return f"{s.body} {s.adopted}{para}"


def _cover(s: StrategySpec, lost: bool = False) -> list[tuple[str, str]]:
    rows = [("Dokumenttyp", s.type_word), ("Beslutad av", _adoption_line(s, lost)), ("Diarienummer", s.dnr),
            ("Dokumentansvarig", s.owner)]
    if s.valid_from:
        rows.append(("Gäller från", s.valid_from))
    if s.valid_until:
        rows.append(("Gäller t.o.m." if s.style == "docplayer" else "Gäller till", s.valid_until))
    if s.further_notice:
        rows.append(("Gäller", "tills vidare"))
    return rows


def _area_lines(s: StrategySpec, i: int, a: Area) -> list[str]:
    sep = {"lines": ":", "docplayer": "", "flat-table": " -", "run-labels": ":"}.get(s.style, ":")
    out = [f"{s.area_word} {i}{sep} {a.title}",
           f"Inom området ska kommunen arbeta långsiktigt tillsammans med berörda aktörer."]
    out.append("Mål:")
    out += [f"- {g}" for g in a.goals]
    if a.strategies:
        out.append("Strategier:")
        out += [f"- {g}" for g in a.strategies]
    out.append(f"{s.measure_word}:")
    out += [f"{n}. {m}" if s.style == "flat-table" else f"- {m}" for n, m in enumerate(a.measures, 1)]
    if s.indicator_table:
        # A row of the table: (name, baseline, target); the renderer draws it ruled.
        out.append((s.indicator_word, "Utgångsvärde", "Målvärde 2022"))
        out += [(x, f"{52 + 7 * n} %", f"{70 + 5 * n} %") for n, x in enumerate(a.indicators)]
        return out
    out.append(f"{s.indicator_word}:")
    out += [f"- {x}" for x in a.indicators]
    return out


def _revision_lines(s: StrategySpec) -> list[str]:
    if not s.revisions:
        return []
    return ["Revisionshistorik", "Version  Datum  Ändring"] + [f"{v}  {d}  {c}" for v, d, c in s.revisions]


def _body_lines(s: StrategySpec) -> list[str]:
    out = ["1. Inledning",
           f"Dokumentet anger kommunens inriktning och gäller för alla nämnder i {s.municipality} kommun. "
           "Det ska läsas tillsammans med kommunens budget och övriga styrdokument."]
    out.append("2. Prioriterade områden")
    for i, a in enumerate(s.areas, 1):
        out += _area_lines(s, i, a)
    if s.general_measures:
        out += ["3. Genomförande", "Åtgärder:"] + [f"- {m}" for m in s.general_measures]
    out += ["4. Uppföljning", "Uppföljningen redovisas årligen till kommunstyrelsen."]
    return out


def render_strategy_text(s: StrategySpec) -> str:
    muni = f"{s.municipality} kommun"
    if s.style == "lines":
        cover = [muni, s.title, f"Antagen av {_adoption_line(s)}", f"Dnr {s.dnr}", f"Dokumentansvarig: {s.owner}",
                 f"Gäller från: {s.valid_from}", f"Gäller till: {s.valid_until}"]
    elif s.style == "flat-table":
        rows = _cover(s)
        cover = [muni, "  ".join(k for k, _ in rows[:3]), "  ".join(v for _, v in rows[:3]),
                 "  ".join(k for k, _ in rows[3:]), "  ".join(v for _, v in rows[3:]), s.title]
    elif s.style == "run-labels":
        cover = [muni, " ".join(f"{k}: {v}" for k, v in _cover(s)), s.title]
    else:  # docplayer: one paragraph per page, the page number glued to the first word, § lost
        page1 = " ".join([muni, s.title.upper()] + [f"{k}: {v}" for k, v in _cover(s, lost=True)]
                         + _revision_lines(s))
        body = " ".join(_body_lines(s))
        half = body.index(f"{s.area_word} 2")
        pages = [page1, body[:half].strip(), body[half:].strip()]
        pre = [s.title, "", "Relevanta dokument", "Riktlinjer för resor i tjänsten", "", "Transkript:", ""]
        return "\n".join(pre) + "\n" + "\n\n".join(p if i == 1 else f"{i}{p}" for i, p in enumerate(pages, 1)) + "\n"
    pages = [cover + [""] + _revision_lines(s), _body_lines(s)]
    n = len(pages)
    out = []
    for i, lines in enumerate(pages, 1):
        wrapped = [w for line in lines for w in (textwrap.wrap(line, 90, break_on_hyphens=False) or [""])]
        out.append("\n".join([f"{muni}  {s.dnr}", ""] + wrapped + ["", f"Sida {i} av {n}"]))
    return "\f".join(out) + "\n"


def _latin1(text: str) -> str:
    return text.replace("\u2013", "-").replace("\u2014", "-")


def render_strategy_pdf(s: StrategySpec) -> bytes:
    from fpdf import FPDF  # test dependency

    from tests.ingest.devset.render import _ruled_table

    muni = f"{s.municipality} kommun"
    layout = s.style

    class Doc(FPDF):
        def header(self):
            self.set_font("Helvetica", size=8)
            if layout == "letterhead" or self.page_no() > 1:
                self.cell(110, 5, _latin1(muni))
                self.cell(0, 5, _latin1(f"Dnr {s.dnr}"), align="R", new_x="LMARGIN", new_y="NEXT")
            self.ln(4)

        def footer(self):
            self.set_y(-15)
            self.set_font("Helvetica", size=8)
            self.cell(0, 5, f"Sida {self.page_no()} av {{nb}}", align="R")

    pdf = Doc(format="A4")
    pdf.set_margins(20, 15, 20)
    pdf.set_auto_page_break(True, margin=20)
    pdf.add_page()
    if layout == "cover-table":
        pdf.set_font("Helvetica", style="B", size=13)
        pdf.cell(0, 7, _latin1(muni), new_x="LMARGIN", new_y="NEXT")
        rows = [("Beslutad av", "Datum", "Paragraf"), (s.body, s.adopted, f"§ {s.paragraph}"),
                ("Diarienummer", "Dokumentansvarig", "Giltig till"), (s.dnr, s.owner, s.valid_until or "")]
        _ruled_table(pdf, rows, header=False)
    pdf.ln(4)
    pdf.set_font("Helvetica", style="B", size=15)
    pdf.multi_cell(0, 7, _latin1(s.title), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", size=10)
    if layout == "letterhead":
        pdf.multi_cell(0, 5, _latin1(f"Dokumentansvarig: {s.owner}"), new_x="LMARGIN", new_y="NEXT")
        pdf.multi_cell(0, 5, _latin1(f"Strategin antogs av {s.body} den {_long(s.adopted)}, § {s.paragraph}, "
                                     f"och gäller till och med {s.valid_until}."), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    lines = _body_lines(s)
    for i, line in enumerate(lines):
        if isinstance(line, tuple):
            if not isinstance(lines[i - 1], tuple):
                _ruled_table(pdf, _table_at(lines, i), header=True, widths=(100, 35, 35))
            continue
        bold = line[:1].isdigit() and ". " in line[:4] or line.startswith(s.area_word)
        pdf.set_font("Helvetica", style="B" if bold else "", size=11 if bold else 10)
        pdf.multi_cell(0, 5, _latin1(line), new_x="LMARGIN", new_y="NEXT")
    if s.revisions:
        pdf.ln(3)
        pdf.set_font("Helvetica", style="B", size=11)
        pdf.multi_cell(0, 6, "Revisionshistorik", new_x="LMARGIN", new_y="NEXT")
        _ruled_table(pdf, [("Version", "Datum", "Ändring")] + list(s.revisions), header=True, widths=(25, 35, 110))
    return bytes(pdf.output())


def _table_at(lines: list, i: int) -> list[tuple[str, ...]]:
    """The run of table rows starting at `lines[i]`."""
    out = []
    while i < len(lines) and isinstance(lines[i], tuple):
        out.append(lines[i])
        i += 1
    return out


_MONTHS = ("januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober",
           "november", "december")


def _long(iso: str) -> str:
    y, m, d = iso.split("-")
    return f"{int(d)} {_MONTHS[int(m) - 1]} {y}"


def write_strategy(s: StrategySpec, folder: Path) -> Path:
    path = Path(folder) / s.file_name
    if s.fmt == "pdf":
        path.write_bytes(render_strategy_pdf(s))
    else:
        path.write_text(render_strategy_text(s), encoding="utf-8")
    return path


# -- gold ------------------------------------------------------------------------------------

def _validity(valid_from: str | None, valid_until: str | None, further: bool) -> set[str]:
    out = {key("från", valid_from)} if valid_from else set()
    if valid_until:
        out.add(key("till", valid_until))
    if further:
        out.add("tills vidare")
    return out


def strategy_gold(s: StrategySpec) -> Gold:
    v: dict[str, set[str]] = {f: set() for f in FIELDS}
    v["title"] = {s.title}
    v["date"] = {s.adopted}
    v["dnr"] = {s.dnr}
    v["municipality"] = {s.municipality}
    v["kind"] = {s.doc_type}
    v["decisions"] = {key(s.adopted, s.body)}
    if s.owner_person:
        v["people"] = {s.owner_person}
        v["roles"] = {key(s.owner_person, "dokumentansvarig")}
    v["adoption_body"] = {s.body}
    v["adoption_date"] = {s.adopted}
    v["adoption_paragraph"] = {s.paragraph}
    v["validity"] = _validity(s.valid_from, s.valid_until, s.further_notice)
    v["owner"] = {s.owner_person or s.owner}
    v["revisions"] = {key(ver, d) for ver, d, _ in s.revisions}
    for i, a in enumerate(s.areas, 1):
        v["goal_areas"].add(key(i, a.title))
        v["area_goals"] |= {key(i, g) for g in a.goals}
        v["area_strategies"] |= {key(i, g) for g in a.strategies}
        v["measures"] |= {key(i, m) for m in a.measures}
        v["indicators"] |= {key(i, x) for x in a.indicators}
    v["measures"] |= {key(None, m) for m in s.general_measures}
    return Gold(v)


def strategy_values(spec) -> dict[str, set[str]]:
    """The strategy fields' gold of a generated dev strategy (tests/ingest/devset/content.py writes
    `Beslutad av: <body> <date>, § <n>`, `Dokumentansvarig: <person>`, `Gäller: Tills vidare`)."""
    if spec.kind != "strategi":
        return {}
    d = spec.decisions[0]
    return {"adoption_body": {d.body}, "adoption_date": {d.date},
            "adoption_paragraph": {str(d.paragraph)} if d.paragraph is not None else set(),
            "validity": {"tills vidare"}, "owner": {spec.roles[0].person.name}}


def verbatim_strategy_values(s: StrategySpec) -> list[str]:
    """The gold's words that the document's text must hold as written."""
    out = [s.title, s.dnr, s.body, s.adopted, s.owner, *(x for x in (s.valid_from, s.valid_until) if x)]
    out += [ver for ver, _, _ in s.revisions] + [d for _, d, _ in s.revisions]
    for a in s.areas:
        out += [a.title, *a.goals, *a.measures, *a.strategies]
        out += [] if s.indicator_table else list(a.indicators)
    return out + list(s.general_measures)


def wrapped_strategy_values(s: StrategySpec) -> list[str]:
    """Gold in table cells that may wrap: the words stand in the text, a cell's lines perhaps apart."""
    return [x for a in s.areas for x in a.indicators] if s.indicator_table else []


def strategy_items(folder: Path) -> list[tuple[str, Path, Gold]]:
    folder.mkdir(parents=True, exist_ok=True)
    return [(s.key, write_strategy(s, folder), strategy_gold(s)) for s in STRATEGY_SPECS]


# -- reading an extraction -------------------------------------------------------------------

def read_strategy_fields(store, doc_iri: str) -> dict[str, list[tuple[str, ...]]]:
    """The strategy fields of one stored document, read through graph.strategies."""
    from styrgraf.graph.strategies import document_strategy

    out: dict[str, list[tuple[str, ...]]] = {f: [] for f in STRATEGY_FIELDS}
    st = document_strategy(store, doc_iri)
    if st is None:
        return out
    adoption = st["adoption"]
    if adoption:
        body = adoption.get("body") or {}
        out["adoption_body"] = [tuple(x for x in (adoption.get("body_text"), body.get("name"), body.get("abbreviation")) if x)]
        out["adoption_date"] = [(adoption["date"],)] if adoption.get("date") else []
        out["adoption_paragraph"] = [(adoption["paragraph"],)] if adoption.get("paragraph") else []
    validity = st["validity"]
    if validity.get("valid_from"):
        out["validity"].append((key("från", validity["valid_from"]),))
    if validity.get("valid_until"):
        out["validity"].append((key("till", validity["valid_until"]),))
    if validity.get("until_further_notice"):
        out["validity"].append(("tills vidare",))
    owner = st["owner"]
    if owner:
        out["owner"] = [tuple(x for x in ((owner.get("person") or {}).get("name"), owner.get("text")) if x)]
    out["revisions"] = [(key(r["version"], r.get("date")),) for r in st["revisions"]]
    for area in st["goal_areas"]:
        n = area["number"]
        out["goal_areas"].append((key(n, area["title"]),))
        for fld, name in (("area_goals", "goals"), ("area_strategies", "strategies"), ("measures", "measures"),
                          ("indicators", "indicators")):
            out[fld] += [(key(n, item["text"]),) for item in area[name]]
    for fld, name in (("area_strategies", "strategies"), ("measures", "measures"), ("indicators", "indicators")):
        out[fld] += [(key(None, item["text"]),) for item in st["general"][name]]
    return out
