"""A DocSpec as a document's parts: letterhead, cover fields, title, sections, organisation table.

The renderers lay these parts out; the wording follows docs/genre.md (label words, role
words, `Delprojektet ska adressera mål …`, `Andra utredningar/processer som ska beaktas`).
`lost_para` writes decisions' paragraphs without the `§` sign, as docplayer exports do.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from tests.ingest.devset.build import long_date, month_year
from tests.ingest.devset.model import DocSpec, Person


@dataclass
class Section:
    heading: str | None
    paras: list[str] = field(default_factory=list)
    items: list[str] = field(default_factory=list)  # list items, each on its own line
    table: list[tuple[str, str]] | None = None  # (role word, people) rows: the organisation
    grid: list[tuple[str, ...]] | None = None  # a table with a header row: `Aktivitet | Ansvarig | Klart`
    filler: bool = False  # prose without gold values: may be cut by a page break


@dataclass
class Content:
    letterhead: list[str]
    cover: list[tuple[str, str]]  # label, value
    title: str
    sections: list[Section]
    header: str  # running header text


def join_names(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " och " + names[-1]


def written(p: Person, title_first: bool = False) -> str:
    if p.party:
        return f"{p.name} ({p.party})"
    if p.title and title_first:
        return f"{p.title.capitalize()} {p.name}"
    return f"{p.name}, {p.title}" if p.title else p.name


def _para(n: int | None, lost: bool) -> str:
    if n is None:
        return ""
    return f", {n}" if lost else f", § {n}"


def decision_sentences(spec: DocSpec, lost: bool) -> list[str]:
    out = []
    for d in spec.decisions:
        ref = f" ({d.dnr})" if d.dnr else ""
        out.append(f"{d.body} beslutade {d.date}{_para(d.paragraph, lost)} att {d.text}{ref}.")
    return out


def goal_items(spec: DocSpec) -> list[str]:
    if spec.kind == "strategi":
        return [f"Mål {g.label}: {g.text}" for g in spec.goals]
    return [f"{g.label}) {g.text}" if spec.lettered_goals else f"{g.label}. {g.text}" for g in spec.goals]


def role_rows(spec: DocSpec) -> list[tuple[str, str]]:
    rows: dict[str, list[str]] = {}
    for r in spec.roles:
        rows.setdefault(r.word, []).append(written(r.person) if r.role not in ("styrgrupp", "projektgrupp", "referensgrupp")
                                           else r.person.name)
    return [(word, join_names(names)) for word, names in rows.items()]


def _addressed(labels: tuple[str, ...]) -> str:
    return ("målet " if len(labels) == 1 else "målen ") + join_names(list(labels))


def _sectioned_subproject(sp) -> Section:
    """`Delprojekt 2 Titel (mål 1 och 3)`, labels, and what it must take into account as `*` bullets,
    the first two works joined in one bullet."""
    s = Section(f"Delprojekt {sp.number} {sp.title} (mål {join_names(list(sp.goals))})")
    s.paras.append(f"Delprojektansvarig: {join_names([written(p) for p in sp.leaders])}")
    if sp.members:
        s.paras.append(f"Deltagare: {', '.join(p.name for p in sp.members)}")
    s.paras.append("Ska beaktas:")
    works = list(sp.considers)
    if len(works) >= 2:
        works = [f"{works[0]} och {works[1]}"] + works[2:]
    s.items = [f"* {w}" for w in works]
    return s


def subproject_sections(spec: DocSpec) -> list[Section]:
    if spec.extras.get("shape") == "sections":
        return [_sectioned_subproject(sp) for sp in spec.subprojects]
    out = []
    for sp in spec.subprojects:
        s = Section(f"Delprojekt {sp.number}. {sp.title}")
        s.paras.append(f"Delprojektet ska adressera {_addressed(sp.goals)}.")
        s.paras.append(f"{sp.leader_word}: {join_names([written(p) for p in sp.leaders])}")
        if sp.members:
            s.paras.append(f"{sp.member_word}: {join_names([p.name for p in sp.members])}")
        s.paras.append("Andra utredningar/processer som ska beaktas:")
        s.items = [f"{i}. {w}" for i, w in enumerate(sp.considers, 1)]
        out.append(s)
    return out


FILLER = ("Arbetet ska bedrivas i nära samverkan med berörda förvaltningar och bolag. Underlag ska tas fram "
          "så att de politiska besluten kan fattas på goda grunder, och erfarenheter från andra kommuner ska "
          "tas till vara. Resultatet redovisas löpande till styrgruppen.")


def _plan_like(spec: DocSpec, lost: bool, table_org: bool) -> list[Section]:
    secs = [Section("Bakgrund", decision_sentences(spec, lost)),
            Section("Syfte", [f"Syftet är att utveckla {spec.topic} i hela kommunen. " + FILLER], filler=True)]
    if spec.goals and spec.extras.get("shape") == "sections":
        secs.append(Section("Övergripande projektmål", ["Projektet ska uppnå följande:"], goal_items(spec)))
    elif spec.goals:
        secs.append(Section("Mål", ["Projektets mål är:"], goal_items(spec)))
    rows = role_rows(spec)
    if rows and spec.kind != "projektdirektiv":
        org = Section("Projektorganisation")
        if table_org:
            org.table = rows
        else:
            org.paras = [f"{w}: {v}" for w, v in rows]
        secs.append(org)
    secs += subproject_sections(spec)
    leader = next((r.person for r in spec.roles if r.role == "projektledare"), None)
    if spec.extras.get("shape") == "sections" and leader:
        # An activity table whose responsible is the project manager (no new person, no new role).
        year = int(spec.date[:4])
        secs.append(Section("Aktiviteter", grid=[("Aktivitet", "Ansvarig", "Klart"),
                                                 ("Nulägesanalys", leader.name, f"Mars {year}"),
                                                 ("Förslag till styrgruppen", leader.name, f"Oktober {year}")]))
    secs.append(Section("Tidplan", [f"Arbetet startar i {month_year(spec.date).lower()} och redovisas senast "
                                    f"{int(spec.date[:4]) + 1}-12-31."]))
    secs.append(Section("Kostnader/budget", ["Inom befintliga ramar."]))
    sig = spec.extras.get("signatory")
    if sig:
        secs.append(Section(None, ["I tjänsten", f"{sig.name} {sig.title}"]))
    return secs


def content_of(spec: DocSpec, lost: bool = False, table_org: bool = False) -> Content:
    muni = spec.municipality_written
    dnr = spec.dnrs[0]
    header = f"{muni} {spec.date} Dnr {dnr}"
    letterhead = [muni.upper() if spec.kind == "protokollsutdrag" else muni, spec.unit]
    cover: list[tuple[str, str]] = []
    if spec.kind == "projektdirektiv":
        rows = role_rows(spec)
        cover = [("Projektnamn", spec.title.replace("Projektdirektiv för ", "").capitalize()),
                 ("Datum", spec.date), ("Dnr", ", ".join(spec.dnrs))] + rows + [
                 ("Startdatum", month_year(spec.date)), ("Slutdatum", month_year(f"{int(spec.date[:4]) + 2}-12-01"))]
        if table_org:
            cover = cover[:3]
        secs = _plan_like(spec, lost, table_org)
        if table_org:
            secs.insert(3, Section("Projektorganisation", table=rows))
        return Content(letterhead, cover, spec.title, secs, header)
    if spec.kind == "protokollsutdrag":
        d = spec.decisions[0]
        body = d.body
        header = f"SAMMANTRÄDESPROTOKOLL {body} {d.date} {spec.extras.get('page', 14)} (31)"
        para = f"{d.paragraph}" if lost else f"§ {d.paragraph}"
        people = {r.role: r.person for r in spec.roles}
        secs = [Section(None, [f"{para} Dnr {dnr}"]),
                Section("Ärendet", [f"{spec.unit} har tagit fram ett underlag om {spec.topic}. " + FILLER], filler=True),
                Section("Förslag till beslut", [f"Kommunstyrelsens arbetsutskott föreslår att {d.text}."]),
                Section(f"{body}s beslut", [f"{body} beslutar att {d.text}."]),
                Section(None, [f"Ordförande: {written(people['ordforande'])}",
                               f"Justerande: {written(people['justerare'])}",
                               f"Sekreterare: {people['sekreterare'].name}",
                               "Justerandes sign Utdragsbestyrkande"])]
        return Content(letterhead, [], spec.title, secs, header)
    if spec.kind == "strategi":
        d = spec.decisions[0]
        owner = spec.roles[0].person
        cover = [("Dokumenttyp", "Strategi"), ("Beslutad av", f"{d.body} {d.date}{_para(d.paragraph, lost)}"),
                 ("Dokumentansvarig", written(owner)), ("Diarienummer", dnr), ("Gäller", "Tills vidare"),
                 ("Revideras", str(int(d.date[:4]) + 4))]
        secs = [Section("1. Inledning", [f"Strategin anger inriktningen för {spec.topic} i {spec.municipality} kommun. "
                                         + FILLER], filler=True),
                Section("2. Mål", ["Kommunens mål är följande."], goal_items(spec)),
                Section("3. Uppföljning", ["Strategin följs upp årligen i kommunens årsredovisning."])]
        return Content(letterhead, cover, spec.title, secs, header)
    if spec.kind == "uppdragsbeskrivning":
        cover = [("Datum", spec.date), ("Diarienummer", dnr)]
    elif spec.style in ("flat-table", "cover-table"):
        cover = [("Dokumenttyp", "Projektplan"), ("Datum", spec.date), ("Dnr", ", ".join(spec.dnrs)), ("Version", "1.0")]
    elif len(spec.dnrs) > 1:
        cover = [("Dnr", ", ".join(spec.dnrs))]
    return Content(letterhead, cover, spec.title, _plan_like(spec, lost, table_org), header)
