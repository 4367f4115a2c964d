"""Typed records produced by the extraction pipeline.

Extraction is a pipeline of pure functions from page text to these records; a
single step (`ingest.to_rdf`) turns records into RDF. Every record that states a
fact carries `evidence`: where in the stored, normalised page text the fact was
read, with the exact quote, so that an auditor can check it against the source.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Evidence:
    """A verbatim quote: `page_text[start:end] == quote` for page `page`.

    Page 0 is the export preamble of a text export (title line and the
    site's "Relevanta dokument" list); pages 1..N are the document's pages.
    """

    page: int
    start: int
    end: int
    quote: str


Evidences = tuple[Evidence, ...]


@dataclass(frozen=True)
class DateValue:
    """A date as written, with its reading.

    `iso` is YYYY-MM-DD (precision "day") or YYYY-MM (precision "month").
    An impossible date such as 2012-04-31 keeps its text, has `valid=False`
    and `iso=None`: it is never shifted, guessed or dropped.
    """

    text: str
    iso: str | None
    precision: str = "day"
    valid: bool = True
    year_inferred: bool = False


@dataclass(frozen=True)
class Organisation:
    """An organisation or body as written in the text (`key` = abbreviation if any)."""

    key: str
    name: str | None
    abbreviation: str | None
    evidence: Evidences = ()


@dataclass(frozen=True)
class Person:
    name: str
    titles: tuple[str, ...] = ()
    affiliations: tuple[str, ...] = ()  # organisation keys
    evidence: Evidences = ()
    parties: tuple[str, ...] = ()  # political parties as written after the name (`S`, `MP`)


@dataclass(frozen=True)
class RoleAssignment:
    """A person (or organisation) holding a role in a project or subproject.

    `role` is a key of `ingest.roles.ROLES` (e.g. "projektledare").
    `subproject` is the subproject number, or None for a project-level role.
    """

    person: str  # Person.name
    role: str
    role_text: str  # the role word as written
    subproject: int | None
    evidence: Evidences = ()
    # Outside a project: the organisation (key) in which the role is held, e.g. the body whose
    # meeting a chair led; None means the document's municipality.
    organisation: str | None = None


@dataclass(frozen=True)
class Involvement:
    """An organisation taking part in a subproject (`med stöd från HNAB`, a reference group)."""

    organisation: str  # Organisation.key
    role: str  # a key of ingest.roles.ROLES ("stod" for support)
    subproject: int | None
    evidence: Evidences = ()


@dataclass(frozen=True)
class DecisionPoint:
    number: int
    text: str
    evidence: Evidences = ()


@dataclass(frozen=True)
class Decision:
    """A decision or event: assignment, tabling, decision, the plan's own decision."""

    key: str  # unique within the document, e.g. "2012-02-07-klu"
    kind: str  # "assignment" | "tabling" | "decision" | "plan"
    date: DateValue | None
    body: str | None  # organisation key of who decided
    identifier: str | None  # Dnr, e.g. "KS 2011/0546"
    text: str
    points: tuple[DecisionPoint, ...] = ()
    builds_on: tuple[str, ...] = ()  # keys of earlier decisions
    evidence: Evidences = ()


@dataclass(frozen=True)
class Intention:
    number: int
    letter: str | None  # "a".."l" when lettered, None when numbered
    text: str
    decided_by: str | None  # Decision.key
    evidence: Evidences = ()


@dataclass(frozen=True)
class Coverage:
    """Subproject `subproject` addresses intention `intention` (optionally with a scope)."""

    subproject: int
    intention: int
    scope: str | None = None
    evidence: Evidences = ()
    scope_evidence: Evidences = ()


@dataclass(frozen=True)
class Reference:
    """An investigation, project, process, plan or decision a subproject must consider."""

    key: str  # normalised key, unique within the document
    title: str  # as written
    kind: str  # "investigation" | "project" | "process" | "plan" | "decision" | "other"
    identifier: str | None = None  # a Dnr if the reference gives one
    evidence: Evidences = ()


@dataclass(frozen=True)
class Consideration:
    """Subproject must take `reference` into account (or its sibling subprojects)."""

    subproject: int
    reference: str | None  # Reference.key, or None when `siblings` is True
    siblings: bool = False  # "Övriga delprojekt": all other subprojects of the plan
    evidence: Evidences = ()


@dataclass(frozen=True)
class Milestone:
    subproject: int | None
    label: str
    date: DateValue | None
    evidence: Evidences = ()


@dataclass(frozen=True)
class TextFact:
    """A piece of prose belonging to a subproject: purpose, scope limit, method step..."""

    text: str
    evidence: Evidences = ()


@dataclass(frozen=True)
class Subproject:
    number: int
    title: str
    appendix: int | None = None
    purpose: TextFact | None = None
    scope_limits: tuple[TextFact, ...] = ()
    method_steps: tuple[TextFact, ...] = ()
    budget: TextFact | None = None
    reporting: TextFact | None = None
    evidence: Evidences = ()


@dataclass(frozen=True)
class Appendix:
    number: int
    date: DateValue | None
    title: str | None
    pages: tuple[int, ...]
    evidence: Evidences = ()


@dataclass(frozen=True)
class RelatedDocument:
    """A title from the export's "Relevanta dokument" list: a link, not content."""

    title: str
    evidence: Evidences = ()


# One severity per finding code, for what the ingest reports (stored with the document, shown by
# `show`) and what `styrgraf check` finds alike: `error` where the document contradicts itself or the
# calendar, `warning` where a coordinator should act, `info` where it is worth knowing. SHACL findings
# take the severity their shape declares (the shapes file is their table).
SEVERITIES = ("error", "warning", "info")
SEVERITY = {
    # the ingest's findings
    "invalid-date": "error",
    "unknown-intention": "error",
    "unknown-kind": "warning",
    # the checks' findings
    "impossible-date": "error",
    "intention-letter-mismatch": "error",
    "intention-number-mismatch": "error",
    "missing-date": "warning",
    "missing-schedule": "warning",
    "milestone-after-deadline": "warning",
    "intention-unaddressed": "warning",
    "intention-shared-unscoped": "warning",
    "subproject-no-intention": "warning",
    "subproject-no-leader": "warning",
    "person-many-subprojects": "warning",
    "intention-shared": "info",
}


def severity_of(code: str) -> str:
    """A finding code's one severity (`invalid-date` -> `error`); a code of no table is a warning."""
    return SEVERITY.get(code, "warning")


@dataclass(frozen=True)
class Finding:
    """Something the ingest noticed and reports (e.g. an impossible date). Made by `Finding.of(code, …)`,
    which gives it its code's severity from SEVERITY."""

    severity: str  # one of SEVERITIES
    code: str  # e.g. "invalid-date"
    message: str  # in Swedish
    evidence: Evidences = ()
    message_en: str = ""  # the same in English (empty for a finding stored without it)

    @classmethod
    def of(cls, code: str, message: str, message_en: str, evidence: Evidences = ()) -> "Finding":
        return cls(severity_of(code), code, message, evidence, message_en)


@dataclass(frozen=True)
class DatedFact:
    """A date of the document other than its own, typed by what it is.

    `role` is `meeting`, `start`, `end`, `adoption`, `valid_from` or `valid_until` (ingest.basic_facts
    reads them; ingest.validity reads a steering document's validity anywhere in it).
    """

    role: str
    value: DateValue
    evidence: Evidences = ()


@dataclass(frozen=True)
class CaseNumberMention:
    """A case number (diarienummer) as written: one of the document's own, or one it cites."""

    dnr: str
    own: bool
    evidence: Evidences = ()


@dataclass(frozen=True)
class DocumentInfo:
    title: str
    doc_type: str  # key of ingest.kinds document types, e.g. "projektplan"
    date: DateValue | None
    identifier: str | None  # Dnr
    municipality: str | None
    signatory: str | None  # Person.name
    signatory_title: str | None
    page_count: int
    title_evidence: Evidences = ()
    date_evidence: Evidences = ()
    identifier_evidence: Evidences = ()
    municipality_evidence: Evidences = ()
    signatory_evidence: Evidences = ()
    other_dates: tuple[DatedFact, ...] = ()
    # Case numbers besides `identifier`: further own numbers, and those the document cites.
    case_numbers: tuple[CaseNumberMention, ...] = ()


@dataclass(frozen=True)
class Project:
    title: str
    owner: str | None  # Person.name of the accountable owner of the whole project
    evidence: Evidences = ()


@dataclass
class PlanRecords:
    """Everything extracted from one project plan or directive."""

    document: DocumentInfo
    project: Project | None = None
    appendices: list[Appendix] = field(default_factory=list)
    decisions: list[Decision] = field(default_factory=list)
    intentions: list[Intention] = field(default_factory=list)
    subprojects: list[Subproject] = field(default_factory=list)
    coverage: list[Coverage] = field(default_factory=list)
    organisations: list[Organisation] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    roles: list[RoleAssignment] = field(default_factory=list)
    involvements: list[Involvement] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    considerations: list[Consideration] = field(default_factory=list)
    milestones: list[Milestone] = field(default_factory=list)
    related_documents: list[RelatedDocument] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    meeting: Meeting | None = None  # minutes and protocol extracts (ingest.kinds.minutes)
    strategy: StrategyParts | None = None  # strategies, policies, programmes (ingest.kinds.strategy)


@dataclass(frozen=True)
class Participant:
    """Someone the minutes' cover lists: a decision-maker, a serving substitute, another participant,
    an adjuster or the secretary. `roles` are keys of `ingest.roles.ROLES` held at the meeting."""

    name: str  # Person.name
    roles: tuple[str, ...]
    role_text: str  # the label or role word as written (`Beslutande`, `vice ordförande`)
    party: str | None = None
    title: str | None = None
    replaces: str | None = None  # Person.name of the member a serving substitute stands in for
    paragraphs: str | None = None  # the paragraphs attended, as written (`4`, `7-9`)
    evidence: Evidences = ()


@dataclass(frozen=True)
class Reservation:
    """Members who reserved themselves against a paragraph's decision."""

    members: tuple[str, ...]  # Person.name
    parties: tuple[str, ...]
    text: str
    evidence: Evidences = ()


@dataclass(frozen=True)
class Motion:
    """A motion (yrkande) made at the meeting: who moved what. `kind` is the motion's sort as the
    minutes word it: `bifall`, `avslag`, `aterremiss`, `bordlaggning`, `andring`, `tillagg` or
    `yrkande` (a motion of its own wording)."""

    movers: tuple[str, ...]  # Person.name
    parties: tuple[str, ...]
    kind: str
    proposal: str  # what was moved, as written after `yrkar` (`bifall till arbetsutskottets förslag`)
    text: str  # the whole sentence
    evidence: Evidences = ()


@dataclass(frozen=True)
class Vote:
    """How the decision was put (propositionsordning, beslutsgång) and, when counted, the vote
    (omröstning): the proposal the chair found adopted and the votes cast."""

    text: str
    adopted: str | None = None  # the proposal found adopted, as written (`arbetsutskottets förslag`)
    yes: int | None = None
    no: int | None = None
    abstained: int | None = None
    evidence: Evidences = ()


@dataclass(frozen=True)
class MeetingParagraph:
    """One paragraph (`§ 12`) of minutes: its matter and what was decided."""

    number: str  # as read: `12`, `118/2021`, `KLU 3`
    ordinal: int | None  # the paragraph's number alone
    title: TextFact | None
    identifier: str | None  # Dnr
    decision: str | None  # Decision.key in PlanRecords.decisions
    proposal: TextFact | None = None
    motions: tuple[Motion, ...] = ()
    reservations: tuple[Reservation, ...] = ()
    recipients: tuple[TextFact, ...] = ()
    evidence: Evidences = ()
    identifier_evidence: Evidences = ()
    votes: tuple[Vote, ...] = ()


@dataclass(frozen=True)
class Meeting:
    """A body's meeting as its minutes record it: the cover's facts and the paragraphs."""

    body: str | None  # Organisation.key
    date: DateValue | None
    extract: bool  # a protocol extract: one paragraph lifted from the minutes
    place_time: TextFact | None = None
    adjustment: TextFact | None = None  # place and time of the adjustment (justering)
    paragraph_range: TextFact | None = None  # as written, `12-20`
    first_paragraph: int | None = None
    last_paragraph: int | None = None
    notice_posted: DatedFact | None = None  # `Datum för anslags uppsättande`
    notice_removed: DatedFact | None = None  # `Datum för anslags nedtagande`
    participants: tuple[Participant, ...] = ()
    paragraphs: tuple[MeetingParagraph, ...] = ()
    evidence: Evidences = ()
    date_evidence: Evidences = ()
    place: TextFact | None = None  # the place alone, out of `place_time` or a `Plats` label
    time: TextFact | None = None  # the clock time alone (`kl. 13.00–15.30`)


@dataclass(frozen=True)
class Adoption:
    """Who adopted a strategy, policy or programme, when, and under which minutes paragraph
    (`Antagen av kommunfullmäktige 2016-05-24, § 45`, a cover table `Beslutad av | Datum`)."""

    body: str | None  # Organisation.key
    body_text: str  # the body as written
    date: DateValue | None
    paragraph: str | None  # the paragraph's number as written (`45`, `118/2021`)
    decision: str | None = None  # Decision.key in PlanRecords.decisions
    evidence: Evidences = ()
    date_evidence: Evidences = ()
    paragraph_evidence: Evidences = ()


@dataclass(frozen=True)
class Validity:
    """How long the document applies: `Gäller från`, `Gäller till`, `Giltig till`, `Gäller t.o.m.`,
    or `Gäller tills vidare`. Typed as validity, never as a project's start or end."""

    valid_from: DatedFact | None = None
    valid_until: DatedFact | None = None
    until_further_notice: TextFact | None = None


@dataclass(frozen=True)
class DocumentOwner:
    """Who answers for the document (`Dokumentansvarig`, `Dokumentägare`, `Ansvarig`): a person,
    or a post (`Kommundirektör`) when the document names none."""

    text: str  # the value as written
    person: str | None  # Person.name when the value names a person
    evidence: Evidences = ()
    label: str = "Dokumentansvarig"  # the label as written


@dataclass(frozen=True)
class Revision:
    """A row of the revision history (`Version | Datum | Ändring`)."""

    version: str
    date: DateValue | None
    change: str | None
    evidence: Evidences = ()


@dataclass(frozen=True)
class StrategyItems:
    """The lists under a goal area, or the document's own: goals, strategies (ways of working),
    measures (`Åtgärder`, `Insatser`) and indicators (`Indikatorer`, `Nyckeltal`, `Mätetal`)."""

    goals: tuple[TextFact, ...] = ()
    strategies: tuple[TextFact, ...] = ()
    measures: tuple[TextFact, ...] = ()
    indicators: tuple[TextFact, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.goals or self.strategies or self.measures or self.indicators)


@dataclass(frozen=True)
class GoalArea:
    """`Målområde 1: Trygg uppväxt`, `Fokusområde 2 – Digitala tjänster` and what it lists."""

    number: int | None  # the area's number (a letter counts a=1), None when unnumbered
    label: str | None  # the number or letter as written
    word: str  # the area word as written: `Målområde`, `Fokusområde`
    title: str
    items: StrategyItems = StrategyItems()
    evidence: Evidences = ()


@dataclass(frozen=True)
class StrategyParts:
    """What a strategy, policy, programme or guideline says of itself besides its basic facts."""

    adoption: Adoption | None = None
    validity: Validity = Validity()
    owner: DocumentOwner | None = None
    revisions: tuple[Revision, ...] = ()
    goal_areas: tuple[GoalArea, ...] = ()
    general: StrategyItems = StrategyItems()  # lists outside any goal area
